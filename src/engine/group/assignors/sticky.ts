/**
 * Kafka's StickyAssignor (`AbstractStickyAssignor` semantics): an assignment that is valid
 * (each partition of a subscribed topic goes to exactly one of its subscribers), balanced, and
 * sticky (members keep as many of their valid owned partitions as balance allows).
 *
 * Ownership claims are resolved by generation first (see `ownershipClaims`). Identical
 * subscriptions use the constrained algorithm, anything else the general one. Like Kafka, the
 * subscriptions compared are the members' raw topic lists (unknown topics included).
 */
import type { TopicPartition } from '../../types';
import { compareStrings } from './memberOrder';
import { resolveOwnershipClaims, type OwnershipClaims } from './ownershipClaims';
import { constrainedAssign } from './stickyConstrained';
import { generalAssign } from './stickyGeneral';
import {
  allPartitionsSorted,
  knownTopicsOf,
  subscribedPartitionCounts,
  toAssignment,
} from './topicPartitions';
import type { Assignment, AssignmentInput, AssignmentMember } from './types';

export interface StickyPlan {
  readonly lists: ReadonlyMap<string, readonly TopicPartition[]>;
  readonly ownership: OwnershipClaims;
}

function haveEqualSubscriptions(members: readonly AssignmentMember[]): boolean {
  const [first, ...rest] = members.map((member) => new Set(member.topics));
  if (!first) return true;
  return rest.every(
    (topics) => topics.size === first.size && [...topics].every((topic) => first.has(topic)),
  );
}

/** The sticky assignment per member id, with the resolved claims it was built from. */
export function planSticky(input: AssignmentInput): StickyPlan {
  const counts = subscribedPartitionCounts(input);
  const ownership = resolveOwnershipClaims(input.members, counts);
  const memberIds = input.members.map((member) => member.memberId).sort(compareStrings);
  if (haveEqualSubscriptions(input.members)) {
    const lists = constrainedAssign(memberIds, allPartitionsSorted(counts), ownership.validOwned);
    return { lists, ownership };
  }
  const subscriptions = new Map(
    input.members.map((member) => [member.memberId, knownTopicsOf(member, counts)]),
  );
  const lists = generalAssign(memberIds, subscriptions, counts, ownership.validOwned);
  return { lists, ownership };
}

export function stickyAssign(input: AssignmentInput): Assignment {
  return toAssignment(input.members, planSticky(input).lists);
}
