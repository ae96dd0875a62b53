/**
 * The group coordinator of one consumer group: Kafka's classic protocol, broker side.
 *
 * States: Empty → PreparingRebalance → CompletingRebalance → Stable (and back). A rebalance
 * waits until every known member has rejoined or the rebalance timeout (the largest
 * `max.poll.interval.ms` among members) passes; dynamic members that did not rejoin are then
 * removed, static ones stay in the new generation with their assignment, as in Kafka's
 * completeClassicGroupJoin. A member that has not sent SyncGroup one rebalance timeout after the
 * join completed is removed and the group rebalances (Kafka's pending-sync expiry); in this
 * model only a static member that did not rejoin can be in that position. The first rebalance
 * of an empty group is delayed by `group.initial.rebalance.delay.ms`, extended by each new
 * arrival. Completing the join bumps the generation exactly once; the leader's assignor runs over
 * the partitions the leader's metadata knows (doc/kafka.md §1.5) and SyncGroup hands each member its part. Commits carry (member.id, generation) and fail from
 * members the coordinator no longer knows (zombies).
 *
 * This class handles the requests (JoinGroup, SyncGroup, Heartbeat, LeaveGroup, OffsetCommit)
 * and the timeouts, and keeps the ids of the events they schedule (the pending-sync expiry's
 * in pendingSync.ts). It has its group's
 * `GroupMetadata` (state, generation, members, committed offsets) as plain data, and the checks
 * that only read it (heartbeatError, commitError) are functions over it in groupMetadata.ts.
 */
import { assignPartitions } from './assignors';
import type { TimerId } from '../eventQueue';
import { tpKey, type SimTimeMs } from '../types';
import { assignmentInput, metadataOf } from './assignmentInput';
import { describeAssignmentChange, type MemberAssignment } from './explain';
import { rebalanceProtocolFor } from '../config';
import { newMember, replacementMember, type GroupMember } from './groupMember';
import type { EngineContext } from '../engineContext';
import { anyMemberJoined, commitError, heartbeatError, newGroupMetadata, orderedMembers, rebalanceTimeoutMs, storeOffsets, type GroupMetadata } from './groupMetadata';
import { CoordinatorHost } from './coordinatorHost';
import { deepFreeze } from '../frozen';
import { InitialDelayedJoin } from './initialDelayedJoin';
import { PendingSync } from './pendingSync';
import { seconds } from './seconds';
import type { SimEventCode } from '../simEvents';
import { selectProtocol } from './selectProtocol';

import type { CoordinatorApi, CoordinatorError, JoinRequest } from './groupProtocol';

export class GroupCoordinator implements CoordinatorApi {
  /** The group as Kafka's GroupMetadata keeps it; plain data, read by the snapshot and the invariants. */
  readonly metadata: GroupMetadata;
  /** Why the current rebalance started, for the explanation when it completes. */
  private rebalanceReason = '';
  private joinDeadline: TimerId | null = null;
  /** Bumped whenever the join deadline is replaced, so stale deadline events are ignored. */
  private joinEpoch = 0;
  private readonly initialDelay = new InitialDelayedJoin();
  /** Member id → what the last rebalance gave it, for the next rebalance's explanation. */
  private previousAssignment = new Map<string, MemberAssignment>();
  /** Member ids of the current generation that have not sent SyncGroup, and their expiry. */
  private readonly pendingSync = new PendingSync();
  /** The broker this coordinator was last reached on (broker/groupCoordinatorPlacement.ts). */
  private readonly host = new CoordinatorHost();

  // The context comes with each request and event (never kept), so a coordinator is plain state.
  constructor(readonly groupId: string) {
    this.metadata = newGroupMetadata(groupId);
  }

  get generation(): number {
    return this.metadata.generation;
  }

  get committed(): GroupMetadata['committed'] {
    return this.metadata.committed;
  }

  // ---- JoinGroup -------------------------------------------------------------------------

