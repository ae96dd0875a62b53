/**
 * One instance of a service: a Kafka consumer (client side of the classic group protocol) and
 * its poll loop.
 *
 * Poll loop: poll → (join/sync progress, auto-commit) → fetch up to `max.poll.records` below
 * the high watermark → process each record for `processingMs × slowFactor` → commit per the
 * commit mode → poll. Position (next offset poll returns) advances when records are returned;
 * the committed offset is the next offset to read. Group progress (JoinGroup, applying a new
 * assignment) only happens inside poll, as in the Java client, so a long batch delays it.
 *
 * Two liveness clocks: the heartbeat "thread" (every `heartbeat.interval.ms`, also while the
 * handler is stuck) and the poll timer (`max.poll.interval.ms`, after which a dynamic member
 * sends LeaveGroup). A crash stops both without a LeaveGroup; a process hang freezes both.
 */
import { FETCH_MAX_WAIT_MS, rebalanceProtocolFor } from '../config';
import type { QueueEntry } from '../eventQueue';
import type { EngineEvent } from '../engineEvents';
import type { LogRecord } from '../log/record';
import type { PartitionLog } from '../log/partitionLog';
import type { Service } from '../service/service';
import { tpKey, type TopicPartition } from '../types';
import type { World } from '../world';
import { createStream, type RandomStream } from '../random';
import type { CoordinatorError } from './coordinator';
import { seconds } from './coordinator';

export type InstanceStatus = 'running' | 'hung' | 'crashed' | 'stopped';

interface Batch {
  records: LogRecord[];
  partitions: PartitionLog[];
  /** `topic-partition` key of each record's partition. */
  keys: string[];
  /** Index of the record being processed. */
  index: number;
  /** When the current record started and how long it needs, for hangs and slow-downs. */
  currentStartMs: number;
  currentRemainingMs: number;
}

export class ConsumerInstance {
  readonly name: string;
  status: InstanceStatus = 'stopped';
  hangMode: 'process' | 'handler' | null = null;
  slowFactor = 1;
  memberId: string | null = null;
  generation = -1;
  /** Partitions this consumer believes it owns (its own view; a zombie may be wrong). */
  private owned: TopicPartition[] = [];
  /** `topic-partition` keys of `assignment`, computed once per assignment (hot path). */
  private ownedKeys: string[] = [];
  readonly positions = new Map<string, number>();
  lastPollMs = 0;
  lastHeartbeatMs = -1;
  lastCommitMs = -1;
  private incarnation = 0;
  private rejoinNeeded = true;
  /** Fenced (heartbeat error or poll timeout): partitions are given up at the next poll. */
  private partitionsLost = false;
  private joining = false;
  private pendingAssignment: { generation: number; memberId: string; partitions: TopicPartition[] } | null = null;
  private nextAutoCommitMs = 0;
  private batch: Batch | null = null;
  private loopEntry: QueueEntry<EngineEvent> | null = null;
  private heartbeatEntry: QueueEntry<EngineEvent> | null = null;
  private pollTimerEntry: QueueEntry<EngineEvent> | null = null;
  private waitingOn: PartitionLog[] = [];
  private fetchCursor = 0;
  private readonly stream: RandomStream;

  constructor(
    readonly service: Service,
    readonly index: number,
    private readonly world: World,
  ) {
    this.name = `${service.id}-${index}`;
    this.stream = createStream(world.seed, `instance:${this.name}`);
  }

  get assignment(): TopicPartition[] {
    return this.owned;
  }

  set assignment(partitions: TopicPartition[]) {
    this.owned = partitions;
    this.ownedKeys = partitions.map((tp) => tpKey(tp.topic, tp.partition));
  }

  get groupInstanceId(): string | null {
    const base = this.service.config.groupInstanceId;
    return base === null ? null : `${base}-${this.index}`;
  }

  get isAlive(): boolean {
    return this.status === 'running' || this.status === 'hung';
  }

  nextMemberId(): string {
    this.incarnation++;
    return `${this.name}-${this.incarnation}`;
  }

  // ---- lifecycle -------------------------------------------------------------------------

