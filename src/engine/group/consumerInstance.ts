/**
 * One instance of a service: a Kafka consumer's lifecycle (start, crash, graceful stop, hang,
 * slow-down) and its poll loop. It has two parts: its group membership, positions and commits
 * (`client`, what the coordinator talks to) and its liveness clocks and metadata refresh
 * (`liveness`). The parts reach back to the instance only through the small `ClientHost` and
 * `LivenessHost` interfaces it implements. Readers (snapshot, summary) ask the part that
 * owns a fact: `client.lastCommitMs`, `liveness.lastHeartbeatMs`.
 *
 * Poll loop: poll → (join/sync progress, auto-commit) → up to `max.poll.records` from the
 * fetch buffer (`ConsumerFetcher`), sending the next fetch before processing → process each
 * record for `processingMs × slowFactor` → commit per the commit mode → poll. A poll that finds
 * the buffer empty waits for the fetch in flight to come back (the broker holds it at most
 * fetch.max.wait.ms). Position (next offset poll returns) advances when records are returned;
 * the committed offset is the next offset to read. Group progress (JoinGroup, applying a new
 * assignment) only happens inside poll, as in the Java client, so a long batch delays it.
 *
 * A crash stops both liveness clocks (heartbeat thread, poll timer) without a LeaveGroup; a
 * process hang freezes both; a stuck handler stops only the polls.
 */
import { ZERO_TIME_RECORDS_PER_STEP } from '../progress/noProgress';
import { recordDurationMs } from '../progress/zeroTimeLoops';
import type { PartitionLog } from '../log/partitionLog';
import type { ConsumerContext, InstanceHost, ServiceFacts } from './groupProtocol';
import type { TopicPartition } from '../types';
import type { EngineContext, GroupClient } from '../engineContext';
import { createStream, type RandomStream } from '../random';
import { clearBatch, emptyBatch, offsetsAfter, rewindToUnprocessed, runAt, type Batch } from './batch';
import { ConsumerClient, type ClientHost, type InstanceStatus } from './consumerClient';
import { ConsumerLiveness, type LivenessHost } from './consumerLiveness';
import { PollLoopTimer } from './pollLoopTimer';
import { ConsumerFetcher, type FetcherHost } from './fetch/consumerFetcher';
import { resetOutOfRange } from './offsetOutOfRange';
import { seconds } from './seconds';

export type { InstanceStatus } from './consumerClient';

/** The timeout the application passes to poll (`poll(Duration.ofMillis(500))`), when nothing can be fetched. */
const POLL_TIMEOUT_MS = 500;

export class ConsumerInstance implements ClientHost, GroupClient, LivenessHost, FetcherHost {
  readonly name: string;
  status: InstanceStatus = 'stopped';
  hangMode: 'process' | 'handler' | null = null;
  slowFactor = 1;
  /** Group membership, positions and commits: the side of the consumer the coordinator sees. */
  readonly client: ConsumerClient;
  /** Heartbeat thread, poll timer and metadata refresh. */
  readonly liveness: ConsumerLiveness;
  /** Fetch requests and the fetch buffer poll hands records out of. */
  readonly fetcher: ConsumerFetcher;
  private readonly batchBuffer: Batch = emptyBatch();
  /** Whether the one reused batch object is in hand (a flag, not a second reference to it). */
  private hasBatch = false;
  /** The next poll or the end of the current record, whichever is pending. */
  private readonly loop = new PollLoopTimer();
  /** An empty poll is waiting for the fetch in flight to come back. */
  private waitingForFetch = false;
  private readonly stream: RandomStream;

  /** `service`: its service's frozen facts; the live service comes from `ctx.serviceOf` when needed. */
  constructor(readonly service: ServiceFacts, readonly index: number, world: EngineContext) {
    this.client = new ConsumerClient(service, index);
    this.liveness = new ConsumerLiveness();
    this.fetcher = new ConsumerFetcher();
    this.name = this.client.name;
    this.stream = createStream(world.seed, `instance:${this.name}`);
  }

  // ---- read side (snapshot, summary, the service) ----------------------------------------

  /** The batch in hand (the one reused batch object) or null. */
  private get batch(): Batch | null {
    return this.hasBatch ? this.batchBuffer : null;
  }

  private set batch(batch: Batch | null) {
    this.hasBatch = batch !== null;
  }

  get isAlive(): boolean {
    return this.status === 'running' || this.status === 'hung';
  }

  get memberId(): string | null {
    return this.client.memberId;
  }

