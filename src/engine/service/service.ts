/**
 * A service: one consumer group of N instances, its handler and read model, and its delivery
 * stats. The group id is the service id unless `config["group.id"]` says otherwise.
 */
import { frozenCopy } from '../frozen';
import { resolveConsumerConfig, type ResolvedConsumerConfig } from '../config';
import { ConsumerInstance } from '../group/consumerInstance';
import { GroupCoordinator } from '../group/coordinator';
import type { LogRecord } from '../log/record';
import type { Topic } from '../log/topic';
import { partitionForKey } from '../producer/murmur2';
import { appendToTopic, type OutgoingMessage } from '../producer/send';
import type { ServiceSpec } from '../scenario';
import { tpKey } from '../types';
import type { EngineContext } from '../engineContext';
import type { EmittedEvent, Handler, HandlerContext } from './handler';
import { handlerFor } from './handlers';
import { GroupStats } from './groupStats';
import { DEFAULT_PROCESSING_MS } from '../progress/zeroTimeLoops';
import type { ConsumerContext, EffectiveCommitMode, InstanceHost, ServiceFacts } from '../group/groupProtocol';


export class Service implements HandlerContext, InstanceHost {
  readonly id: string;
  readonly config: ResolvedConsumerConfig;
  readonly group: GroupCoordinator;
  readonly instances: ConsumerInstance[] = [];
  readonly stats: GroupStats;
  readonly handler: Handler<unknown>;
  readModel: unknown;
  idempotent: boolean;
  readonly processingMs: number;
  readonly commitMode: EffectiveCommitMode;
  /** Commands received (command-owning services). */
  readonly commands = { sent: 0, accepted: 0, rejected: 0 };
  /** Event ids already applied, for idempotent handlers. */
  private readonly appliedEventIds = new Set<string>();
  private emitted = 0;
  private currentSource: LogRecord | null = null;
  /**
   * The context of the record being applied, for the handler's `emit`: set only while `process`
   * runs (null between events), so the service keeps no reference to the world and a fork copies
   * it as plain state.
   */
  private applyingIn: EngineContext | null = null;

  /** The scenario's spec, frozen: members share its subscription (frozen.ts). */
  readonly spec: ServiceSpec;
  /** Its fixed facts, frozen: what its instances keep (they find the live service by id). */
  readonly facts: ServiceFacts;

  constructor(spec: ServiceSpec, group: GroupCoordinator | undefined) {
    this.spec = spec = frozenCopy(spec);
    this.id = spec.id;
    this.stats = new GroupStats();
    this.config = resolveConsumerConfig(spec);
    this.group = group ?? new GroupCoordinator(this.config.groupId);
    this.handler = handlerFor(spec.handler ?? 'noop') ?? handlerFor('noop')!;
    this.readModel = this.handler.createReadModel();
    this.idempotent = spec.idempotent ?? false;
    this.processingMs = spec.processingMs ?? DEFAULT_PROCESSING_MS;
    const mode = spec.commit ?? 'auto';
    this.commitMode = mode === 'auto' && !this.config.enableAutoCommit ? 'none' : mode;
    const { id, groupId, config, processingMs, commitMode, autoCommit, commitsOnClose } = this;
    this.facts = Object.freeze({ id, groupId, spec, config, processingMs, commitMode, autoCommit, commitsOnClose });
  }

  get groupId(): string {
    return this.config.groupId;
  }

  get autoCommit(): boolean {
    return this.commitMode === 'auto';
  }

  /** Whether closing an instance commits what it processed (auto-commit on close, or explicit commits). */
  get commitsOnClose(): boolean {
    return this.commitMode === 'auto' || this.commitMode === 'after-processing';
  }

  /** Adds instances up to `count` (started) or stops the highest-numbered ones down to it. */
  scaleTo(world: ConsumerContext, count: number): void {
    while (this.instances.length < count) {
      const instance = new ConsumerInstance(this.facts, this.instances.length, world);
      this.instances.push(instance);
      instance.start(world);
    }
    for (let i = count; i < this.instances.length; i++) this.instances[i]!.stop(world);
    for (let i = 0; i < Math.min(count, this.instances.length); i++) {
      const instance = this.instances[i]!;
      if (instance.status === 'stopped') instance.start(world);
    }
  }

  /** Applies one record for an instance: stats, idempotence, then the handler. */
  process(world: EngineContext, instanceIndex: number, topic: string, partition: number, key: string, record: LogRecord): void {
    this.stats.onProcessed(world.now, key, topic, record, world.topics.get(topic)!.orderKeys, partition);
    world.hasher.int(instanceIndex);
    world.hasher.int(record.offset);
    if (this.idempotent) {
      if (this.appliedEventIds.has(record.eventId)) return;
      this.appliedEventIds.add(record.eventId);
    }
    this.currentSource = record;
    this.applyingIn = world;
    this.handler.apply(this.readModel, record, this);
    this.applyingIn = null;
    this.currentSource = null;
    world.consistency.onApplied(this.id, record, world.now);
  }

  /**
   * Each partition's position at the first running instance that owns it and has one: built
   * once per lag measurement (a lookup per partition scanned every instance's assignment, which
   * at 1,024 partitions × 32 instances dominated each lag sample).
   */
  positions(): Map<string, number> {
    const out = new Map<string, number>();
    for (const instance of this.instances) {
      if (instance.status !== 'running') continue;
      for (const key of instance.client.ownedKeys) {
        if (out.has(key)) continue;
        const position = instance.positionOf(key);
        if (position !== undefined) out.set(key, position);
      }
    }
    return out;
  }