  start(): void {
    if (this.status === 'running' || this.status === 'hung') return;
    const world = this.world;
    this.status = 'running';
    this.hangMode = null;
    this.memberId = null;
    this.generation = -1;
    this.rejoinNeeded = true;
    this.joining = false;
    this.pendingAssignment = null;
    this.assignment = [];
    this.positions.clear();
    this.lastPollMs = world.now;
    this.nextAutoCommitMs = world.now + this.service.config.autoCommitIntervalMs;
    world.emit('member', this.name, `${this.name} starts.`, this.service.groupId);
    // Real clients never start in lockstep: the first heartbeat comes after a random part of
    // the interval (from this instance's own stream), so members notice rebalances at
    // different moments, as they do in Kafka.
    const interval = this.service.config.heartbeatIntervalMs;
    this.scheduleHeartbeat(world.now + 1 + this.stream.int(interval));
    this.schedulePollTimer();
    this.schedulePoll(world.now);
  }

  crash(): void {
    if (!this.isAlive) return;
    this.halt('crashed');
    this.world.emit(
      'member',
      this.name,
      `${this.name} crashed: no LeaveGroup is sent and its uncommitted work is lost; the coordinator notices only when ` +
        `session.timeout.ms (${seconds(this.service.config.sessionTimeoutMs)}) passes without a heartbeat.`,
      this.service.groupId,
    );
  }

  /** Graceful stop: commit what was processed, then LeaveGroup (static members do not leave). */
  stop(): void {
    if (!this.isAlive) return;
    const world = this.world;
    if (this.service.commitsOnClose && this.memberId !== null) this.commit(this.processedOffsets(), 'on close');
    const memberId = this.memberId;
    this.halt('stopped');
    if (memberId !== null && this.groupInstanceId === null) {
      this.service.group.leave(memberId, `${this.name} stopped gracefully and sent LeaveGroup`);
    } else {
      world.emit('member', this.name, `${this.name} stopped${this.groupInstanceId ? ' (static member: no LeaveGroup; the coordinator waits for session.timeout.ms)' : ''}.`, this.service.groupId);
    }
  }

  hang(mode: 'process' | 'handler'): void {
    if (this.status !== 'running') return;
    const world = this.world;
    this.status = 'hung';
    this.hangMode = mode;
    if (mode === 'process') {
      this.pauseLoop();
      this.cancel('heartbeatEntry');
      this.cancel('pollTimerEntry');
      world.emit('member', this.name, `${this.name} hangs (whole process frozen: no heartbeats, no polls).`, this.service.groupId);
      return;
    }
    // The handler gets stuck on the record in hand; an idle consumer gets stuck on the first
    // record its next poll returns (that poll still happens).
    if (this.batch) this.pauseLoop();
    world.emit(
      'member',
      this.name,
      `${this.name}'s handler is stuck: heartbeats go on, but it cannot poll; after max.poll.interval.ms ` +
        `(${seconds(this.service.config.maxPollIntervalMs)}) it will leave the group.`,
      this.service.groupId,
    );
  }

  /** Running, or handler-hung with nothing in hand yet (its next poll still happens). */
  private get canPoll(): boolean {
    return this.status === 'running' || (this.status === 'hung' && this.hangMode === 'handler' && !this.batch);
  }

  resume(): void {
    if (this.status !== 'hung') return;
    const world = this.world;
    const wasProcessHang = this.hangMode === 'process';
    this.status = 'running';
    this.hangMode = null;
    world.emit('member', this.name, `${this.name} resumes.`, this.service.groupId);
    if (wasProcessHang) {
      this.onPollTimerCheck();
      this.onHeartbeat();
    }
    if (this.batch) this.continueBatch();
    else this.schedulePoll(world.now);
  }

  setSlowFactor(factor: number): void {
    const world = this.world;
    const previous = this.slowFactor;
    this.slowFactor = factor;
    world.emit('member', this.name, factor === 1 ? `${this.name} runs at normal speed again.` : `${this.name} slows down: each record takes ${factor}× as long.`, this.service.groupId);
    if (this.status === 'running' && this.batch && this.loopEntry) {
      const batch = this.batch;
      this.pauseLoop();
      batch.currentRemainingMs = Math.round((batch.currentRemainingMs * factor) / previous);
      this.continueBatch();
    }
  }

  private halt(status: 'crashed' | 'stopped'): void {
    this.pauseLoop();
    this.cancel('heartbeatEntry');
    this.cancel('pollTimerEntry');
    this.status = status;
    this.hangMode = null;
    this.batch = null;
    this.assignment = [];
    this.positions.clear();
    this.memberId = null;
    this.generation = -1;
    this.joining = false;
    this.pendingAssignment = null;
    this.partitionsLost = false;
  }

