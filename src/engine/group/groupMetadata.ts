/**
 * What the coordinator knows about one consumer group (Kafka's GroupMetadata): its state,
 * generation, chosen assignor (the protocol) and leader, its members (static members also by
 * `group.instance.id`), its committed offsets and the rebalances it completed. Plain data that
 * `GroupCoordinator` has and changes; a checkpoint copies it like any other object (members
 * name their consumer by a frozen `MemberRef`, never by reference). The functions here only
 * read it: the member order, the rebalance timeout, and the checks a Heartbeat and an
 * OffsetCommit go through, in Kafka's order.
 */
import type { AssignorName } from '../scenario';
import type { SimTimeMs } from '../types';
import type { CommittedOffset } from './committedOffset';
import type { EngineContext } from '../engineContext';
import type { CoordinatorError } from './groupProtocol';
import { compareGroupMembers, type GroupMember } from './groupMember';

export type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

export interface GroupMetadata {
  readonly groupId: string;
  state: GroupState;
  generation: number;
  protocol: AssignorName | null;
  leaderId: string | null;
  readonly members: Map<string, GroupMember>;
  /** `group.instance.id` → the member id it holds now. */
  readonly staticMembers: Map<string, string>;
  readonly committed: Map<string, CommittedOffset>;
  /** Rebalances completed, for the lab's markers. */
  rebalances: { atMs: SimTimeMs; generation: number }[];
}

/** A group the coordinator has not seen a member of yet. */
export function newGroupMetadata(groupId: string): GroupMetadata {
  return {
    groupId,
    state: 'Empty',
    generation: 0,
    protocol: null,
    leaderId: null,
    members: new Map(),
    staticMembers: new Map(),
    committed: new Map(),
    rebalances: [],
  };
}

export function orderedMembers(group: GroupMetadata): GroupMember[] {
  return [...group.members.values()].sort(compareGroupMembers);
}

export function anyMemberJoined(group: GroupMetadata): boolean {
  for (const member of group.members.values()) if (member.joined) return true;
  return false;
}

/** The largest `max.poll.interval.ms` among members: how long a rebalance waits for them. */
export function rebalanceTimeoutMs(group: GroupMetadata): number {
  let timeout = 0;
  for (const member of group.members.values()) timeout = Math.max(timeout, member.rebalanceTimeoutMs);
  return timeout;
}

/**
 * In the order of Kafka's validateClassicGroupHeartbeat and classicGroupHeartbeatToClassicGroup
 * (doc/kafka.md §3.5): the member, then the generation, then the state. CompletingRebalance
 * answers without error.
 */
export function heartbeatError(group: GroupMetadata, memberId: string, generation: number): CoordinatorError | null {
  if (!group.members.has(memberId)) return 'UNKNOWN_MEMBER_ID';
  if (generation !== group.generation) return 'ILLEGAL_GENERATION';
  return group.state === 'PreparingRebalance' ? 'REBALANCE_IN_PROGRESS' : null;
}

/**
 * In the order of Kafka's ClassicGroup.validateOffsetCommit (doc/kafka.md §3.7): the member,
 * then the generation, then CompletingRebalance.
 */
export function commitError(group: GroupMetadata, memberId: string | null, generation: number): CoordinatorError | null {
  if (memberId === null || !group.members.has(memberId)) return 'UNKNOWN_MEMBER_ID';
  if (generation !== group.generation) return 'ILLEGAL_GENERATION';
  if (group.state === 'CompletingRebalance') return 'REBALANCE_IN_PROGRESS';
  return null;
}

/**
 * Writes committed offsets: for a valid OffsetCommit, or from an admin tool
 * (kafka-consumer-groups --reset-offsets) on an Empty group. Each enters the trace hash and
 * Burrow's window.
 */
export function storeOffsets(group: GroupMetadata, context: EngineContext, offsets: Map<string, number>, generation: number): void {
  const now = context.now;
  for (const [key, offset] of offsets) {
    group.committed.set(key, { offset, commitTimeMs: now, generation });
    context.hasher.int(offset);
    context.commitStored(group.groupId, key, offset);
  }
}
