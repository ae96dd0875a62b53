/**
 * Vocabulary of the partition assignors: the strategy names, what the group leader knows about
 * each member when it runs an assignor, and the plan it sends back in SyncGroup.
 *
 * Plain data only, so inputs and results can be logged, diffed and replayed.
 */
import type { TopicPartition } from '../../types';

/** The built-in assignors of the classic protocol, by their `partition.assignment.strategy` names. */
export const ASSIGNOR_NAMES = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'] as const;

export type AssignorName = (typeof ASSIGNOR_NAMES)[number];

/** One member's subscription as the leader sees it in JoinGroup. */
export interface AssignmentMember {
  readonly memberId: string;
  /** `group.instance.id` of a static member (KIP-345); absent for dynamic members. */
  readonly groupInstanceId?: string;
  /** Topics the member subscribes to; topics unknown to the cluster are ignored. */
  readonly topics: readonly string[];
  /** Partitions the member says it owns (its previous assignment); used by the sticky assignors. */
  readonly owned?: readonly TopicPartition[];
  /** Generation the `owned` claim belongs to; absent means "unknown" (Kafka's -1). */
  readonly generation?: number;
}

export interface AssignmentInput {
  /** Partition count per topic known to the cluster. */
  readonly topics: Readonly<Record<string, number>>;
  readonly members: readonly AssignmentMember[];
}

/** Partitions per member id; every input member is present, each list sorted by (topic, partition). */
export type Assignment = Record<string, TopicPartition[]>;