  private cancel(field: 'loopEntry' | 'heartbeatEntry' | 'pollTimerEntry'): void {
    const entry = this[field];
    if (entry) entry.cancelled = true;
    this[field] = null;
  }

  /** Stops the loop where it is: the current record keeps its remaining time. */
  private pauseLoop(): void {
    this.stopWaiting();
    if (this.batch && this.loopEntry) {
      const elapsed = this.world.now - this.batch.currentStartMs;
      this.batch.currentRemainingMs = Math.max(0, this.batch.currentRemainingMs - elapsed);
    }
    this.cancel('loopEntry');
  }

  // ---- poll loop -------------------------------------------------------------------------

  private schedulePoll(atMs: number): void {
    this.cancel('loopEntry');
    this.loopEntry = this.world.schedule(atMs, { kind: 'poll', instance: this });
  }

  onPoll(): void {
    this.loopEntry = null;
    this.stopWaiting();
    if (!this.canPoll || this.batch) return;
    const world = this.world;
    this.lastPollMs = world.now;
    if (this.pendingAssignment) this.applyAssignment();
    if (this.rejoinNeeded && !this.joining) this.sendJoinGroup();
    // A static member may get its assignment back inside JoinGroup itself.
    if (this.pendingAssignment) this.applyAssignment();
    if (!this.canPoll) return;
    if (this.service.autoCommit && this.memberId !== null && world.now >= this.nextAutoCommitMs) {
      this.nextAutoCommitMs = world.now + this.service.config.autoCommitIntervalMs;
      this.commit(this.currentPositions(), 'auto-commit');
    }
    const fetched = this.fetch();
    if (!this.canPoll) return;
    if (fetched.records.length === 0) {
      this.waitForData();
      return;
    }
    if (this.service.commitMode === 'before-processing') this.commit(this.currentPositions(), 'before processing');
    this.batch = { ...fetched, index: 0, currentStartMs: world.now, currentRemainingMs: this.recordDurationMs() };
    if (this.status === 'running') this.continueBatch();
  }

  private recordDurationMs(): number {
    return Math.max(0, Math.round(this.service.processingMs * this.slowFactor));
  }

  /** Processes records of the batch: at once when they take no time, else one event each. */
  private continueBatch(): void {
    const world = this.world;
    const batch = this.batch!;
    while (batch.index < batch.records.length) {
      if (batch.currentRemainingMs > 0) {
        batch.currentStartMs = world.now;
        this.loopEntry = world.schedule(world.now + batch.currentRemainingMs, { kind: 'recordDone', instance: this });
        return;
      }
      this.processCurrent();
    }
    this.finishBatch();
  }

  onRecordDone(): void {
    this.loopEntry = null;
    if (this.status !== 'running' || !this.batch) return;
    this.processCurrent();
    this.continueBatch();
  }

  private processCurrent(): void {
    const batch = this.batch!;
    const record = batch.records[batch.index]!;
    const partition = batch.partitions[batch.index]!;
    const key = batch.keys[batch.index]!;
    batch.index++;
    batch.currentRemainingMs = this.recordDurationMs();
    this.service.process(this, partition, key, record);
  }

  private finishBatch(): void {
    const batch = this.batch!;
    this.batch = null;
    if (this.service.commitMode === 'after-processing') this.commit(offsetsAfter(batch), 'after processing');
    if (this.status === 'running') this.onPoll();
  }

  private fetch(): { records: LogRecord[]; partitions: PartitionLog[]; keys: string[] } {
    const records: LogRecord[] = [];
    const partitions: PartitionLog[] = [];
    const keys: string[] = [];
    const count = this.owned.length;
    if (count === 0) return { records, partitions, keys };
    const max = this.service.config.maxPollRecords;
    const start = this.fetchCursor++ % count;
    for (let i = 0; i < count && records.length < max; i++) {
      const index = (start + i) % count;
      const tp = this.owned[index]!;
      const log = this.world.topics.get(tp.topic)?.partitions[tp.partition];
      if (!log) continue;
      const key = this.ownedKeys[index]!;
      let position = this.positions.get(key);
      if (position === undefined) continue;
      if (position < log.logStartOffset || position > log.highWatermark) {
        const reset = this.resetOutOfRange(log, key, position);
        if (reset === null) return { records: [], partitions: [], keys: [] };
        position = reset;
      }
      const before = records.length;
      log.read(position, max - records.length, records);
      for (let r = before; r < records.length; r++) {
        partitions.push(log);
        keys.push(key);
      }
      if (records.length > before) this.positions.set(key, records[records.length - 1]!.offset + 1);
    }
    return { records, partitions, keys };
  }