  get assignment(): TopicPartition[] {
    return this.client.assignment;
  }

  /** Position of a partition if this running instance owns it. */
  positionOf(key: string): number | undefined {
    return this.isAlive ? this.client.positions.get(key) : undefined;
  }

  // ---- lifecycle -------------------------------------------------------------------------

  start(ctx: EngineContext): void {
    if (this.status === 'running' || this.status === 'hung') return;
    this.status = 'running';
    this.hangMode = null;
    this.client.resetMembership(ctx);
    this.liveness.lastPollMs = ctx.now;
    ctx.emit('member', this.name, `${this.name} starts.`, this.service.groupId, this.client.detail('member.started'));
    // Real clients never start in lockstep: the first heartbeat comes after a random part of
    // the interval (from this instance's own stream), so members notice rebalances at
    // different moments, as they do in Kafka.
    const interval = this.service.config.heartbeatIntervalMs;
    this.liveness.scheduleHeartbeat(ctx, this, ctx.now + 1 + this.stream.int(interval));
    this.liveness.schedulePollTimer(ctx, this);
    this.schedulePoll(ctx, ctx.now);
  }

  crash(ctx: EngineContext): void {
    if (!this.isAlive) return;
    this.halt(ctx, 'crashed');
    ctx.emit(
      'member',
      this.name,
      `${this.name} crashed: no LeaveGroup is sent, and what it processed after its last commit will be read again by the next owner; the coordinator notices only when ` +
        `session.timeout.ms (${seconds(this.service.config.sessionTimeoutMs)}) passes without a heartbeat.`,
      this.service.groupId,
      this.client.detail('member.crashed'),
    );
  }

  /** Graceful stop: commit what was processed, then LeaveGroup (static members do not leave). */
  stop(ctx: ConsumerContext): void {
    if (!this.isAlive) return;
    if (this.service.commitsOnClose && this.memberId !== null) this.client.commit(ctx, this.processedOffsets(), 'on close');
    const memberId = this.memberId;
    this.halt(ctx, 'stopped');
    if (memberId !== null && this.client.groupInstanceId === null) {
      ctx.serviceOf(this.service.id).group.leave(ctx, memberId, `${this.name} stopped gracefully and sent LeaveGroup`, 'member.stopped');
    } else {
      ctx.emit('member', this.name, `${this.name} stopped${this.client.groupInstanceId ? ' (static member: no LeaveGroup; the coordinator waits for session.timeout.ms)' : ''}.`, this.service.groupId, this.client.detail('member.stopped'));
    }
  }

  hang(ctx: EngineContext, mode: 'process' | 'handler'): void {
    if (this.status !== 'running') return;
    this.status = 'hung';
    this.hangMode = mode;
    if (mode === 'process') {
      this.pauseLoop(ctx);
      this.liveness.cancelHeartbeat(ctx);
      this.liveness.cancelPollTimer(ctx);
      ctx.emit('member', this.name, `${this.name} hangs (whole process frozen: no heartbeats, no polls).`, this.service.groupId, this.client.detail('member.hung', { mode }));
      return;
    }
    // The handler gets stuck on the record in hand; an idle consumer gets stuck on the first
    // record its next poll returns (that poll still happens).
    if (this.batch) this.pauseLoop(ctx);
    ctx.emit(
      'member',
      this.name,
      `${this.name}'s handler is stuck: heartbeats go on, but it cannot poll; after max.poll.interval.ms ` +
        `(${seconds(this.service.config.maxPollIntervalMs)}) it will leave the group.`,
      this.service.groupId,
      this.client.detail('member.hung', { mode }),
    );
  }

  /** Running, or handler-hung with nothing in hand yet (its next poll still happens). */
  private get canPoll(): boolean {
    return this.status === 'running' || (this.status === 'hung' && this.hangMode === 'handler' && !this.batch);
  }

  resume(ctx: ConsumerContext): void {
    if (this.status !== 'hung') return;
    const wasProcessHang = this.hangMode === 'process';
    this.status = 'running';
    this.hangMode = null;
    ctx.emit('member', this.name, `${this.name} resumes.`, this.service.groupId, this.client.detail('member.resumed'));
    if (wasProcessHang) {
      this.liveness.onPollTimerCheck(ctx, this);
      this.liveness.onHeartbeat(ctx, this);
    }
    if (this.batch) this.continueBatch(ctx);
    else this.schedulePoll(ctx, ctx.now);
  }

