/**
 * Where a producer's message goes: an event producer appends to its topic (choosing the
 * partition); a command client sends the command to the one service that owns it, which may
 * accept it (and append an event) or reject it.
 */
import type { EngineContext, OutgoingMessage } from '../engineContext';
import type { LogRecord } from '../log/record';
import type { Topic } from '../log/topic';
import type { ProducerSpec } from '../scenario';
import type { ProducerSender } from '../broker/producerSender';

export type { OutgoingMessage } from '../engineContext';

export function sendFromProducer(
  world: EngineContext,
  producer: { readonly id: string; readonly spec: ProducerSpec; readonly sender?: ProducerSender | null },
  message: OutgoingMessage,
): void {
  const spec = producer.spec;
  if (spec.command !== undefined && spec.to !== undefined) {
    world.sendCommand(spec.to, producer.id, message);
    return;
  }
  const topic = world.topics.get(spec.topic ?? '');
  if (!topic) return;
  if (!producer.sender) {
    appendToTopic(world, topic, producer.id, message);
    return;
  }
  // Replicated: the record goes through the producer's batches and produce requests (broker/).
  const partition = partitionFor(world, topic, producer.id, message);
  if (partition === null) return;
  world.produceToCluster(producer.id, topic.name, partition, {
    key: message.key,
    eventType: message.eventType,
    payload: message.payload,
    producer: producer.id,
    eventId: message.eventId,
  });
}

/** Appends a message to a topic, refusing what Kafka's broker would refuse. */
export function appendToTopic(world: EngineContext, topic: Topic, source: string, message: OutgoingMessage): LogRecord | null {
  const partition = partitionFor(world, topic, source, message);
  if (partition === null) return null;
  if (!world.partitionWritable(topic.name, partition)) {
    world.emit('error', source, `${source}: ${topic.name}-${partition} has no live leader: the record is not written.`);
    return null;
  }
  return world.append(topic, partition, {
    key: message.key,
    eventType: message.eventType,
    payload: message.payload,
    producer: source,
    eventId: message.eventId,
    freshOrigin: message.freshOrigin,
    freshCounter: message.freshCounter,
  });
}

/** The partition a message goes to, or null (with an explanation) when Kafka would refuse it. */
function partitionFor(world: EngineContext, topic: Topic, source: string, message: OutgoingMessage): number | null {
  if (message.key === null && topic.config.cleanupPolicy.includes('compact')) {
    world.emit('error', source, `${source}: record refused by compacted topic ${topic.name}: "Compacted topic cannot accept message without key".`);
    return null;
  }
  const partition =
    typeof message.partition === 'number' ? message.partition : message.partition(topic.partitionCount);
  if (!Number.isInteger(partition) || partition < 0 || partition >= topic.partitionCount) {
    world.emit('error', source, `${source}: partition ${partition} does not exist in ${topic.name} (it has ${topic.partitionCount}).`);
    return null;
  }
  return partition;
}
