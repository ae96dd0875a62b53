/**
 * Zod schema for one topic of a scenario: its name, partition count and the topic configs
 * LogScope simulates. Absent configs stay absent; the engine fills Kafka's defaults.
 */
import type { TopicConfig } from '../engine';
import { decimal, flag, identifier, integer, object, oneOf } from './fieldSchemas';
import { KAFKA_TOPIC_DEFAULTS, limits } from '../engine';

const SAFE_MAX = Number.MAX_SAFE_INTEGER;
const d = KAFKA_TOPIC_DEFAULTS;

type CleanupPolicy = NonNullable<TopicConfig['cleanup.policy']>;

const topicConfigSchema = object('config', {
  'retention.ms': integer('retention.ms', -1, SAFE_MAX).optional().meta({ default: d.retentionMs, description: 'How long a record is kept before its segment may be deleted; -1 keeps it for ever.' }),
  'retention.bytes': integer('retention.bytes', -1, SAFE_MAX).optional().meta({ default: d.retentionBytes, description: 'The most bytes a partition keeps before old segments are deleted; -1 means no limit.' }),
  'segment.ms': integer('segment.ms', 1, SAFE_MAX).optional().meta({ default: d.segmentMs, description: 'After this long the active segment is rolled, even if not full.' }),
  'segment.bytes': integer(
    'segment.bytes',
    limits.MIN_SEGMENT_BYTES,
    limits.JAVA_INT_MAX,
    "Kafka's minimum is 14",
  ).optional().meta({ default: d.segmentBytes, description: 'The size at which the active segment is rolled.' }),
  'cleanup.policy': oneOf('cleanup.policy', [
    'delete',
    'compact',
    'compact,delete',
    'delete,compact',
  ])
    .transform((policy): CleanupPolicy => (policy === 'delete,compact' ? 'compact,delete' : policy))
    .optional().meta({ default: d.cleanupPolicy, description: 'delete drops old segments; compact keeps the latest record per key.' }),
  'delete.retention.ms': integer('delete.retention.ms', 0, SAFE_MAX).optional().meta({ default: d.deleteRetentionMs, description: 'How long a tombstone is kept after compaction reaches it.' }),
  'min.cleanable.dirty.ratio': decimal(
    'min.cleanable.dirty.ratio',
    'a number from 0 to 1',
    (ratio) => ratio >= 0 && ratio <= 1,
  ).optional().meta({ default: d.minCleanableDirtyRatio, description: 'The share of uncompacted bytes at which the cleaner compacts the log.' }),
  'min.compaction.lag.ms': integer('min.compaction.lag.ms', 0, SAFE_MAX).optional().meta({ default: d.minCompactionLagMs, description: 'A record stays uncompacted at least this long.' }),
  // Replication (contract 7); replication.factor ≤ brokers is checked in checkReferences.ts.
  'replication.factor': integer('replication.factor', 1, limits.MAX_BROKERS).optional().meta({ default: 1, description: 'How many brokers keep a copy of each partition (at most brokers).' }),
  'min.insync.replicas': integer('min.insync.replicas', 1, limits.MAX_BROKERS).optional().meta({ default: 1, description: 'With acks=all, a write needs this many in-sync replicas or is refused.' }),
  'unclean.leader.election.enable': flag('unclean.leader.election.enable').optional().meta({ default: false, description: 'Let a replica outside the ISR lead when no in-sync one is left (acknowledged records may be lost).' }),
});

export const topicSchema = object('topic', {
  name: identifier('topic name'),
  partitions: integer('partitions', limits.MIN_PARTITIONS, limits.MAX_PARTITIONS).meta({ description: 'How many partitions (ordered logs) the topic has.' }),
  config: topicConfigSchema.optional(),
});
