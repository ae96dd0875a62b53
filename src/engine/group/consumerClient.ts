/**
 * The group side of a Kafka consumer (client side of the classic group protocol): member id
 * and generation, JoinGroup and the assignment SyncGroup answers, the assigned partitions and
 * the position in each (committed offset or auto.offset.reset), and offset commits. This is
 * what the coordinator talks to (a `GroupMember` names its instance by a `MemberRef`; the
 * instance passes the coordinator's calls on). The `ConsumerInstance` that owns it (lifecycle,
 * poll loop) is reached only through `ClientHost`, passed to the calls that need it,
 * and its `ConsumerLiveness` (heartbeat thread, poll timer) calls the client's public members;
 * composition rather than a class chain, so each part's state is its own. The context comes
 * with every call (the client keeps none), and with it the live service (`ctx.serviceOf`): the
 * client keeps only its service's frozen facts.
 *
 * Group progress (JoinGroup, applying a new assignment, auto-commit) only happens when the poll
 * loop asks for it, as in the Java client, so a long batch delays it. A member fenced by the
 * coordinator (a zombie) learns it from a failed commit or heartbeat, drops its partitions and
 * rejoins. It keeps its metadata (`ConsumerMetadata`; `ConsumerLiveness` refreshes it) and, as
 * the group's leader, the partition counts its last assignment used. Whether the process is up
 * is the instance's business: the client holds only what the group protocol needs.
 */
import { rebalanceProtocolFor } from '../config';
import type { InstanceRef } from '../engineEvents';
import { instanceEvents, type InstanceEvents } from './instanceEvents';
import type { SimEventCode, SimEventDetail, SimEventFields } from '../simEvents';
import { tpKey, type TopicPartition } from '../types';
import type { EngineContext } from '../engineContext';
import type { ConsumerContext, CoordinatorError, MemberRef, ServiceFacts } from './groupProtocol';
import { ConsumerMetadata } from './consumerMetadata';
import { JoinPrepareCommit, type JoinPrepareClient } from './joinPrepareCommit';
import { seconds } from './seconds';
import { initPosition } from './initPosition';
import { deepFreeze } from '../frozen';
import { commitOffsets, onCommitFailed, type CommittingClient } from './offsetCommit';

export type InstanceStatus = 'running' | 'hung' | 'crashed' | 'stopped';

/** What a client asks of the consumer around it: its heartbeat thread and its poll loop. */
export interface ClientHost {
  /** JoinGroup (re)starts the heartbeat thread if it is not running. */
  startHeartbeatThreadIfNeeded(ctx: EngineContext): void;
  /** SyncGroup answered: an idle, running poll loop polls now to apply the assignment. */
  wakeToApplyAssignment(ctx: EngineContext): void;
  /** auto.offset.reset=none and no valid offset: the consumer stops with an error. */
  stopWithError(ctx: ConsumerContext): void;
  /** onJoinPrepare's commit came back: an idle, running poll loop polls now to send JoinGroup. */
  wakeToRejoin(ctx: EngineContext): void;
}

export class ConsumerClient implements JoinPrepareClient, CommittingClient {
  readonly name: string;
  memberId: string | null = null;
  generation = -1;
  /** Partitions this consumer believes it owns (its own view; a zombie may be wrong). */
  private owned: TopicPartition[] = [];
  /** `topic-partition` keys of `assignment`, computed once per assignment (hot path); set with it. */
  ownedKeys: readonly string[] = [];
  readonly positions = new Map<string, number>();
  lastCommitMs = -1;
  private incarnation = 0;
  /** JoinGroup is sent at the next poll (a heartbeat, a failed commit or the metadata said so). */
  rejoinNeeded = true;
  /** Fenced (heartbeat error or poll timeout): partitions are given up at the next poll. */
  private partitionsLost = false;
  /** Between JoinGroup and applying the assignment SyncGroup sent. */
  joining = false;
  /**
   * Eager protocol, from onJoinPrepare's commit until JoinGroup: the owned partitions are about
   * to be revoked, so they are neither fetched nor returned (maybeMarkPartitionsPendingRevocation).
   */
  pendingRevocation = false;
  /** onJoinPrepare's auto-commit, which JoinGroup waits for. */
  readonly joinPrepare: JoinPrepareCommit;
  private pendingAssignment: { generation: number; memberId: string; partitions: TopicPartition[] } | null = null;
  private nextAutoCommitMs = 0;
  readonly metadata = new ConsumerMetadata();
  /** Why the next JoinGroup is sent, when it is not the usual rejoin (the coordinator's rebalance reason). */
  private rejoinReason: string | null = null;

