/**
 * Kafka's member order for range and round-robin (`AbstractPartitionAssignor.MemberInfo`):
 * static members first, by `group.instance.id`, then dynamic members by member id.
 *
 * Strings compare by UTF-16 code unit, like Java's `String.compareTo`, never by locale. Two
 * static members sharing an instance id fall back to member id so the order never depends on
 * the order of the input.
 */
import type { AssignmentMember } from './types';

type MemberIdentity = Pick<AssignmentMember, 'memberId' | 'groupInstanceId'>;

/** Plain code-unit string order, as Java's `String.compareTo` (never locale-aware collation). */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function compareMembers(a: MemberIdentity, b: MemberIdentity): number {
  const aStatic = a.groupInstanceId != null;
  const bStatic = b.groupInstanceId != null;
  if (aStatic && bStatic) {
    const byInstance = compareStrings(a.groupInstanceId as string, b.groupInstanceId as string);
    if (byInstance !== 0) return byInstance;
  } else if (aStatic) {
    return -1;
  } else if (bStatic) {
    return 1;
  }
  return compareStrings(a.memberId, b.memberId);
}

/** A sorted copy; the input is left untouched. */
export function sortMembers<T extends MemberIdentity>(members: readonly T[]): T[] {
  return [...members].sort(compareMembers);
}