  setSlowFactor(ctx: ConsumerContext, factor: number): void {
    const previous = this.slowFactor;
    this.slowFactor = factor;
    ctx.emit('member', this.name, factor === 1 ? `${this.name} runs at normal speed again.` : `${this.name} slows down: each record takes ${factor}× as long.`, this.service.groupId, this.client.detail('member.slowed', { factor }));
    if (this.status === 'running' && this.batch && this.loop.armed) {
      const batch = this.batch;
      this.pauseLoop(ctx);
      batch.currentRemainingMs = Math.round((batch.currentRemainingMs * factor) / previous);
      this.continueBatch(ctx);
    }
  }

  private halt(ctx: EngineContext, status: 'crashed' | 'stopped'): void {
    this.pauseLoop(ctx);
    this.liveness.cancelHeartbeat(ctx);
    this.liveness.cancelPollTimer(ctx);
    this.status = status;
    this.hangMode = null;
    this.batch = null;
    this.fetcher.reset(ctx, this);
    this.client.forgetMembership(ctx);
  }

  stopWithError(ctx: ConsumerContext): void {
    const memberId = this.memberId;
    this.halt(ctx, 'stopped');
    if (memberId !== null && this.client.groupInstanceId === null) {
      ctx.serviceOf(this.service.id).group.leave(ctx, memberId, `${this.name} stopped with an error and left the group`);
    }
  }

  /** Offsets of what has been processed: the positions, minus records of the batch in hand. */
  private processedOffsets(): Map<string, number> {
    const offsets = this.client.currentPositions();
    return this.batch ? rewindToUnprocessed(offsets, this.batch) : offsets;
  }

  // ---- poll loop -------------------------------------------------------------------------

  private schedulePoll(ctx: EngineContext, atMs: number): void {
    this.loop.schedulePoll(ctx, atMs, this.client.events);
  }

  /** Stops the loop where it is: the current record keeps its remaining time. */
  private pauseLoop(ctx: EngineContext): void {
    this.waitingForFetch = false;
    if (this.batch && this.loop.armed) {
      const elapsed = ctx.now - this.batch.currentStartMs;
      this.batch.currentRemainingMs = Math.max(0, this.batch.currentRemainingMs - elapsed);
    }
    this.loop.cancel(ctx);
  }

  onPoll(ctx: ConsumerContext): void {
    if (this.poll(ctx)) this.continueBatch(ctx);
  }

  /** One poll; true when it returned records and the loop should process them now. */
  private poll(ctx: ConsumerContext): boolean {
    this.loop.fired();
    this.waitingForFetch = false;
    if (!this.canPoll || this.batch) return false;
    this.liveness.notePoll(ctx, this);
    this.client.pollCoordinator(ctx, this);
    if (!this.canPoll) return false;
    this.client.autoCommitIfDue(ctx);
    const batch = this.batchBuffer;
    clearBatch(batch);
    this.fetcher.collect(ctx, this, batch);
    if (!this.canPoll) return false;
    // KafkaConsumer.poll sends the next fetch before it returns records (or before it blocks),
    // so the fetch travels while the batch is processed.
    this.fetcher.sendFetches(ctx, this);
    if (batch.records.length === 0) {
      this.waitForFetch(ctx);
      return false;
    }
    if (this.service.commitMode === 'before-processing') this.client.commit(ctx, this.client.currentPositions(), 'before processing');
    batch.currentStartMs = ctx.now;
    batch.currentRemainingMs = this.recordDurationMs();
    this.batch = batch;
    return this.status === 'running';
  }

  // What the coordinator calls (GroupClient): the client's side, then the loop wakes to apply it.
  nextMemberId(): string {
    return this.client.nextMemberId();
  }

  knownPartitionCount(ctx: EngineContext, topic: string): number | undefined {
    return this.client.knownPartitionCount(ctx, topic);
  }

  onAssignment(ctx: EngineContext, generation: number, memberId: string, partitions: TopicPartition[], assignedWith: ReadonlyMap<string, number> | null = null): void {
    this.client.onAssignment(ctx, generation, memberId, partitions, assignedWith);
    this.wakeToApplyAssignment(ctx);
  }

  // What the parts ask of the instance (ClientHost, LivenessHost): they own no loop of their own.
  startHeartbeatThreadIfNeeded(ctx: EngineContext): void {
    this.liveness.startHeartbeatThreadIfNeeded(ctx, this);
  }