  join(world: EngineContext, request: JoinRequest): string {
    let member = request.memberId ? this.metadata.members.get(request.memberId) : undefined;
    if (!member && request.groupInstanceId !== null) {
      const previousId = this.metadata.staticMembers.get(request.groupInstanceId);
      const previous = previousId ? this.metadata.members.get(previousId) : undefined;
      if (previous) return this.replaceStaticMember(world, previous, request);
    }
    if (!member) {
      const memberId = world.groupClient(request.instance).nextMemberId();
      member = newMember(request, memberId, world.now);
      if (this.metadata.state === 'PreparingRebalance' && this.metadata.generation === 0) this.initialDelay.memberAdded();
      this.metadata.members.set(memberId, member);
      if (request.groupInstanceId !== null) this.metadata.staticMembers.set(request.groupInstanceId, memberId);
      this.scheduleSessionCheck(world, member);
      world.emit('member', request.instance.name, `${request.instance.name} joins group ${this.groupId} as ${memberId}.`, this.groupId);
      this.prepareRebalance(world, `${request.instance.name} joined`);
    } else {
      member.owned = request.owned;
      member.ownedGeneration = request.ownedGeneration;
      member.subscription = request.subscription;
      member.lastHeartbeatMs = world.now;
      this.prepareRebalance(world, request.reason ?? `${request.instance.name} rejoined`);
    }
    member.joined = true;
    this.tryCompleteJoin(world);
    return member.memberId;
  }

  /** KIP-345: a static member coming back within the session timeout takes its old place. */
  private replaceStaticMember(world: EngineContext, previous: GroupMember, request: JoinRequest): string {
    const memberId = world.groupClient(request.instance).nextMemberId();
    this.metadata.members.delete(previous.memberId);
    if (previous.sessionEntry !== null) world.cancel(previous.sessionEntry);
    const member = replacementMember(previous, request, memberId, world.now);
    this.metadata.members.set(memberId, member);
    this.metadata.staticMembers.set(request.groupInstanceId!, memberId);
    if (this.metadata.leaderId === previous.memberId) this.metadata.leaderId = memberId;
    this.scheduleSessionCheck(world, member);
    if (this.metadata.state === 'Stable') {
      world.emit(
        'member',
        request.instance.name,
        `${request.instance.name} (static member ${request.groupInstanceId}) came back as ${memberId} and keeps its partitions ` +
          `[${member.assignment.map((tp) => tpKey(tp.topic, tp.partition)).join(', ')}]: no rebalance.`,
        this.groupId,
      );
      // A returning static leader skips the assignment and watches its metadata from now on
      // (Kafka's skipAssignment: assignmentSnapshot = its current metadata).
      const assignedWith = this.metadata.leaderId === memberId ? metadataOf(world, member) : null;
      world.groupClient(request.instance).onAssignment(world, this.metadata.generation, memberId, member.assignment, assignedWith);
      return memberId;
    }
    world.emit('member', request.instance.name, `${request.instance.name} (static member ${request.groupInstanceId}) rejoins as ${memberId}.`, this.groupId);
    this.tryCompleteJoin(world);
    return memberId;
  }

  private prepareRebalance(world: EngineContext, reason: string): void {
    if (this.metadata.state === 'PreparingRebalance') return;
    this.rebalanceReason = reason;
    const wasEmpty = this.metadata.state === 'Empty';
    this.metadata.state = 'PreparingRebalance';
    // Every member joins (and syncs) afresh, so no SyncGroup of the old generation is awaited.
    this.pendingSync.clear(world);
    for (const member of this.metadata.members.values()) member.joined = false;
    if (wasEmpty) {
      // Kafka's InitialDelayedJoin: wait for more members to arrive before the first rebalance.
      const delay = world.broker.groupInitialRebalanceDelayMs;
      this.initialDelay.start(delay, rebalanceTimeoutMs(this.metadata));
      this.setJoinDeadline(world, world.now + delay);
    } else {
      this.initialDelay.active = false;
      this.setJoinDeadline(world, world.now + rebalanceTimeoutMs(this.metadata));
    }
  }