  /** The next offset this read model has yet to apply on a partition. */
  nextToApply(partitionKey: string, committed: number | null, logStartOffset: number, highWatermark: number): number {
    const applied = this.stats.appliedUpTo(partitionKey);
    if (applied !== null) return applied;
    if (committed !== null) return committed;
    return this.config.autoOffsetReset === 'earliest' ? logStartOffset : highWatermark;
  }

  /**
   * Production sequence of the oldest record of `topic` this group has yet to process (the
   * next record after what it applied on each partition); Infinity when none is left (every
   * record it applied came before the next sequence, so both bounds forget the same keys).
   * Rewinds (offset resets) can bring older records back, which the order checker then misses.
   */
  oldestUnprocessedSeq(topic: Topic): number {
    let oldest = Infinity;
    for (const log of topic.partitions) {
      const key = tpKey(topic.name, log.partition);
      const committed = this.group.committed.get(key)?.offset ?? null;
      const next = this.nextToApply(key, committed, log.logStartOffset, log.highWatermark);
      const record = next < log.highWatermark ? log.recordAtOrAfter(Math.max(next, log.logStartOffset)) : undefined;
      if (record && record.produceSeq < oldest) oldest = record.produceSeq;
    }
    return oldest;
  }

  /** Entities on which the read model differs from applying each event exactly once. */
  get divergence(): number {
    return this.handler.divergence?.(this.readModel) ?? 0;
  }

  /** Whether the read model holds `entity`; null when the handler keeps no per-entity table. */
  holds(entity: string): boolean | null {
    return this.handler.holds ? this.handler.holds(this.readModel, entity) : null;
  }

  /** HandlerContext: appends an event the handler emits to the service's `emitTo` topic. */
  emit(event: EmittedEvent): void {
    // Handlers emit only while a record is applied (process) or a command handled (receiveCommand).
    if (this.applyingIn) this.emitIn(this.applyingIn, event);
  }

  private emitIn(world: EngineContext, event: EmittedEvent): void {
    const topic = this.spec.emitTo ? world.topics.get(this.spec.emitTo) : undefined;
    if (!topic) return;
    const source = this.currentSource;
    const message: OutgoingMessage = {
      key: event.key,
      eventType: event.eventType,
      payload: event.payload,
      partition: (count) => (event.key === null ? this.emitted % count : partitionForKey(event.key, count)),
      eventId: source && hopsOf(source.eventId) < MAX_EVENT_HOPS ? `${source.eventId}>${this.id}` : `${this.id}#${this.emitted}`,
    };
    this.emitted++;
    appendToTopic(world, topic, this.id, message);
  }

  /** A command sent directly to this service (not through a topic): validate, then append an event. */
  receiveCommand(world: EngineContext, from: string, message: OutgoingMessage): void {
    this.commands.sent++;
    const alive = this.instances.some((i) => i.status === 'running');
    if (!alive || !this.handler.handleCommand) {
      this.commands.rejected++;
      world.emit('command', this.id, `${from} → ${this.id}: ${message.eventType} not handled: no running instance of ${this.id}.`, undefined, {
        code: 'command.unhandled',
        fields: { service: this.id, command: message.eventType ?? '', key: message.key ?? '', from },
      });
      return;
    }
    const command: LogRecord = {
      offset: -1,
      key: message.key,
      eventType: message.eventType,
      payload: message.payload,
      timestampMs: world.now,
      sizeBytes: 0,
      producer: from,
      eventId: message.eventId,
      produceSeq: -1,
    };
    const outcome = this.handler.handleCommand(this.readModel, command);
    if (!outcome.accepted) {
      this.commands.rejected++;
      world.emit('command', this.id, `${this.id} rejected ${message.eventType} ${message.key ?? ''}: ${outcome.reason ?? 'invalid'}.`, undefined, {
        code: 'command.rejected',
        fields: { service: this.id, command: message.eventType ?? '', key: message.key ?? '', from },
      });
      return;
    }
    this.commands.accepted++;
    if (outcome.event) {
      this.currentSource = command;
      this.emitIn(world, outcome.event);
      this.currentSource = null;
    }
  }

  /** New partitions of a subscribed topic: what is produced there before the group gets there counts as skipped. */
  onPartitionsAdded(now: number, topic: string, from: number, to: number): void {
    for (let p = from; p < to; p++) this.stats.onPositionMoved(now, tpKey(topic, p), 0, 'new partition');
  }

  /** Resets the read model (event sourcing: it will be rebuilt by replaying the log). */
  clearReadModel(world: EngineContext): void {
    this.readModel = this.handler.createReadModel();
    this.appliedEventIds.clear();
    world.consistency.onReadModelCleared(this.id);
    this.stats.onModelCleared();
  }

  readModelJSON(): unknown {
    return this.handler.toJSON(this.readModel);
  }
}

/**
 * Hops a derived event id may record (`order-1>billing>shipping` has two). Services that feed
 * each other in a loop would otherwise grow ids without bound; past this depth an emitted event
 * starts a fact of its own, as an event from a new source would.
 */
const MAX_EVENT_HOPS = 8;

function hopsOf(eventId: string): number {
  let hops = 0;
  for (let at = eventId.indexOf('>'); at >= 0 && hops < MAX_EVENT_HOPS; at = eventId.indexOf('>', at + 1)) hops++;
  return hops;
}