  constructor(
    /** Its service's frozen facts; the live service (coordinator, stats) comes from `ctx.serviceOf`. */
    readonly service: ServiceFacts,
    readonly index: number,
  ) {
    this.name = `${service.id}-${index}`;
    this.waiterRef = Object.freeze({ service: service.id, instance: index });
    this.memberRef = Object.freeze({ service: service.id, instance: index, name: this.name });
    this.events = instanceEvents(service.id, index);
    this.joinPrepare = new JoinPrepareCommit();
  }

  /** This instance by id, frozen: what a partition keeps of a fetch parked on it. */
  readonly waiterRef: InstanceRef;
  /** This instance by id and name, frozen: what the coordinator keeps of the member. */
  readonly memberRef: MemberRef;
  /** Its poll loop's and fetcher's queued events, frozen (instanceEvents.ts). */
  readonly events: InstanceEvents;

  /** How queued events name this instance (engineEvents.ts). */
  get ref(): InstanceRef {
    return { service: this.service.id, instance: this.index };
  }

  /** The data half of an explained event about this instance (lessons match on it). */
  detail(code: SimEventCode, extra: SimEventFields = {}): SimEventDetail {
    return { code, fields: { group: this.service.groupId, service: this.service.id, instance: this.name, ...extra } };
  }

  get assignment(): TopicPartition[] {
    return this.owned;
  }

  set assignment(partitions: TopicPartition[]) {
    // Frozen: the coordinator's member keeps the same list as what it owns (frozen.ts).
    this.owned = deepFreeze(partitions);
    this.ownedKeys = partitions.map((tp) => tpKey(tp.topic, tp.partition));
  }

  get groupInstanceId(): string | null {
    const base = this.service.config.groupInstanceId;
    return base === null ? null : `${base}-${this.index}`;
  }

  nextMemberId(): string {
    this.incarnation++;
    return `${this.name}-${this.incarnation}`;
  }

  /** A fresh client at start: no member id, nothing owned, fresh metadata; its first poll sends JoinGroup. */
  resetMembership(ctx: EngineContext): void {
    this.metadata.fetch(ctx, this.service.spec.subscribe);
    this.stopJoinPrepare(ctx);
    this.rejoinReason = null;
    this.memberId = null;
    this.generation = -1;
    this.rejoinNeeded = true;
    this.joining = false;
    this.pendingAssignment = null;
    this.assignment = [];
    this.positions.clear();
    this.nextAutoCommitMs = ctx.now + this.service.config.autoCommitIntervalMs;
  }

  /** The process crashed or stopped: everything it knew about the group is gone. */
  forgetMembership(ctx: EngineContext): void {
    this.metadata.cancelRefresh(ctx);
    this.stopJoinPrepare(ctx);
    this.metadata.assignmentSnapshot = null;
    this.assignment = [];
    this.positions.clear();
    this.memberId = null;
    this.generation = -1;
    this.joining = false;
    this.pendingAssignment = null;
    this.partitionsLost = false;
  }

  // ---- JoinGroup and SyncGroup -----------------------------------------------------------

  private get protocol(): 'eager' | 'cooperative' {
    return rebalanceProtocolFor(this.service.config.assignors);
  }

  /** The group part of a poll: apply an assignment SyncGroup sent, rejoin when needed. */
  pollCoordinator(ctx: ConsumerContext, host: ClientHost): void {
    if (this.pendingAssignment) this.applyAssignment(ctx, host);
    if (this.rejoinNeeded && !this.joining && this.joinPrepared(ctx)) this.sendJoinGroup(ctx, host);
    // A static member may get its assignment back inside JoinGroup itself.
    if (this.pendingAssignment) this.applyAssignment(ctx, host);
  }

  /**
   * onJoinPrepare's first part: with auto-commit, a member of a generation commits its
   * positions asynchronously and sends JoinGroup only once the response is back; under eager
   * rebalancing its partitions are pending revocation meanwhile (joinPrepareCommit.ts).
   */
  private joinPrepared(ctx: EngineContext): boolean {
    if (this.partitionsLost || this.memberId === null || this.generation <= 0 || !this.service.autoCommit) return true;
    if (this.protocol === 'eager' && this.assignment.length > 0) this.pendingRevocation = true;
    return this.joinPrepare.ready(ctx, this);
  }

  storeJoinPrepareCommit(ctx: ConsumerContext, offsets: Map<string, number>): CoordinatorError | null {
    return ctx.serviceOf(this.service.id).group.commit(ctx, this.memberId, this.generation, offsets);
  }

  onJoinPrepareCommitDone(ctx: ConsumerContext, offsets: Map<string, number>, error: CoordinatorError | null): void {
    if (error === null) this.lastCommitMs = ctx.now;
    else onCommitFailed(ctx, this, error, offsets, 'before rebalance');
  }