  /** OFFSET_OUT_OF_RANGE: follow auto.offset.reset (none stops the consumer with an error). */
  private resetOutOfRange(log: PartitionLog, key: string, position: number): number | null {
    const world = this.world;
    const policy = this.service.config.autoOffsetReset;
    if (policy === 'none') {
      world.emit('error', this.name, `${this.name}: offset ${position} on ${key} is out of range and auto.offset.reset=none: the consumer stops with an error.`, this.service.groupId);
      this.stopWithError();
      return null;
    }
    const target = policy === 'earliest' ? log.logStartOffset : log.highWatermark;
    const lost = lostToRetention(log, position, Math.min(log.logStartOffset, target));
    world.emit(
      'offsets',
      this.name,
      `${this.name}: position ${position} on ${key} is out of range (log start offset ${log.logStartOffset}); ` +
        `auto.offset.reset=${policy} moves it to ${target}` +
        (lost > 0 ? `: ${lost} records lost to retention.` : '.'),
      this.service.groupId,
    );
    this.positions.set(key, target);
    this.service.stats.onPositionMoved(key, target, 'retention', log.compactedAway);
    return target;
  }

  private stopWithError(): void {
    const memberId = this.memberId;
    this.halt('stopped');
    if (memberId !== null && this.groupInstanceId === null) {
      this.service.group.leave(memberId, `${this.name} stopped with an error and left the group`);
    }
  }

  private waitForData(): void {
    for (const tp of this.owned) {
      const log = this.world.topics.get(tp.topic)?.partitions[tp.partition];
      if (log) {
        log.fetchWaiters.add(this);
        this.waitingOn.push(log);
      }
    }
    this.schedulePoll(this.world.now + FETCH_MAX_WAIT_MS);
  }

  private stopWaiting(): void {
    for (const log of this.waitingOn) log.fetchWaiters.delete(this);
    this.waitingOn.length = 0;
  }

  /** A record was appended to a partition this consumer is waiting on. */
  onDataArrived(): void {
    if (!this.canPoll || this.batch) return;
    this.stopWaiting();
    this.schedulePoll(this.world.now);
  }

  // ---- group membership ------------------------------------------------------------------

  private get protocol(): 'eager' | 'cooperative' {
    return rebalanceProtocolFor(this.service.config.assignors);
  }

  /** onJoinPrepare + JoinGroup. */
  private sendJoinGroup(): void {
    const world = this.world;
    if (this.partitionsLost) {
      // The zombie's last auto-commit: it fails, and its partitions are given up without a commit.
      this.partitionsLost = false;
      if (this.service.autoCommit) this.commit(this.currentPositions(), 'auto-commit before rejoining');
      this.assignment = [];
      this.positions.clear();
    } else if (this.memberId !== null && this.generation > 0 && this.service.autoCommit) {
      this.commit(this.currentPositions(), 'before rebalance');
      this.nextAutoCommitMs = world.now + this.service.config.autoCommitIntervalMs;
    }
    if (!this.heartbeatEntry) this.scheduleHeartbeat(world.now + this.service.config.heartbeatIntervalMs);
    const owned = this.assignment;
    const ownedGeneration = this.generation;
    if (this.protocol === 'eager' && this.assignment.length > 0) {
      world.emit('rebalance', this.name, `${this.name} revokes all its partitions (eager rebalance) and rejoins.`, this.service.groupId);
      this.assignment = [];
      this.positions.clear();
    }
    this.rejoinNeeded = false;
    this.joining = true;
    const config = this.service.config;
    this.memberId = this.service.group.join({
      instance: this,
      memberId: this.memberId,
      groupInstanceId: this.groupInstanceId,
      subscription: this.service.spec.subscribe,
      assignors: config.assignors,
      owned,
      ownedGeneration,
      sessionTimeoutMs: config.sessionTimeoutMs,
      rebalanceTimeoutMs: config.maxPollIntervalMs,
    });
  }

  /** SyncGroup answered: remembered, and applied at the next poll. */
  onAssignment(generation: number, memberId: string, partitions: TopicPartition[]): void {
    this.pendingAssignment = { generation, memberId, partitions };
    if (this.status === 'running' && !this.batch && this.loopEntry?.dueMs !== this.world.now) {
      this.stopWaiting();
      this.schedulePoll(this.world.now);
    }
  }