  private setJoinDeadline(world: EngineContext, atMs: SimTimeMs): void {
    if (this.joinDeadline !== null) world.cancel(this.joinDeadline);
    this.joinEpoch++;
    this.joinDeadline = world.schedule(atMs, { kind: 'joinDeadline', group: this.groupId, epoch: this.joinEpoch });
  }

  private tryCompleteJoin(world: EngineContext): void {
    if (this.metadata.state !== 'PreparingRebalance' || this.initialDelay.active) return;
    for (const member of this.metadata.members.values()) if (!member.joined) return;
    this.completeJoin(world);
  }

  onJoinDeadline(world: EngineContext, epoch: number): void {
    if (epoch !== this.joinEpoch || this.metadata.state !== 'PreparingRebalance') return;
    this.joinDeadline = null;
    // New members arrived during the delay: wait once more, up to the rebalance timeout.
    const delay = this.initialDelay.extend(world.broker.groupInitialRebalanceDelayMs);
    if (delay !== null) return this.setJoinDeadline(world, world.now + delay);
    // Kafka removes only dynamic members here; a static member keeps its place (see completeJoin).
    for (const member of [...this.metadata.members.values()]) {
      if (!member.joined && member.groupInstanceId === null) {
        this.removeMember(world, 
          member,
          `${member.instance.name} did not rejoin within the rebalance timeout ` +
            `(max.poll.interval.ms ${seconds(member.rebalanceTimeoutMs)}) and was removed`,
          false,
        );
      }
    }
    if (this.metadata.members.size > 0 && !anyMemberJoined(this.metadata)) {
      // Only static members are left and none rejoined: there is no leader to run the assignor,
      // so Kafka waits another rebalance timeout, until their sessions expire or they come back.
      world.emit(
        'rebalance',
        this.groupId,
        `No member of ${this.groupId} rejoined within the rebalance timeout; its static members keep their places, so the coordinator waits another ${seconds(rebalanceTimeoutMs(this.metadata))}.`,
        this.groupId,
      );
      this.setJoinDeadline(world, world.now + rebalanceTimeoutMs(this.metadata));
      return;
    }
    this.completeJoin(world);
  }

  private completeJoin(world: EngineContext): void {
    if (this.joinDeadline !== null) world.cancel(this.joinDeadline);
    this.joinDeadline = null;
    this.metadata.generation++;
    if (this.metadata.members.size === 0) {
      this.metadata.state = 'Empty';
      this.metadata.protocol = null;
      this.metadata.leaderId = null;
      // Nobody owns anything now: the next member gets its partitions, it does not keep them.
      this.previousAssignment = new Map();
      world.emit('rebalance', this.groupId, `Group ${this.groupId} has no members left: it is Empty (generation ${this.metadata.generation}).`, this.groupId);
      this.metadata.rebalances.push({ atMs: world.now, generation: this.metadata.generation });
      return;
    }
    this.metadata.protocol = selectProtocol(orderedMembers(this.metadata));
    const ordered = orderedMembers(this.metadata);
    // The leader must be a member that rejoined (Kafka's maybeElectNewJoinedLeader).
    const leader = this.metadata.leaderId ? this.metadata.members.get(this.metadata.leaderId) : undefined;
    if (!leader || !leader.joined) this.metadata.leaderId = ordered.find((member) => member.joined)!.memberId;
    this.metadata.state = 'CompletingRebalance';
    for (const member of ordered) {
      if (!member.joined) {
        // Only static members get here (dynamic ones were removed): the group keeps their place.
        this.pendingSync.add(member.memberId);
        world.emit(
          'member',
          member.instance.name,
          `${member.instance.name} (static member ${member.groupInstanceId}) did not rejoin, but keeps its place in generation ` +
            `${this.metadata.generation}: its partitions wait for it until session.timeout.ms (${seconds(member.sessionTimeoutMs)}) passes ` +
            `or, without a SyncGroup from it, the rebalance timeout (${seconds(rebalanceTimeoutMs(this.metadata))}) passes again.`,
          this.groupId,
        );
      }
      member.joined = false;
      // Completing the join restarts every member's session timer, as Kafka's
      // completeClassicGroupJoin reschedules each member's heartbeat expiration.
      member.lastHeartbeatMs = world.now;
    }
    if (this.pendingSync.size > 0) this.pendingSync.armDeadline(world, this.groupId, this.metadata.generation, rebalanceTimeoutMs(this.metadata));
    world.schedule(world.now, { kind: 'syncDone', group: this.groupId, generation: this.metadata.generation });
  }

