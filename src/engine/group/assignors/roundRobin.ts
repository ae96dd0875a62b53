/**
 * Kafka's RoundRobinAssignor (`RoundRobinAssignor.java`).
 *
 * Every partition of every subscribed topic, sorted by (topic, partition), is dealt to the
 * members in Kafka member order, circularly. A member not subscribed to the partition's topic
 * is skipped, and the circle keeps its place (Kafka's `CircularIterator` advances until it
 * finds a subscriber), so the deal is balanced only when subscriptions are identical.
 */
import type { TopicPartition } from '../../types';
import { sortMembers } from './memberOrder';
import {
  allPartitionsSorted,
  knownTopicsOf,
  subscribedPartitionCounts,
  toAssignment,
} from './topicPartitions';
import type { Assignment, AssignmentInput } from './types';

export function roundRobinAssign(input: AssignmentInput): Assignment {
  const counts = subscribedPartitionCounts(input);
  const lists = new Map<string, TopicPartition[]>(input.members.map((m) => [m.memberId, []]));
  const circle = sortMembers(input.members).map((member) => ({
    memberId: member.memberId,
    topics: knownTopicsOf(member, counts),
  }));

  let position = 0;
  for (const tp of allPartitionsSorted(counts)) {
    // Every partition's topic has at least one subscriber (counts only holds subscribed
    // topics), so this loop ends within one turn of the circle.
    while (!circle[position]?.topics.has(tp.topic)) position = (position + 1) % circle.length;
    const holder = circle[position];
    if (holder) lists.get(holder.memberId)?.push(tp);
    position = (position + 1) % circle.length;
  }
  return toAssignment(input.members, lists);
}
