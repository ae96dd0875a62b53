/**
 * What the parts of the engine (producers, services, their consumer instances, group
 * coordinators, the lag monitor) may use of the simulation around them: the virtual clock,
 * scheduling, explanations, the trace hash, the log and the few cross-part messages. Parts
 * depend on this small interface, never on `World` (which implements it), so no part imports
 * the world that holds it and the engine's modules import each other in one direction.
 */
import type { ProduceClient } from './broker/clusterEvents';
import type { ResolvedBrokerConfig } from './config';
import type { ConsistencyTracker } from './consistency/consistencyTracker';
import type { EngineEvent, InstanceRef } from './engineEvents';
import type { TimerId } from './eventQueue';
import type { LogRecord, Payload } from './log/record';
import type { Topic } from './log/topic';
import type { PartitionLog } from './log/partitionLog';
import type { StepCounter } from './progress/noProgress';
import type { SimEventDetail, SimEventKind } from './simEvents';
import type { ResolvedNetworkConfig } from './network';
import type { TraceHasher } from './traceHash';
import type { SimTimeMs, TopicPartition } from './types';

/**
 * Set by a producer for an event it makes now, whose id is `freshOrigin` + `freshCounter`
 * (`checkout#` + 17) and was never appended before: the consistency tracker files its fact by
 * the counter without reading the id back or looking for an earlier append of it.
 */
interface FreshEventId {
  freshOrigin?: string;
  freshCounter?: number;
}

export interface AppendRequest extends FreshEventId {
  key: string | null;
  eventType: string | null;
  payload: Payload | null;
  producer: string;
  eventId: string;
}

/** A message a producer or a service sends: to a topic (appended) or, as a command, to a service. */
export interface OutgoingMessage extends FreshEventId {
  key: string | null;
  eventType: string | null;
  payload: Payload | null;
  /** An explicit partition, or a function choosing one from the partition count. */
  partition: number | ((partitionCount: number) => number);
  eventId: string;
}

/**
 * What a group coordinator calls on a member's consumer (the client side of the group protocol,
 * group/groupProtocol.ts). Members keep only a `MemberRef` and find their client through the
 * context, so this interface lives here (a group-file import would close a cycle).
 */
export interface GroupClient {
  /** A fresh member id for a JoinGroup (Kafka's `<client id>-<uuid>`, deterministic here). */
  nextMemberId(): string;
  /**
   * SyncGroup answered: the member's partitions in `generation`; to the leader also the
   * partition counts of its metadata the assignment used (Kafka's assignmentSnapshot).
   */
  onAssignment(ctx: EngineContext, generation: number, memberId: string, partitions: TopicPartition[], assignedWith?: ReadonlyMap<string, number> | null): void;
  /** Partitions of a topic as the member's metadata has them: the leader assigns with these. */
  knownPartitionCount(ctx: EngineContext, topic: string): number | undefined;
}

export interface EngineContext {
  /** Virtual time (ms); only the simulation loop advances it. */
  readonly now: SimTimeMs;
  readonly seed: number;
  readonly broker: ResolvedBrokerConfig;
  /** The latency every request and response pays (network.ts). */
  readonly network: ResolvedNetworkConfig;
  readonly topics: ReadonlyMap<string, Topic>;
  readonly hasher: TraceHasher;
  /** Steps taken (events dispatched, records processed); guards against zero-time loops. */
  readonly steps: StepCounter;
  readonly consistency: ConsistencyTracker;
  /** The production sequence the next appended record will get. */
  readonly nextProduceSeq: number;
  /** Queues an event; the id lets the scheduler cancel it while it is pending (eventQueue.ts). */
  schedule(atMs: SimTimeMs, event: EngineEvent): TimerId;
  /** Cancels a pending event; a scheduler forgets the id once its event is dispatched. */
  cancel(timer: TimerId): void;
  /** An explanation for the event log (and the trace hash). */
  emit(kind: SimEventKind, entity: string, text: string, group?: string, detail?: SimEventDetail): void;
  /** Appends a record to a partition at the current time and returns it. */
  append(topic: Topic, partition: number, request: AppendRequest): LogRecord;
  /** The broker hosting a group's coordinator, or null while it is unreachable (0, unreplicated). */
  groupCoordinator(groupId: string): number | null;
  /** Whether a partition's leader can take a direct append now (always, unreplicated). */
  partitionWritable(topic: string, partition: number): boolean;
  /** A command client's message, delivered to the service that owns the command (if any). */
  sendCommand(serviceId: string, sender: string, message: OutgoingMessage): void;
  /** A group's offset commit was stored: it enters Burrow's window for the partition. */
  commitStored(groupId: string, partitionKey: string, offset: number): void;
  /** The consumer instance named by id, whose fetcher a fetch parked on a partition is woken through. */
  fetcherOf(instance: InstanceRef): { onDataArrived(ctx: EngineContext): void } | undefined;
  /**
   * Records are about to leave `log`: consumers copy what they fetched from it and have not
   * handed out yet, so it outlives the removal (fetchBuffer.ts).
   */
  keepFetchedRecords(log: PartitionLog): void;
  /** The client of a group member's consumer, by id (the coordinator keeps no reference to it). */
  groupClient(member: InstanceRef): GroupClient;
  /** A producer's sender when it sends through the cluster (broker/producerSender.ts). */
  produceClient(producer: string): ProduceClient | undefined;
  /** A record into the batches of a producer that sends through the cluster (its sender is passed the cluster). */
  produceToCluster(producer: string, topic: string, partition: number, record: AppendRequest): void;
  /** A calling client (a producer with `calls`) places one order (calls/calls.ts). */
  placeOrder(producer: string, order: string): void;
}