  // ---- SyncGroup -------------------------------------------------------------------------

  onSyncDone(world: EngineContext, generation: number): void {
    if (generation !== this.metadata.generation || this.metadata.state !== 'CompletingRebalance') return;
    // The leader runs the assignor over the partitions its own metadata knows.
    const leader = this.metadata.members.get(this.metadata.leaderId!)!;
    const leaderClient = world.groupClient(leader.instance);
    const input = assignmentInput(this.metadata.members.values(), orderedMembers(this.metadata), (topic) => leaderClient.knownPartitionCount(world, topic));
    const result = assignPartitions(this.metadata.protocol!, input);
    const assignedWith: ReadonlyMap<string, number> = new Map(Object.entries(input.topics));
    this.metadata.state = 'Stable';
    const before = this.previousAssignment;
    this.previousAssignment = new Map();
    for (const member of this.metadata.members.values()) {
      member.assignment = deepFreeze(result[member.memberId] ?? []);
      this.previousAssignment.set(member.memberId, {
        instance: member.instance.name,
        partitions: member.assignment,
        cooperative: rebalanceProtocolFor(member.assignors) === 'cooperative',
      });
    }
    this.metadata.rebalances.push({ atMs: world.now, generation: this.metadata.generation });
    world.emit(
      'rebalance',
      this.groupId,
      `Rebalance of ${this.groupId} to generation ${this.metadata.generation} (${this.rebalanceReason}; assignor ${this.metadata.protocol}): ` +
        describeAssignmentChange(before, this.previousAssignment),
      this.groupId,
    );
    for (const member of orderedMembers(this.metadata)) {
      // A member that did not rejoin sent no SyncGroup, so nothing answers it.
      if (!this.pendingSync.has(member.memberId)) {
        world.groupClient(member.instance).onAssignment(world, this.metadata.generation, member.memberId, member.assignment, member === leader ? assignedWith : null);
      }
    }
  }

  /**
   * Kafka's pending-sync expiry: members of this generation that sent no SyncGroup within the
   * rebalance timeout are removed and the group rebalances. A static member that came back in
   * the meantime left only its old member id here; Kafka rebalances anyway, and so does this.
   */
  onSyncDeadline(world: EngineContext, generation: number): void {
    this.pendingSync.deadlinePassed();
    if (generation !== this.metadata.generation || (this.metadata.state !== 'CompletingRebalance' && this.metadata.state !== 'Stable')) return;
    if (this.pendingSync.size === 0) return;
    const memberIds = this.pendingSync.takeAll();
    const timeoutMs = rebalanceTimeoutMs(this.metadata);
    const replaced: string[] = [];
    for (const memberId of memberIds) {
      const member = this.metadata.members.get(memberId);
      if (!member) {
        replaced.push(memberId);
        continue;
      }
      this.removeMember(world, 
        member,
        `${member.instance.name} sent no SyncGroup for generation ${generation} within the rebalance timeout (${seconds(timeoutMs)}) and was removed`,
        false,
      );
    }
    const why =
      replaced.length === 0
        ? ''
        : `; ${replaced.join(', ')} is the old id of a static member that came back under a new one, which Kafka's coordinator still waits for`;
    this.prepareRebalance(world, `no SyncGroup from ${memberIds.join(', ')} within the rebalance timeout${why}`);
    this.tryCompleteJoin(world);
  }

  // ---- Heartbeat, session timeout, LeaveGroup --------------------------------------------