  private stopJoinPrepare(ctx: EngineContext): void {
    this.joinPrepare.cancel(ctx);
    this.pendingRevocation = false;
  }

  /** onJoinPrepare (its commit done) + JoinGroup. */
  private sendJoinGroup(ctx: ConsumerContext, host: ClientHost): void {
    this.stopJoinPrepare(ctx);
    if (this.partitionsLost) {
      // The zombie's last auto-commit: it fails, and its partitions are given up without a commit.
      this.partitionsLost = false;
      if (this.service.autoCommit) this.commit(ctx, this.currentPositions(), 'auto-commit before rejoining');
      this.assignment = [];
      this.positions.clear();
    } else if (this.memberId !== null && this.generation > 0 && this.service.autoCommit) {
      this.nextAutoCommitMs = ctx.now + this.service.config.autoCommitIntervalMs;
    }
    host.startHeartbeatThreadIfNeeded(ctx);
    const owned = this.assignment;
    const ownedGeneration = this.generation;
    if (this.protocol === 'eager' && this.assignment.length > 0) {
      ctx.emit(
        'rebalance',
        this.name,
        `${this.name} revokes all its partitions (eager rebalance) and rejoins.`,
        this.service.groupId,
        this.detail('partitions.revoked', { count: this.assignment.length, partitions: keysOf(this.assignment), protocol: 'eager' }),
      );
      this.assignment = [];
      this.positions.clear();
    }
    this.rejoinNeeded = false;
    this.joining = true;
    const config = this.service.config;
    const reason = this.rejoinReason ?? undefined;
    this.rejoinReason = null;
    this.memberId = ctx.serviceOf(this.service.id).group.join(ctx, {
      instance: this.memberRef,
      memberId: this.memberId,
      groupInstanceId: this.groupInstanceId,
      subscription: this.service.spec.subscribe,
      assignors: config.assignors,
      owned,
      ownedGeneration,
      sessionTimeoutMs: config.sessionTimeoutMs,
      rebalanceTimeoutMs: config.maxPollIntervalMs,
      ...(reason !== undefined && { reason }),
    });
  }

  /**
   * SyncGroup answered: remembered, and applied at the next poll (the instance wakes its loop).
   * `assignedWith` is given to the leader only: the partition counts of its metadata the assignment used.
   */
  onAssignment(ctx: EngineContext, generation: number, memberId: string, partitions: TopicPartition[], assignedWith: ReadonlyMap<string, number> | null = null): void {
    this.pendingAssignment = { generation, memberId, partitions };
    this.metadata.assignmentSnapshot = assignedWith;
  }

  // ---- Metadata ---------------------------------------------------------------------------

  /** Partitions of a topic as this client's metadata has them (a leader assigns with these). */
  knownPartitionCount(ctx: EngineContext, topic: string): number | undefined {
    return this.metadata.partitionCount(topic) ?? ctx.topics.get(topic)?.partitionCount;
  }

  /** As the leader: rejoin if its metadata has partitions its last assignment did not (Kafka's rejoinNeededOrPending). */
  rejoinIfAssignmentStale(ctx: EngineContext): boolean {
    const stale = this.metadata.staleAssignment();
    if (stale === null || this.memberId === null) return false;
    this.metadata.assignmentSnapshot = null;
    const { topic, assigned, known } = stale;
    ctx.emit(
      'rebalance',
      this.name,
      `${this.name}, the leader of ${this.service.groupId}, finds in its refreshed metadata (metadata.max.age.ms ${seconds(this.service.config.metadataMaxAgeMs)}) ` +
        `that ${topic} has ${known} partitions, not the ${assigned} it assigned: it rejoins and the group rebalances.`,
      this.service.groupId,
      this.detail('group.metadataChanged', { topic, partitions: known, before: assigned }),
    );
    this.rejoinReason = `${this.name}, the leader, saw ${topic} grow to ${known} partitions`;
    this.rejoinNeeded = true;
    return true;
  }

