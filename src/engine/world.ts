/**
 * The mutable state of one simulation and the few primitives every part uses: the virtual
 * clock, the event queue, the trace hash, explanations and appending to the log.
 *
 * Only the simulation loop advances `now`, and it never goes backwards. Parts schedule work
 * with `schedule(atMs, event)`; nothing here looks at a real clock.
 */
import type { Cluster } from './broker/cluster';
import type { ProducerSender } from './broker/producerSender';
import type { ResolvedBrokerConfig } from './config';
import type { ResolvedBurrowConfig } from './lag/burrowConfig';
import type { ResolvedNetworkConfig } from './network';
import { EventQueue, type TimerId } from './eventQueue';
import type { EngineEvent, InstanceRef } from './engineEvents';
import type { ConsumerInstance } from './group/consumerInstance';
import type { ConsumerContext } from './group/groupProtocol';
import type { AppendRequest, EngineContext, OutgoingMessage } from './engineContext';
import type { LogRecord } from './log/record';
import { estimateRecordSize } from './log/record';
import type { Topic } from './log/topic';
import type { PartitionLog } from './log/partitionLog';
import type { ConsumerFetcher } from './group/fetch/consumerFetcher';
import type { Producer } from './producer/producer';
import type { Service } from './service/service';
import { SIM_EVENT_HISTORY_CAP, type SimEvent, type SimEventDetail, type SimEventKind } from './simEvents';
import { TraceHasher } from './traceHash';
import { ConsistencyTracker } from './consistency/consistencyTracker';
import { Calls } from './calls/calls';
import { LagMonitor } from './lag/lagMonitor';
import { MAX_STEPS_AT_ONE_INSTANT, StepCounter } from './progress/noProgress';
import type { SimTimeMs } from './types';

/** The simulation's state; it is the context every part runs in (engineContext.ts). */
export class World implements EngineContext, ConsumerContext {
  now: SimTimeMs = 0;
  readonly queue = new EventQueue<EngineEvent>();
  readonly hasher = new TraceHasher();
  readonly topics = new Map<string, Topic>();
  readonly producers = new Map<string, Producer>();
  readonly services = new Map<string, Service>();
  /** Group id → the id of the service whose group it is: the service alone holds the coordinator. */
  readonly groupServices = new Map<string, string>();
  readonly events: SimEvent[] = [];
  readonly consistency = new ConsistencyTracker();
  readonly lag: LagMonitor;
  /** Synchronous calls: requests, orders and the workers serving them (calls/calls.ts). */
  readonly calls: Calls = new Calls();
  /** Steps taken (events dispatched, records processed); guards against zero-time loops. */
  readonly steps: StepCounter;
  /** Per topic, the services that must apply its facts (directly or downstream); cleared when services change. */
  private expectedCache = new Map<string, readonly string[]>();
  droppedEvents = 0;
  /** The brokers and replication when the scenario has two or more brokers (broker/); null: one broker, appends are direct. */
  cluster: Cluster | null = null;
  private eventSeq = 0;
  private produceSeq = 0;
  /** Consumers being woken by an append (empty between events, so forks copy nothing). */
  private readonly wakeList: Array<InstanceRef | null> = [];
  private waking = false;

  constructor(
    readonly seed: number,
    readonly broker: ResolvedBrokerConfig,
    burrow: ResolvedBurrowConfig,
    readonly network: ResolvedNetworkConfig,
    maxStepsAtOneInstant = MAX_STEPS_AT_ONE_INSTANT,
  ) {
    this.lag = new LagMonitor(burrow);
    this.steps = new StepCounter(maxStepsAtOneInstant);
  }

  schedule(atMs: SimTimeMs, event: EngineEvent): TimerId {
    if (atMs < this.now) throw new Error(`scheduled in the past: ${atMs} < ${this.now}`);
    return this.queue.push(atMs, event);
  }

  cancel(timer: TimerId): void {
    this.queue.cancel(timer);
  }

  emit(kind: SimEventKind, entity: string, text: string, group?: string, detail?: SimEventDetail): void {
    const event: SimEvent = Object.freeze(
      detail
        ? { seq: this.eventSeq++, atMs: this.now, kind, entity, text, group, code: detail.code, fields: detail.fields }
        : { seq: this.eventSeq++, atMs: this.now, kind, entity, text, group },
    );
    this.hasher.int(this.now);
    this.hasher.string(text);
    this.events.push(event);
    if (this.events.length > SIM_EVENT_HISTORY_CAP * 1.25) {
      const excess = this.events.length - SIM_EVENT_HISTORY_CAP;
      this.events.splice(0, excess);
      this.droppedEvents += excess;
    }
  }

  /** The production sequence the next appended record will get. */
  get nextProduceSeq(): number {
    return this.produceSeq;
  }