  /** Heartbeat: answered by heartbeatError (doc/kafka.md §3.5); a rejected one does not keep the session alive. */
  heartbeat(world: EngineContext, memberId: string, generation: number): CoordinatorError | null {
    if (!this.reachable(world)) return 'COORDINATOR_NOT_AVAILABLE';
    const error = heartbeatError(this.metadata, memberId, generation);
    // A known member of this generation keeps its session alive, also while the group rebalances.
    if (error === null || error === 'REBALANCE_IN_PROGRESS') this.metadata.members.get(memberId)!.lastHeartbeatMs = world.now;
    return error;
  }

  private scheduleSessionCheck(world: EngineContext, member: GroupMember): void {
    member.sessionEntry = world.schedule(member.lastHeartbeatMs + member.sessionTimeoutMs, {
      kind: 'sessionCheck',
      group: this.groupId,
      memberId: member.memberId,
    });
  }

  onSessionCheck(world: EngineContext, memberId: string): void {
    const member = this.metadata.members.get(memberId);
    if (!member) return;
    member.sessionEntry = null;
    if (!this.reachable(world)) {
      // The coordinator's broker is down: no one expires sessions until another broker loads the group.
      member.sessionEntry = world.schedule(world.now + member.sessionTimeoutMs, { kind: 'sessionCheck', group: this.groupId, memberId });
      return;
    }
    // A member waiting for its JoinGroup answer is kept alive by the pending request.
    const waitingOnJoin = member.joined && this.metadata.state === 'PreparingRebalance';
    if (waitingOnJoin) member.lastHeartbeatMs = world.now;
    if (world.now - member.lastHeartbeatMs >= member.sessionTimeoutMs) {
      this.removeMember(world, 
        member,
        `${member.instance.name} sent no heartbeat for ${seconds(member.sessionTimeoutMs)} (session.timeout.ms) and was removed`,
        true,
      );
      return;
    }
    this.scheduleSessionCheck(world, member);
  }

  leave(world: EngineContext, memberId: string, reason: string, code: SimEventCode = 'member.left'): void {
    const member = this.metadata.members.get(memberId);
    if (member) this.removeMember(world, member, reason, true, code);
  }

  private removeMember(world: EngineContext, member: GroupMember, reason: string, rebalance: boolean, code: SimEventCode = 'member.left'): void {
    this.metadata.members.delete(member.memberId);
    this.pendingSync.delete(member.memberId);
    if (member.sessionEntry !== null) world.cancel(member.sessionEntry);
    if (member.groupInstanceId !== null && this.metadata.staticMembers.get(member.groupInstanceId) === member.memberId) {
      this.metadata.staticMembers.delete(member.groupInstanceId);
    }
    world.emit('member', member.instance.name, `${reason}.`, this.groupId, {
      code,
      fields: { group: this.groupId, instance: member.instance.name },
    });
    if (!rebalance) return;
    if (this.metadata.state === 'Stable' || this.metadata.state === 'CompletingRebalance') this.prepareRebalance(world, reason);
    else if (this.metadata.state === 'PreparingRebalance') {
      this.rebalanceReason = this.rebalanceReason || reason;
      this.tryCompleteJoin(world);
    }
  }

  // ---- OffsetCommit ----------------------------------------------------------------------

  /** OffsetCommit: checked by commitError (doc/kafka.md §3.7), stored when valid. */
  commit(world: EngineContext, memberId: string | null, generation: number, offsets: Map<string, number>): CoordinatorError | null {
    if (!this.reachable(world)) return 'COORDINATOR_NOT_AVAILABLE';
    const error = commitError(this.metadata, memberId, generation);
    if (error === null) this.store(world, offsets, generation);
    return error;
  }

  /** Whether the broker hosting this coordinator answers (coordinatorHost.ts). */
  private reachable(world: EngineContext): boolean {
    return this.host.reachable(world, this.metadata);
  }

  /**
   * Writes committed offsets: for a valid OffsetCommit, or from an admin tool
   * (kafka-consumer-groups --reset-offsets) on an Empty group.
   */
  store(world: EngineContext, offsets: Map<string, number>, generation: number): void {
    storeOffsets(this.metadata, world, offsets, generation);
  }
}
