/**
 * Small shared vocabulary of the engine: time, offsets, topic-partitions.
 *
 * Times are integer virtual milliseconds. Nothing here reads a real clock.
 */

/** Virtual time in integer milliseconds since the start of a run. */
export type SimTimeMs = number;

/** A Kafka offset: the position of a record in one partition. */
export type Offset = number;

export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** Kafka's own textual form of a topic-partition, e.g. `orders-2`. */
export function tpKey(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}

/** Compares topic-partitions by (topic, partition), the order Kafka's assignors sort them in. */
export function compareTopicPartitions(a: TopicPartition, b: TopicPartition): number {
  if (a.topic !== b.topic) return a.topic < b.topic ? -1 : 1;
  return a.partition - b.partition;
}

