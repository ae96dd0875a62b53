/**
 * The two sides of the classic group protocol as each sees the other, so the client side
 * (`ConsumerClient`, a part of each `ConsumerInstance`) and the coordinator side (`GroupCoordinator`,
 * `GroupMetadata`, `GroupMember`) depend on these interfaces and not on each other's classes.
 *
 * - `GroupClient` (engineContext.ts): what the coordinator calls on a member's client (a new
 *   member id, and the assignment SyncGroup hands it), found by the member's `MemberRef`.
 * - `CoordinatorApi`: the requests a client sends (JoinGroup, Heartbeat, OffsetCommit,
 *   LeaveGroup) and what it reads back (the generation, the committed offsets).
 * - `ServiceFacts`: the service an instance belongs to, as its instances keep it (frozen facts);
 *   `InstanceHost`: the same service live (its coordinator, stats and handler), which its
 *   instances find by id through the context (`ConsumerContext.serviceOf`) when they need it.
 */
import type { ResolvedConsumerConfig } from '../config';
import type { EngineContext } from '../engineContext';
import type { InstanceRef } from '../engineEvents';
import type { LogRecord } from '../log/record';
import type { AssignorName, ServiceSpec } from '../scenario';
import type { GroupStats } from '../service/groupStats';
import type { TopicPartition } from '../types';
import type { CommittedOffset } from './committedOffset';
import type { SimEventCode } from '../simEvents';

/** The errors Kafka's coordinator answers a member with. */
export type CoordinatorError = 'UNKNOWN_MEMBER_ID' | 'ILLEGAL_GENERATION' | 'REBALANCE_IN_PROGRESS' | 'COORDINATOR_NOT_AVAILABLE';

/** A JoinGroup request, as the coordinator keeps it for each member. */
export interface JoinRequest {
  instance: MemberRef;
  memberId: string | null;
  groupInstanceId: string | null;
  subscription: string[];
  assignors: AssignorName[];
  owned: TopicPartition[];
  ownedGeneration: number;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  /** Why the member rejoins, when the coordinator's explanation should say (the leader saw partitions added). */
  reason?: string;
}

/** A member's consumer by id, frozen: what the coordinator keeps (it reaches the client through the context). */
export interface MemberRef extends InstanceRef {
  /** The instance's name, for explanations. */
  readonly name: string;
}

export interface CoordinatorApi {
  readonly generation: number;
  readonly committed: ReadonlyMap<string, CommittedOffset>;
  /** JoinGroup: the member id the request joins (or rejoins) under. */
  join(ctx: EngineContext, request: JoinRequest): string;
  heartbeat(ctx: EngineContext, memberId: string, generation: number): CoordinatorError | null;
  commit(ctx: EngineContext, memberId: string | null, generation: number, offsets: Map<string, number>): CoordinatorError | null;
  leave(ctx: EngineContext, memberId: string, reason: string, code?: SimEventCode): void;
}

/** How a service commits: Kafka's auto-commit, or the handler's own commit before or after processing. */
export type EffectiveCommitMode = 'auto' | 'after-processing' | 'before-processing' | 'none';

/**
 * What never changes in a service once created (its id, spec, resolved config, commit mode):
 * one frozen object its instances and their clients keep (frozen.ts: shared, never copied).
 */
export interface ServiceFacts {
  readonly id: string;
  readonly groupId: string;
  readonly spec: ServiceSpec;
  readonly config: ResolvedConsumerConfig;
  readonly processingMs: number;
  readonly commitMode: EffectiveCommitMode;
  readonly autoCommit: boolean;
  readonly commitsOnClose: boolean;
}

/** The service an instance belongs to, live: found by id through `ConsumerContext.serviceOf`. */
export interface InstanceHost extends ServiceFacts {
  readonly group: CoordinatorApi;
  readonly stats: GroupStats;
  /** Applies one record for the instance at `index`: stats, idempotence, then the handler. */
  process(ctx: EngineContext, instanceIndex: number, topic: string, partition: number, key: string, record: LogRecord): void;
}

/**
 * The context as a consumer's parts see it: the engine's, and their service's live state by
 * id, so an instance and its client keep only the service's frozen facts (a part keeping the
 * live service would be a second reference a fork must preserve). Here, not in
 * engineContext.ts: an import of this file there would close a cycle.
 */
export interface ConsumerContext extends EngineContext {
  serviceOf(serviceId: string): InstanceHost;
}
