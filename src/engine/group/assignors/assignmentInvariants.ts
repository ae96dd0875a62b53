/**
 * Invariants of an assignment, reported as readable messages (an empty list means it holds).
 *
 * Validity: every input member has an entry (and no one else does), lists are sorted by
 * (topic, partition), each partition exists, goes to a subscriber of its topic, and to at most
 * one member; optionally every partition of a subscribed topic is assigned. Balance (sticky
 * assignors): no partition could move to another subscriber of its topic holding at least two
 * fewer partitions, which for identical subscriptions means counts differ by at most one.
 */
import { compareTopicPartitions, tpKey } from '../../types';
import {
  allPartitionsSorted,
  knownTopicsOf,
  partitionExists,
  subscribedPartitionCounts,
} from './topicPartitions';
import type { Assignment, AssignmentInput } from './types';

export function findAssignmentViolations(
  input: AssignmentInput,
  assignment: Assignment,
  options: { readonly requireComplete: boolean } = { requireComplete: true },
): string[] {
  const problems: string[] = [];
  const counts = subscribedPartitionCounts(input);
  const memberIds = new Set(input.members.map((member) => member.memberId));
  for (const memberId of Object.keys(assignment)) {
    if (!memberIds.has(memberId)) problems.push(`unknown member ${memberId} has an assignment`);
  }
  const holders = new Map<string, string>();
  for (const member of input.members) {
    const list = Object.hasOwn(assignment, member.memberId)
      ? assignment[member.memberId]
      : undefined;
    if (!list) {
      problems.push(`member ${member.memberId} is missing from the assignment`);
      continue;
    }
    const topics = knownTopicsOf(member, counts);
    list.forEach((tp, index) => {
      const key = tpKey(tp.topic, tp.partition);
      const previous = list[index - 1];
      if (previous && compareTopicPartitions(previous, tp) >= 0) {
        problems.push(`${member.memberId}'s list is not strictly sorted at ${key}`);
      }
      if (!partitionExists(tp, counts))
        problems.push(`${key} given to ${member.memberId} does not exist`);
      else if (!topics.has(tp.topic))
        problems.push(`${key} given to non-subscriber ${member.memberId}`);
      const other = holders.get(key);
      if (other !== undefined)
        problems.push(`${key} given to both ${other} and ${member.memberId}`);
      holders.set(key, member.memberId);
    });
  }
  if (options.requireComplete) {
    for (const tp of allPartitionsSorted(counts)) {
      const key = tpKey(tp.topic, tp.partition);
      if (!holders.has(key)) problems.push(`${key} is not assigned`);
    }
  }
  return problems;
}

export function findBalanceViolations(input: AssignmentInput, assignment: Assignment): string[] {
  const problems: string[] = [];
  const counts = subscribedPartitionCounts(input);
  const sizeOf = (memberId: string): number =>
    (Object.hasOwn(assignment, memberId) ? assignment[memberId]?.length : undefined) ?? 0;
  for (const member of input.members) {
    const topics = knownTopicsOf(member, counts);
    for (const other of input.members) {
      if (sizeOf(other.memberId) < sizeOf(member.memberId) + 2) continue;
      const movable = (assignment[other.memberId] ?? []).find((tp) => topics.has(tp.topic));
      if (movable) {
        problems.push(
          `${tpKey(movable.topic, movable.partition)} could move from ${other.memberId} ` +
            `(${sizeOf(other.memberId)}) to ${member.memberId} (${sizeOf(member.memberId)})`,
        );
      }
    }
  }
  return problems;
}