  /** Services whose read models must apply a fact appended to `topic`, following emitTo hops. */
  expectedServices(topic: string): readonly string[] {
    const cached = this.expectedCache.get(topic);
    if (cached) return cached;
    const expected: string[] = [];
    const queue = [topic];
    const visitedTopics = new Set(queue);
    while (queue.length > 0) {
      const current = queue.shift()!;
      for (const service of this.services.values()) {
        if (!service.spec.subscribe.includes(current) || expected.includes(service.id)) continue;
        expected.push(service.id);
        const next = service.spec.emitTo;
        if (next !== undefined && service.handler.emits && !visitedTopics.has(next)) {
          visitedTopics.add(next);
          queue.push(next);
        }
      }
    }
    // Frozen: shared by every fact (and every checkpoint copy) without being copied.
    Object.freeze(expected);
    this.expectedCache.set(topic, expected);
    return expected;
  }

  groupCoordinator(groupId: string): number | null {
    return this.cluster ? this.cluster.groupCoordinator(groupId) : 0;
  }

  partitionWritable(topic: string, partition: number): boolean {
    return this.cluster ? this.cluster.isWritable(this, topic, partition) : true;
  }

  sendCommand(serviceId: string, sender: string, message: OutgoingMessage): void {
    this.services.get(serviceId)?.receiveCommand(this, sender, message);
  }

  commitStored(groupId: string, partitionKey: string, offset: number): void {
    this.lag.onCommit(this, groupId, partitionKey, offset);
  }

  fetcherOf(instance: InstanceRef): ConsumerInstance | undefined {
    return this.services.get(instance.service)?.instances[instance.instance];
  }

  keepFetchedRecords(log: PartitionLog): void {
    for (const fetcher of this.consumerFetchers()) fetcher.keepRecords(this, log);
  }

  /** Every consumer instance's fetcher, service by service. */
  *consumerFetchers(): IterableIterator<ConsumerFetcher> {
    for (const service of this.services.values()) for (const instance of service.instances) yield instance.fetcher;
  }

  groupClient(member: InstanceRef): ConsumerInstance {
    return this.services.get(member.service)!.instances[member.instance]!;
  }

  /** A consumer's live service, by id (its instances keep only its frozen facts). */
  serviceOf(serviceId: string): Service {
    return this.services.get(serviceId)!;
  }

  produceClient(producer: string): ProducerSender | undefined {
    return this.producers.get(producer)?.sender ?? undefined;
  }

  produceToCluster(producer: string, topic: string, partition: number, record: AppendRequest): void {
    const sender = this.producers.get(producer)?.sender;
    if (sender && this.cluster) sender.send(this, this.cluster, topic, partition, record);
  }

  placeOrder(producer: string, order: string): void {
    this.calls.placeOrder(this, producer, order);
  }

  /** Services were added: which read models expect which facts may have changed. */
  servicesChanged(): void {
    this.expectedCache = new Map();
  }

  /** Appends a record to a partition at the current time and returns it. */
  append(topic: Topic, partition: number, request: AppendRequest): LogRecord {
    const log = topic.partitions[partition]!;
    const record: LogRecord = {
      offset: log.nextOffset,
      key: request.key,
      eventType: request.eventType,
      payload: request.payload,
      timestampMs: this.now,
      sizeBytes: estimateRecordSize(request.key, request.eventType, request.payload),
      producer: request.producer,
      eventId: request.eventId,
      produceSeq: this.produceSeq++,
    };
    // Frozen: a record never changes, so forks of the simulation share it.
    Object.freeze(record);
    log.append(record);
    this.hasher.int(partition);
    this.hasher.int(record.offset);
    this.hasher.int(record.timestampMs);
    this.consistency.onAppend(topic.name, record, this.now, this, request.freshOrigin, request.freshCounter);
    // Replicated, consumers wake when the high watermark moves rather than on the append.
    if (this.cluster) this.cluster.onAppended(this, topic.name, partition);
    else if (log.fetchWaiters.size > 0) this.wakeFetchWaiters(log.fetchWaiters);
    return record;
  }

  /**
   * Wakes every consumer parked on a partition when the append came, in the order they parked,
   * even those a wake removes from the set: listed first in a reused array (no copy of the set
   * per append), or copied when a wake appends in turn.
   */
  private wakeFetchWaiters(waiters: ReadonlyMap<string, InstanceRef>): void {
    if (this.waking) {
      for (const waiter of [...waiters.values()]) this.fetcherOf(waiter)?.onDataArrived(this);
      return;
    }
    this.waking = true;
    const list = this.wakeList;
    let count = 0;
    for (const waiter of waiters.values()) list[count++] = waiter;
    for (let i = 0; i < count; i++) {
      const waiter = list[i]!;
      // Emptied slot by slot, not by length (which would free the array's storage).
      list[i] = null;
      this.fetcherOf(waiter)?.onDataArrived(this);
    }
    this.waking = false;
  }
}
