/**
 * Helpers shared by the assignors: which topics exist and are subscribed, the partitions they
 * have, and turning per-member lists into the sorted `Assignment` the contract promises.
 *
 * A topic counts only if the input gives it a positive integer partition count (Kafka skips
 * topics without metadata); a member's subscription to any other topic yields nothing.
 */
import { compareTopicPartitions, type TopicPartition } from '../../types';
import { sortMembers } from './memberOrder';
import type { Assignment, AssignmentInput, AssignmentMember } from './types';

/** Partition counts of the topics that exist and that at least one member subscribes to. */
export function subscribedPartitionCounts(input: AssignmentInput): Map<string, number> {
  const counts = new Map<string, number>();
  for (const member of input.members) {
    for (const topic of member.topics) {
      if (!Object.hasOwn(input.topics, topic)) continue;
      const count = input.topics[topic];
      if (count !== undefined && Number.isInteger(count) && count > 0) counts.set(topic, count);
    }
  }
  return counts;
}

/** The member's subscribed topics that exist, deduplicated. */
export function knownTopicsOf(
  member: AssignmentMember,
  counts: ReadonlyMap<string, number>,
): Set<string> {
  return new Set(member.topics.filter((topic) => counts.has(topic)));
}

/** True if the partition exists among `counts` (index an integer in range). */
export function partitionExists(tp: TopicPartition, counts: ReadonlyMap<string, number>): boolean {
  const count = counts.get(tp.topic);
  return (
    count !== undefined &&
    Number.isInteger(tp.partition) &&
    tp.partition >= 0 &&
    tp.partition < count
  );
}

/** Partitions 0..count-1 of one topic. */
export function partitionsOfTopic(topic: string, count: number): TopicPartition[] {
  return Array.from({ length: count }, (_, partition) => ({ topic, partition }));
}

/** All partitions of the given topics, sorted by (topic, partition). */
export function allPartitionsSorted(counts: ReadonlyMap<string, number>): TopicPartition[] {
  return [...counts.entries()]
    .flatMap(([topic, count]) => partitionsOfTopic(topic, count))
    .sort(compareTopicPartitions);
}

/**
 * The result object: one entry per input member in Kafka member order, each list sorted.
 * Built with `Object.fromEntries` so any member id (even `__proto__`) is an own property.
 */
export function toAssignment(
  members: readonly AssignmentMember[],
  lists: ReadonlyMap<string, readonly TopicPartition[]>,
): Assignment {
  return Object.fromEntries(
    sortMembers(members).map((member) => [
      member.memberId,
      [...(lists.get(member.memberId) ?? [])].sort(compareTopicPartitions),
    ]),
  );
}