  private applyAssignment(ctx: ConsumerContext, host: ClientHost): void {
    const { generation, memberId, partitions } = this.pendingAssignment!;
    this.pendingAssignment = null;
    this.joining = false;
    this.generation = generation;
    this.memberId = memberId;
    const next = new Set(partitions.map((tp) => tpKey(tp.topic, tp.partition)));
    const revoked = this.assignment.filter((tp) => !next.has(tpKey(tp.topic, tp.partition)));
    if (revoked.length > 0) {
      // Cooperative: give up only what moved, then rejoin so it can be handed over. As in Kafka's
      // ConsumerCoordinator.onJoinComplete this only calls onPartitionsRevoked: auto-commit ran in
      // onJoinPrepare, before JoinGroup, so what was consumed since then is not committed and the
      // new owner processes it again (duplicates).
      for (const tp of revoked) this.positions.delete(tpKey(tp.topic, tp.partition));
      ctx.emit(
        'rebalance',
        this.name,
        `${this.name} revokes ${revoked.map((tp) => tpKey(tp.topic, tp.partition)).join(', ')} without committing them (auto-commit ran before JoinGroup) ` +
          `and rejoins so they can move (cooperative).`,
        this.service.groupId,
        this.detail('partitions.revoked', { count: revoked.length, partitions: keysOf(revoked), protocol: 'cooperative' }),
      );
      this.rejoinNeeded = true;
    }
    const had = new Set(this.assignment.map((tp) => tpKey(tp.topic, tp.partition)));
    this.assignment = partitions;
    const resumed: string[] = [];
    const added: TopicPartition[] = [];
    for (const tp of partitions) {
      const key = tpKey(tp.topic, tp.partition);
      if (had.has(key) && this.positions.has(key)) continue;
      added.push(tp);
    }
    if (added.length > 0) {
      ctx.emit(
        'rebalance',
        this.name,
        `${this.name} is assigned ${keysOf(added).replaceAll(',', ', ')} (generation ${generation}).`,
        this.service.groupId,
        this.detail('partitions.assigned', { count: added.length, partitions: keysOf(added), generation }),
      );
    }
    for (const tp of added) {
      const key = tpKey(tp.topic, tp.partition);
      if (initPosition(ctx, this, tp, key, () => host.stopWithError(ctx)) === 'committed') resumed.push(`${key} at ${this.positions.get(key)}`);
    }
    // The moment the story turns on: a restarted or new owner continues where the group left off.
    if (resumed.length > 0) {
      ctx.emit(
        'offsets',
        this.name,
        `${this.name} resumes ${resumed.join(', ')}: the group's committed offset${resumed.length > 1 ? 's' : ''} (the next offset to read).`,
        this.service.groupId,
        this.detail('offsets.resumed', { count: resumed.length }),
      );
    }
    // Its metadata may have been refreshed while it was rebalancing; pollCoordinator rejoins next.
    this.rejoinIfAssignmentStale(ctx);
  }

  /** onJoinPrepare's commit or its response arrived (joinPrepareCommit.ts); back, the poll loop polls to send JoinGroup. */
  onJoinPrepareHop(ctx: ConsumerContext, host: ClientHost): void {
    if (this.joinPrepare.onNetworkHop(ctx, this)) host.wakeToRejoin(ctx);
  }

  // ---- OffsetCommit ----------------------------------------------------------------------

  currentPositions(): Map<string, number> {
    const offsets = new Map<string, number>();
    for (const key of this.ownedKeys) {
      const position = this.positions.get(key);
      if (position !== undefined) offsets.set(key, position);
    }
    return offsets;
  }

  /** enable.auto.commit: commit the positions once `auto.commit.interval.ms` has passed. */
  autoCommitIfDue(ctx: ConsumerContext): void {
    // While onJoinPrepare's commit is in flight, ConsumerCoordinator.poll returns before auto-committing.
    if (this.service.autoCommit && this.memberId !== null && ctx.now >= this.nextAutoCommitMs && !this.joinPrepare.inFlight) {
      this.nextAutoCommitMs = ctx.now + this.service.config.autoCommitIntervalMs;
      this.commit(ctx, this.currentPositions(), 'auto-commit');
    }
  }

  /** OffsetCommit (offsetCommit.ts): true when stored. */
  commit(ctx: ConsumerContext, offsets: Map<string, number>, why: string): boolean {
    return commitOffsets(ctx, this, offsets, why);
  }

  /** onPartitionsLost: the member learns it was fenced; it drops everything and rejoins. */
  loseMembership(ctx: EngineContext, forgetMemberId: boolean, keepUntilNextPoll = false): void {
    if (forgetMemberId) this.memberId = null;
    this.stopJoinPrepare(ctx);
    this.metadata.assignmentSnapshot = null;
    this.generation = -1;
    if (keepUntilNextPoll) {
      // As in the Java client, the partitions are declared lost at the next poll.
      this.partitionsLost = true;
    } else {
      this.assignment = [];
      this.positions.clear();
      this.partitionsLost = false;
    }
    this.joining = false;
    this.pendingAssignment = null;
    this.rejoinNeeded = true;
  }
}

/** `topic-partition` keys joined by commas (event fields are flat). */
function keysOf(partitions: readonly TopicPartition[]): string {
  return partitions.map((tp) => tpKey(tp.topic, tp.partition)).join(',');
}
