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
  if (!(partition >= 0 && partition < CACHED_PARTITIONS) || !Number.isInteger(partition)) return `${topic}-${partition}`;
  let keys = tpKeys.get(topic);
  if (keys === undefined) {
    if (tpKeys.size >= CACHED_TOPICS) tpKeys.clear();
    tpKeys.set(topic, (keys = []));
  }
  return (keys[partition] ??= `${topic}-${partition}`);
}

/**
 * Every key made once: a snapshot at the limits names 16,000 partitions four times over (each
 * instance's positions and assignment, each member's), and making those strings anew was a
 * third of what one snapshot allocated there (doc/benchmarks.md). Bounded: a page that saw more
 * topic names than this starts again.
 */
const tpKeys = new Map<string, string[]>();
const CACHED_TOPICS = 4_096;
const CACHED_PARTITIONS = 4_096;

/** Compares topic-partitions by (topic, partition), the order Kafka's assignors sort them in. */
export function compareTopicPartitions(a: TopicPartition, b: TopicPartition): number {
  if (a.topic !== b.topic) return a.topic < b.topic ? -1 : 1;
  return a.partition - b.partition;
}

