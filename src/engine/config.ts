/**
 * Kafka's defaults, taken literally for every config key a scenario omits
 * (doc/kafka.md, sections 2.3 and 5), plus the documented simplification that retention is
 * checked every second of virtual time rather than every five minutes.
 */
import { deepFreeze } from './frozen';
import type {
  AssignorName,
  BrokerConfig,
  ConsumerConfig,
  ServiceSpec,
  TopicConfig,
} from './scenario';

export type CleanupPolicy = 'delete' | 'compact' | 'compact,delete';

export interface ResolvedTopicConfig {
  retentionMs: number;
  retentionBytes: number;
  segmentMs: number;
  segmentBytes: number;
  cleanupPolicy: CleanupPolicy;
  deleteRetentionMs: number;
  minCleanableDirtyRatio: number;
  minCompactionLagMs: number;
}

export const KAFKA_TOPIC_DEFAULTS: ResolvedTopicConfig = {
  retentionMs: 604_800_000,
  retentionBytes: -1,
  segmentMs: 604_800_000,
  segmentBytes: 1_073_741_824,
  cleanupPolicy: 'delete',
  deleteRetentionMs: 86_400_000,
  minCleanableDirtyRatio: 0.5,
  minCompactionLagMs: 0,
};

export function resolveTopicConfig(config: TopicConfig | undefined): ResolvedTopicConfig {
  const c = config ?? {};
  const d = KAFKA_TOPIC_DEFAULTS;
  // Frozen: the topic and each of its partition logs share it (frozen.ts).
  return Object.freeze({
    retentionMs: c['retention.ms'] ?? d.retentionMs,
    retentionBytes: c['retention.bytes'] ?? d.retentionBytes,
    segmentMs: c['segment.ms'] ?? d.segmentMs,
    segmentBytes: c['segment.bytes'] ?? d.segmentBytes,
    cleanupPolicy: c['cleanup.policy'] ?? d.cleanupPolicy,
    deleteRetentionMs: c['delete.retention.ms'] ?? d.deleteRetentionMs,
    minCleanableDirtyRatio: c['min.cleanable.dirty.ratio'] ?? d.minCleanableDirtyRatio,
    minCompactionLagMs: c['min.compaction.lag.ms'] ?? d.minCompactionLagMs,
  });
}

export interface ResolvedConsumerConfig {
  groupId: string;
  groupInstanceId: string | null;
  enableAutoCommit: boolean;
  autoCommitIntervalMs: number;
  autoOffsetReset: 'earliest' | 'latest' | 'none';
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  maxPollIntervalMs: number;
  maxPollRecords: number;
  /** The configured assignors in preference order. */
  assignors: AssignorName[];
  /** How often the client refreshes its metadata, so how late it sees added partitions (doc/kafka.md §1.5). */
  metadataMaxAgeMs: number;
  /** The fetch (doc/kafka.md): the broker answers once this many bytes are there, or after fetchMaxWaitMs. */
  fetchMinBytes: number;
  fetchMaxWaitMs: number;
  /** Per partition and per response: a fetch returns at most this many bytes (but always one record to make progress). */
  maxPartitionFetchBytes: number;
  fetchMaxBytes: number;
}

/** Kafka's `metadata.max.age.ms` default (CommonClientConfigs), for producers and consumers alike. */
export const METADATA_MAX_AGE_MS = 300_000;

export const KAFKA_CONSUMER_DEFAULTS = {
  enableAutoCommit: true,
  autoCommitIntervalMs: 5000,
  autoOffsetReset: 'latest' as const,
  sessionTimeoutMs: 45_000,
  heartbeatIntervalMs: 3000,
  maxPollIntervalMs: 300_000,
  maxPollRecords: 500,
  assignors: ['range', 'cooperative-sticky'] as AssignorName[],
  metadataMaxAgeMs: METADATA_MAX_AGE_MS,
  // ConsumerConfig's DEFAULT_FETCH_MIN_BYTES, DEFAULT_FETCH_MAX_WAIT_MS, DEFAULT_MAX_PARTITION_FETCH_BYTES, DEFAULT_FETCH_MAX_BYTES.
  fetchMinBytes: 1,
  fetchMaxWaitMs: 500,
  maxPartitionFetchBytes: 1_048_576,
  fetchMaxBytes: 52_428_800,
};

export function resolveConsumerConfig(service: ServiceSpec): ResolvedConsumerConfig {
  const c: ConsumerConfig = service.config ?? {};
  const d = KAFKA_CONSUMER_DEFAULTS;
  const strategy = c['partition.assignment.strategy'];
  // Frozen: every instance and group member of the service shares it (frozen.ts).
  return deepFreeze({
    groupId: c['group.id'] ?? service.id,
    groupInstanceId: c['group.instance.id'] ?? null,
    enableAutoCommit: c['enable.auto.commit'] ?? d.enableAutoCommit,
    autoCommitIntervalMs: c['auto.commit.interval.ms'] ?? d.autoCommitIntervalMs,
    autoOffsetReset: c['auto.offset.reset'] ?? d.autoOffsetReset,
    sessionTimeoutMs: c['session.timeout.ms'] ?? d.sessionTimeoutMs,
    heartbeatIntervalMs: c['heartbeat.interval.ms'] ?? d.heartbeatIntervalMs,
    maxPollIntervalMs: c['max.poll.interval.ms'] ?? d.maxPollIntervalMs,
    maxPollRecords: c['max.poll.records'] ?? d.maxPollRecords,
    assignors: strategy === undefined ? d.assignors : Array.isArray(strategy) ? strategy : [strategy],
    metadataMaxAgeMs: c['metadata.max.age.ms'] ?? d.metadataMaxAgeMs,
    fetchMinBytes: c['fetch.min.bytes'] ?? d.fetchMinBytes,
    fetchMaxWaitMs: c['fetch.max.wait.ms'] ?? d.fetchMaxWaitMs,
    maxPartitionFetchBytes: c['max.partition.fetch.bytes'] ?? d.maxPartitionFetchBytes,
    fetchMaxBytes: c['fetch.max.bytes'] ?? d.fetchMaxBytes,
  });
}

/**
 * Kafka's rule for the rebalance protocol (ConsumerCoordinator): the highest protocol that
 * every configured assignor supports. Only cooperative-sticky supports COOPERATIVE, so any list
 * that also names an eager-only assignor (the default [range, cooperative-sticky]) runs eager.
 */
export function rebalanceProtocolFor(assignors: readonly AssignorName[]): 'eager' | 'cooperative' {
  return assignors.every((a) => a === 'cooperative-sticky') ? 'cooperative' : 'eager';
}

export interface ResolvedBrokerConfig {
  retentionCheckIntervalMs: number;
  groupInitialRebalanceDelayMs: number;
}

export function resolveBrokerConfig(config: BrokerConfig | undefined): ResolvedBrokerConfig {
  return {
    retentionCheckIntervalMs: config?.['log.retention.check.interval.ms'] ?? 1000,
    groupInitialRebalanceDelayMs: config?.['group.initial.rebalance.delay.ms'] ?? 3000,
  };
}

/** Kafka's producer `batch.size`: the sticky partitioner switches after this many bytes. */
export const PRODUCER_BATCH_SIZE_BYTES = 16_384;

