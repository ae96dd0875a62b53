/**
 * Where a producer's message goes: an event producer appends to its topic (choosing the
 * partition); a command client sends the command to the one service that owns it, which may
 * accept it (and append an event) or reject it.
 */
import type { EngineContext, OutgoingMessage } from '../engineContext';
import type { LogRecord } from '../log/record';
import type { Topic } from '../log/topic';
import type { ProducerSpec } from '../scenario';

export type { OutgoingMessage } from '../engineContext';

export function sendFromProducer(world: EngineContext, producer: { readonly id: string; readonly spec: ProducerSpec }, message: OutgoingMessage): void {
  const spec = producer.spec;
  if (spec.command !== undefined && spec.to !== undefined) {
    world.sendCommand(spec.to, producer.id, message);
    return;
  }
  const topic = world.topics.get(spec.topic ?? '');
  if (topic) appendToTopic(world, topic, producer.id, message);
}

/** Appends a message to a topic, refusing what Kafka's broker would refuse. */
export function appendToTopic(world: EngineContext, topic: Topic, source: string, message: OutgoingMessage): LogRecord | null {
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
  return world.append(topic, partition, {
    key: message.key,
    eventType: message.eventType,
    payload: message.payload,
    producer: source,
    eventId: message.eventId,
  });
}
