/**
 * What the coordinator keeps per member (Kafka's MemberMetadata) and the JoinGroup request it
 * is built from. A member is the coordinator's view: it talks to the client side of an
 * instance (`ConsumerClient`, found by the member's `MemberRef` through the context) and may outlive it (a crashed instance stays a member until its
 * session times out).
 */
import type { TimerId } from '../eventQueue';
import type { SimTimeMs, TopicPartition } from '../types';
import type { JoinRequest } from './groupProtocol';


/** What the coordinator keeps of a member: its last JoinGroup request, plus liveness and assignment. */
export interface GroupMember extends Omit<JoinRequest, 'memberId'> {
  memberId: string;
  lastHeartbeatMs: SimTimeMs;
  /** Rejoined in the rebalance now in progress. */
  joined: boolean;
  assignment: TopicPartition[];
  sessionEntry: TimerId | null;
}

/** A member the coordinator has not seen before; it counts as joined once the caller says so. */
export function newMember(request: JoinRequest, memberId: string, nowMs: SimTimeMs): GroupMember {
  return {
    memberId,
    instance: request.instance,
    groupInstanceId: request.groupInstanceId,
    subscription: request.subscription,
    assignors: request.assignors,
    owned: request.owned,
    ownedGeneration: request.ownedGeneration,
    sessionTimeoutMs: request.sessionTimeoutMs,
    rebalanceTimeoutMs: request.rebalanceTimeoutMs,
    lastHeartbeatMs: nowMs,
    joined: false,
    assignment: [],
    sessionEntry: null,
  };
}

/**
 * KIP-345: a static member that comes back under a new member id takes its predecessor's
 * place, keeping its subscription, claims and assignment.
 */
export function replacementMember(previous: GroupMember, request: JoinRequest, memberId: string, nowMs: SimTimeMs): GroupMember {
  return {
    ...previous,
    memberId,
    instance: request.instance,
    lastHeartbeatMs: nowMs,
    sessionEntry: null,
    joined: true,
  };
}

/**
 * The coordinator's member order (leader choice, assignor input, SyncGroup answers): static
 * members first, by `group.instance.id`, then by member id; code-unit order, never locale.
 */
export function compareGroupMembers(a: GroupMember, b: GroupMember): number {
  if (a.groupInstanceId !== null && b.groupInstanceId !== null) {
    if (a.groupInstanceId !== b.groupInstanceId) return a.groupInstanceId < b.groupInstanceId ? -1 : 1;
  } else if (a.groupInstanceId !== null) return -1;
  else if (b.groupInstanceId !== null) return 1;
  return a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0;
}