  wakeToRejoin(ctx: EngineContext): void {
    if (!this.batch && this.status === 'running') {
      this.waitingForFetch = false;
      this.schedulePoll(ctx, ctx.now);
    }
  }

  wakeToApplyAssignment(ctx: EngineContext): void {
    if (this.status === 'running' && !this.batch && !this.loop.isDueAt(ctx.now)) {
      this.waitingForFetch = false;
      this.schedulePoll(ctx, ctx.now);
    }
  }

  /**
   * A fetch response reached the consumer: a poll blocked on it returns now (KafkaConsumer.pollForFetches). An empty
   * response that took no time (no latency, fetch.max.wait.ms 0) would spin at one instant: the next poll is 1 ms later.
   */
  onFetchCompleted(ctx: ConsumerContext, emptyAndInstant: boolean): void {
    if (!this.waitingForFetch || !this.canPoll || this.batch) return;
    this.loop.cancel(ctx);
    if (emptyAndInstant) {
      this.waitingForFetch = false;
      this.schedulePoll(ctx, ctx.now + 1);
      return;
    }
    this.onPoll(ctx);
  }

  private recordDurationMs(): number {
    return recordDurationMs(this.service.processingMs, this.slowFactor);
  }

  /**
   * Processes records of the batch: at once when they take no time, else one event each. A
   * batch that takes no time is followed by the next poll at once, in this loop (never by
   * recursion: a backlog polled one record at a time would overflow the stack); after
   * ZERO_TIME_RECORDS_PER_STEP such records the loop goes on in a new event at the same
   * instant, so no single step of the engine runs for long.
   */
  private continueBatch(ctx: ConsumerContext): void {
    const service = ctx.serviceOf(this.service.id);
    let processedNow = 0;
    for (;;) {
      const batch = this.batch!;
      while (batch.index < batch.records.length) {
        if (batch.currentRemainingMs > 0 || processedNow === ZERO_TIME_RECORDS_PER_STEP) {
          batch.currentStartMs = ctx.now;
          this.loop.scheduleRecordDone(ctx, ctx.now + batch.currentRemainingMs, this.client.events);
          return;
        }
        this.processCurrent(ctx, service);
        processedNow++;
      }
      if (!this.finishBatch(ctx)) return;
    }
  }

  onRecordDone(ctx: ConsumerContext): void {
    this.loop.fired();
    if (this.status !== 'running' || !this.batch) return;
    this.processCurrent(ctx, ctx.serviceOf(this.service.id));
    this.continueBatch(ctx);
  }

  private processCurrent(ctx: EngineContext, service: InstanceHost): void {
    ctx.steps.step(ctx.now);
    const batch = this.batch!;
    const record = batch.records[batch.index]!;
    const index = batch.index++;
    batch.currentRemainingMs = this.recordDurationMs();
    const run = runAt(batch, index);
    service.process(ctx, this.index, batch.runTopics[run]!, batch.runPartitions[run]!, batch.runKeys[run]!, record);
  }

  /** Commits per the commit mode and polls again; true when that poll started a new batch. */
  private finishBatch(ctx: ConsumerContext): boolean {
    const batch = this.batch!;
    this.batch = null;
    if (this.service.commitMode === 'after-processing') this.client.commit(ctx, offsetsAfter(batch), 'after processing');
    return this.status === 'running' && this.poll(ctx);
  }

  // ---- fetch ----------------------------------------------------------------------------

  /** OFFSET_OUT_OF_RANGE on fetch: follow auto.offset.reset (offsetOutOfRange.ts). */
  resetOutOfRange(ctx: ConsumerContext, log: PartitionLog, key: string, position: number): number | null {
    const client = this.client;
    return resetOutOfRange(ctx, { name: this.name, service: this.service, positions: client.positions, detail: (code, extra) => client.detail(code, extra), stopWithError: () => this.stopWithError(ctx) }, log, key, position);
  }

  /** An append reached a partition this consumer's parked fetch waits on (World.fetcherOf). */
  onDataArrived(ctx: EngineContext): void {
    this.fetcher.onDataArrived(ctx, this);
  }

  /**
   * An empty poll blocks until the fetch in flight comes back (the broker answers within
   * fetch.max.wait.ms); with nothing to fetch (no assignment yet) it returns after the
   * application's poll timeout (POLL_TIMEOUT_MS).
   */
  private waitForFetch(ctx: EngineContext): void {
    if (this.fetcher.inFlight) this.waitingForFetch = true;
    else this.schedulePoll(ctx, ctx.now + POLL_TIMEOUT_MS);
  }
}