  private applyAssignment(): void {
    const { generation, memberId, partitions } = this.pendingAssignment!;
    this.pendingAssignment = null;
    this.joining = false;
    this.generation = generation;
    this.memberId = memberId;
    const next = new Set(partitions.map((tp) => tpKey(tp.topic, tp.partition)));
    const revoked = this.assignment.filter((tp) => !next.has(tpKey(tp.topic, tp.partition)));
    if (revoked.length > 0) {
      // Cooperative: give up only what moved, commit it, then rejoin so it can be handed over.
      const offsets = new Map<string, number>();
      for (const tp of revoked) {
        const key = tpKey(tp.topic, tp.partition);
        const position = this.positions.get(key);
        if (position !== undefined) offsets.set(key, position);
        this.positions.delete(key);
      }
      if (this.service.autoCommit) this.commit(offsets, 'before revoking');
      this.world.emit('rebalance', this.name, `${this.name} revokes ${revoked.map((tp) => tpKey(tp.topic, tp.partition)).join(', ')} and rejoins so they can move (cooperative).`, this.service.groupId);
      this.rejoinNeeded = true;
    }
    const had = new Set(this.assignment.map((tp) => tpKey(tp.topic, tp.partition)));
    this.assignment = partitions;
    for (const tp of partitions) {
      const key = tpKey(tp.topic, tp.partition);
      if (!had.has(key) || !this.positions.has(key)) this.initPosition(tp, key);
    }
  }

  /** Position of a newly assigned partition: the committed offset, else auto.offset.reset. */
  private initPosition(tp: TopicPartition, key: string): void {
    const world = this.world;
    const log = world.topics.get(tp.topic)?.partitions[tp.partition];
    if (!log) return;
    const committed = this.service.group.committed.get(key);
    let position: number;
    if (committed && committed.offset >= log.logStartOffset && committed.offset <= log.highWatermark) {
      position = committed.offset;
      this.positions.set(key, position);
      this.service.stats.onPositionMoved(key, position, 'committed', log.compactedAway);
      return;
    }
    const policy = this.service.config.autoOffsetReset;
    if (policy === 'none') {
      world.emit('error', this.name, `${this.name}: no committed offset for ${key} and auto.offset.reset=none: the consumer stops with an error.`, this.service.groupId);
      this.stopWithError();
      return;
    }
    position = policy === 'earliest' ? log.logStartOffset : log.highWatermark;
    const why = committed ? `committed offset ${committed.offset} is out of range` : 'no committed offset';
    const lost = committed ? lostToRetention(log, committed.offset, log.logStartOffset) : 0;
    const loss = lost > 0 ? `: ${lost} records lost to retention` : '';
    world.emit('offsets', this.name, `${this.name} starts ${key} at ${position}: ${why}, auto.offset.reset=${policy}${loss}.`, this.service.groupId);
    this.positions.set(key, position);
    this.service.stats.onPositionMoved(key, position, committed ? 'retention' : 'reset-policy', log.compactedAway);
  }

  private currentPositions(): Map<string, number> {
    const offsets = new Map<string, number>();
    for (const key of this.ownedKeys) {
      const position = this.positions.get(key);
      if (position !== undefined) offsets.set(key, position);
    }
    return offsets;
  }

  /** Offsets of what has been processed: the positions, minus records of the batch in hand. */
  private processedOffsets(): Map<string, number> {
    const offsets = this.currentPositions();
    const batch = this.batch;
    if (batch) {
      for (let i = batch.records.length - 1; i >= batch.index; i--) {
        const log = batch.partitions[i]!;
        offsets.set(tpKey(log.topic, log.partition), batch.records[i]!.offset);
      }
    }
    return offsets;
  }

  commit(offsets: Map<string, number>, why: string): boolean {
    if (offsets.size === 0) return true;
    const world = this.world;
    const error = this.service.group.commit(this.memberId, this.generation, offsets);
    if (error === null) {
      this.lastCommitMs = world.now;
      return true;
    }
    this.onCommitFailed(error, offsets, why);
    return false;
  }

