/**
 * What the coordinator knows about one consumer group (Kafka's GroupMetadata): its state,
 * generation, chosen assignor (the protocol) and leader, its members (static members also by
 * `group.instance.id`), its committed offsets and the rebalances it completed.
 * `GroupCoordinator` adds the protocol requests and timeouts that change it.
 */
import type { AssignorName } from '../scenario';
import type { SimTimeMs } from '../types';
import type { EngineContext } from '../engineContext';
import type { CommittedOffset } from './committedOffset';
import type { GroupClient } from './groupProtocol';
import { compareGroupMembers, type GroupMember } from './groupMember';

export type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

export class GroupMetadata {
  state: GroupState = 'Empty';
  generation = 0;
  protocol: AssignorName | null = null;
  leaderId: string | null = null;
  readonly members = new Map<string, GroupMember>();
  readonly staticMembers = new Map<string, string>();
  readonly committed = new Map<string, CommittedOffset>();
  /** Rebalances completed, for the lab's markers. */
  rebalances: { atMs: SimTimeMs; generation: number }[] = [];

  constructor(
    readonly groupId: string,
    protected readonly world: EngineContext,
  ) {}

  memberCount(): number {
    return this.members.size;
  }

  orderedMembers(): GroupMember[] {
    return [...this.members.values()].sort(compareGroupMembers);
  }

  memberOf(instance: GroupClient): GroupMember | undefined {
    for (const member of this.members.values()) if (member.instance === instance) return member;
    return undefined;
  }

  /** The largest `max.poll.interval.ms` among members: how long a rebalance waits for them. */
  protected rebalanceTimeoutMs(): number {
    let timeout = 0;
    for (const member of this.members.values()) timeout = Math.max(timeout, member.rebalanceTimeoutMs);
    return timeout;
  }

  /**
   * Writes committed offsets: for a valid OffsetCommit, or from an admin tool
   * (kafka-consumer-groups --reset-offsets) on an Empty group.
   */
  store(offsets: Map<string, number>, generation: number): void {
    const now = this.world.now;
    for (const [key, offset] of offsets) {
      this.committed.set(key, { offset, commitTimeMs: now, generation });
      this.world.hasher.int(offset);
      this.world.commitStored(this.groupId, key, offset);
    }
  }
}
