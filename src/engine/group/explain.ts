/**
 * Plain-language descriptions of what a rebalance changed, for the event log:
 * "email-1 takes orders-2 from email-0, gets orders-0, keeps 1". A member *keeps* a partition
 * only when the same member (same incarnation) owned it before and after a cooperative
 * rebalance, never losing it; under the eager protocol every member revokes everything first,
 * so what it owned before it *gets back*; a restarted instance (a new member) *gets* what its
 * previous incarnation had.
 */
import { tpKey, type TopicPartition } from '../types';

/** One member's partitions at the end of a rebalance. */
export interface MemberAssignment {
  /** The instance the member runs in (its name in explanations). */
  instance: string;
  partitions: readonly TopicPartition[];
  /** Whether the member rebalances cooperatively (it keeps what does not move). */
  cooperative: boolean;
}

/** `before` and `after`: member id → its assignment. */
export function describeAssignmentChange(
  before: ReadonlyMap<string, MemberAssignment>,
  after: ReadonlyMap<string, MemberAssignment>,
): string {
  const previousOwner = new Map<string, { memberId: string; instance: string }>();
  for (const [memberId, { instance, partitions }] of before) {
    for (const tp of partitions)
      previousOwner.set(tpKey(tp.topic, tp.partition), { memberId, instance });
  }
  const parts: string[] = [];
  const members = [...after].sort(([, a], [, b]) =>
    a.instance < b.instance ? -1 : a.instance > b.instance ? 1 : 0,
  );
  for (const [memberId, { instance, partitions, cooperative }] of members) {
    const moved: string[] = [];
    const added: string[] = [];
    const back: string[] = [];
    let kept = 0;
    for (const tp of partitions) {
      const key = tpKey(tp.topic, tp.partition);
      const owner = previousOwner.get(key);
      if (owner === undefined || (owner.instance === instance && owner.memberId !== memberId))
        added.push(key);
      else if (owner.memberId === memberId) {
        if (cooperative) kept++;
        else back.push(key);
      } else moved.push(`${key} from ${owner.instance}`);
    }
    const pieces: string[] = [];
    if (moved.length > 0) pieces.push(`takes ${moved.join(', ')}`);
    if (added.length > 0) pieces.push(`gets ${added.join(', ')}`);
    if (back.length > 0) pieces.push(`gets back ${back.join(', ')}`);
    if (kept > 0) pieces.push(`keeps ${kept}`);
    if (partitions.length === 0) pieces.push('gets nothing');
    parts.push(`${instance} ${pieces.join(', ')}`);
  }
  return parts.length > 0 ? `${parts.join('; ')}.` : 'no members.';
}