  private onCommitFailed(error: CoordinatorError, offsets: Map<string, number>, why: string): void {
    const list = [...offsets].map(([key, offset]) => `${key} → ${offset}`).join(', ');
    const reason =
      error === 'REBALANCE_IN_PROGRESS'
        ? 'the group is rebalancing'
        : `it is no longer a member of generation ${this.service.group.generation} (a zombie; ${error})`;
    this.world.emit('commit', this.name, `${this.name}'s commit (${why}) of ${list} failed: ${reason}. Those records will be processed again by the partition's new owner.`, this.service.groupId);
    this.loseMembership(error === 'UNKNOWN_MEMBER_ID');
  }

  /** onPartitionsLost: the member learns it was fenced; it drops everything and rejoins. */
  private loseMembership(forgetMemberId: boolean, keepUntilNextPoll = false): void {
    if (forgetMemberId) this.memberId = null;
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

  // ---- heartbeat thread and poll timer ---------------------------------------------------

  private scheduleHeartbeat(atMs: number): void {
    this.cancel('heartbeatEntry');
    this.heartbeatEntry = this.world.schedule(atMs, { kind: 'heartbeat', instance: this });
  }

  onHeartbeat(): void {
    this.heartbeatEntry = null;
    if (!this.isAlive || this.hangMode === 'process') return;
    const world = this.world;
    if (this.memberId !== null) {
      this.lastHeartbeatMs = world.now;
      const error = this.service.group.heartbeat(this.memberId, this.generation);
      if (error === 'REBALANCE_IN_PROGRESS') {
        if (!this.joining) {
          this.rejoinNeeded = true;
          if (!this.batch && this.status === 'running') this.onDataArrived();
        }
      } else if (error === 'UNKNOWN_MEMBER_ID' || error === 'ILLEGAL_GENERATION') {
        if (!this.joining || error === 'UNKNOWN_MEMBER_ID') {
          world.emit('member', this.name, `${this.name} learns from its heartbeat that it is no longer in the group (${error}); it gives up its partitions and rejoins.`, this.service.groupId);
          this.loseMembership(error === 'UNKNOWN_MEMBER_ID', true);
          if (!this.batch && this.status === 'running') this.onDataArrived();
        }
      }
    }
    this.scheduleHeartbeat(world.now + this.service.config.heartbeatIntervalMs);
  }

  private schedulePollTimer(): void {
    this.cancel('pollTimerEntry');
    this.pollTimerEntry = this.world.schedule(this.lastPollMs + this.service.config.maxPollIntervalMs, {
      kind: 'pollTimerCheck',
      instance: this,
    });
  }

  onPollTimerCheck(): void {
    this.pollTimerEntry = null;
    if (!this.isAlive || this.hangMode === 'process') return;
    const world = this.world;
    const maxPollIntervalMs = this.service.config.maxPollIntervalMs;
    if (world.now - this.lastPollMs >= maxPollIntervalMs && this.memberId !== null && !this.joining) {
      const memberId = this.memberId;
      if (this.groupInstanceId === null) {
        this.service.group.leave(memberId, `${this.name} did not poll for ${seconds(maxPollIntervalMs)} (max.poll.interval.ms), so its client sent LeaveGroup`);
        this.loseMembership(true, true);
      } else {
        // A static member does not send LeaveGroup; its heartbeats stop and the session timeout removes it.
        world.emit('member', this.name, `${this.name} did not poll for ${seconds(maxPollIntervalMs)} (max.poll.interval.ms); as a static member it sends no LeaveGroup and stops heartbeating.`, this.service.groupId);
        this.cancel('heartbeatEntry');
        this.generation = -1;
        this.rejoinNeeded = true;
      }
    }
    this.pollTimerEntry = world.schedule(Math.max(world.now + 1, this.lastPollMs + maxPollIntervalMs), {
      kind: 'pollTimerCheck',
      instance: this,
    });
  }

  /** Position of a partition if this running instance owns it. */
  positionOf(key: string): number | undefined {
    return this.status === 'running' || this.status === 'hung' ? this.positions.get(key) : undefined;
  }

  isWaiting(): boolean {
    return this.waitingOn.length > 0;
  }
}

function offsetsAfter(batch: Batch): Map<string, number> {
  const offsets = new Map<string, number>();
  for (let i = 0; i < batch.records.length; i++) {
    const log = batch.partitions[i]!;
    offsets.set(tpKey(log.topic, log.partition), batch.records[i]!.offset + 1);
  }
  return offsets;
}

/** Records in [from, logStart) that retention deleted: offsets compaction had emptied do not count. */
function lostToRetention(log: PartitionLog, from: number, to: number): number {
  return from < to ? to - from - log.compactedAway.countIn(from, to) : 0;
}
