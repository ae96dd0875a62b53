/**
 * The two sides of the classic group protocol as each sees the other, so the client side
 * (`ConsumerClient`, a part of each `ConsumerInstance`) and the coordinator side (`GroupCoordinator`,
 * `GroupMetadata`, `GroupMember`) depend on these interfaces and not on each other's classes.
 *
 * - `GroupClient`: what the coordinator calls on a member's client (its name in explanations,
 *   a new member id, and the assignment SyncGroup hands it).
 * - `CoordinatorApi`: the requests a client sends (JoinGroup, Heartbeat, OffsetCommit,
 *   LeaveGroup) and what it reads back (the generation, the committed offsets).
 * - `InstanceHost`: the service an instance belongs to, as its instances see it.
 */
import type { ResolvedConsumerConfig } from '../config';
import type { EngineContext } from '../engineContext';
import type { LogRecord } from '../log/record';
import type { PartitionLog } from '../log/partitionLog';
import type { AssignorName, ServiceSpec } from '../scenario';
import type { GroupStats } from '../service/groupStats';
import type { TopicPartition } from '../types';
import type { CommittedOffset } from './committedOffset';
import type { SimEventCode } from '../simEvents';

/** The errors Kafka's coordinator answers a member with. */
export type CoordinatorError = 'UNKNOWN_MEMBER_ID' | 'ILLEGAL_GENERATION' | 'REBALANCE_IN_PROGRESS' | 'COORDINATOR_NOT_AVAILABLE';

/** A JoinGroup request, as the coordinator keeps it for each member. */
export interface JoinRequest {
  instance: GroupClient;
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

export interface GroupClient {
  readonly name: string;
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

export interface InstanceHost {
  readonly id: string;
  readonly groupId: string;
  readonly spec: ServiceSpec;
  readonly config: ResolvedConsumerConfig;
  readonly group: CoordinatorApi;
  readonly stats: GroupStats;
  readonly processingMs: number;
  readonly commitMode: EffectiveCommitMode;
  readonly autoCommit: boolean;
  readonly commitsOnClose: boolean;
  /** Applies one record for the instance at `index`: stats, idempotence, then the handler. */
  process(ctx: EngineContext, instanceIndex: number, log: PartitionLog, key: string, record: LogRecord): void;
}
