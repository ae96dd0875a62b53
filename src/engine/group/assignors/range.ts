/**
 * Kafka's RangeAssignor (`RangeAssignor.java`, without rack awareness).
 *
 * Each topic is split on its own: its subscribers in Kafka member order, partitions 0..P-1 in
 * consecutive ranges; with C subscribers the first P mod C get ceil(P/C), the rest floor(P/C).
 * Same-numbered partitions of equally sized topics therefore land on the same member
 * (co-partitioning), and the extra partitions of every topic pile up on the first members.
 */
import type { TopicPartition } from '../../types';
import { sortMembers } from './memberOrder';
import { knownTopicsOf, subscribedPartitionCounts, toAssignment } from './topicPartitions';
import type { Assignment, AssignmentInput } from './types';

export function rangeAssign(input: AssignmentInput): Assignment {
  const counts = subscribedPartitionCounts(input);
  const lists = new Map<string, TopicPartition[]>(input.members.map((m) => [m.memberId, []]));

  const subscribersByTopic = new Map<string, string[]>();
  for (const member of sortMembers(input.members)) {
    for (const topic of knownTopicsOf(member, counts)) {
      const subscribers = subscribersByTopic.get(topic) ?? [];
      subscribers.push(member.memberId);
      subscribersByTopic.set(topic, subscribers);
    }
  }

  for (const [topic, subscribers] of subscribersByTopic) {
    const partitionCount = counts.get(topic) ?? 0;
    const perMember = Math.floor(partitionCount / subscribers.length);
    const withExtra = partitionCount % subscribers.length;
    subscribers.forEach((memberId, index) => {
      const start = perMember * index + Math.min(index, withExtra);
      const length = perMember + (index < withExtra ? 1 : 0);
      const list = lists.get(memberId);
      for (let partition = start; partition < start + length; partition++) {
        list?.push({ topic, partition });
      }
    });
  }
  return toAssignment(input.members, lists);
}
