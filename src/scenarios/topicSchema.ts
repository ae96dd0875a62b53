/**
 * Zod schema for one topic of a scenario: its name, partition count and the topic configs
 * LogScope simulates. Absent configs stay absent; the engine fills Kafka's defaults.
 */
import type { TopicConfig } from '../engine';
import { decimal, flag, identifier, integer, object, oneOf } from './fieldSchemas';
import { limits } from '../engine';

const SAFE_MAX = Number.MAX_SAFE_INTEGER;

type CleanupPolicy = NonNullable<TopicConfig['cleanup.policy']>;

const topicConfigSchema = object('config', {
  'retention.ms': integer('retention.ms', -1, SAFE_MAX).optional(),
  'retention.bytes': integer('retention.bytes', -1, SAFE_MAX).optional(),
  'segment.ms': integer('segment.ms', 1, SAFE_MAX).optional(),
  'segment.bytes': integer(
    'segment.bytes',
    limits.MIN_SEGMENT_BYTES,
    limits.JAVA_INT_MAX,
    "Kafka's minimum is 14",
  ).optional(),
  'cleanup.policy': oneOf('cleanup.policy', [
    'delete',
    'compact',
    'compact,delete',
    'delete,compact',
  ])
    .transform((policy): CleanupPolicy => (policy === 'delete,compact' ? 'compact,delete' : policy))
    .optional(),
  'delete.retention.ms': integer('delete.retention.ms', 0, SAFE_MAX).optional(),
  'min.cleanable.dirty.ratio': decimal(
    'min.cleanable.dirty.ratio',
    'a number from 0 to 1',
    (ratio) => ratio >= 0 && ratio <= 1,
  ).optional(),
  'min.compaction.lag.ms': integer('min.compaction.lag.ms', 0, SAFE_MAX).optional(),
  // Replication (contract 7); replication.factor ≤ brokers is checked in checkReferences.ts.
  'replication.factor': integer('replication.factor', 1, limits.MAX_BROKERS).optional(),
  'min.insync.replicas': integer('min.insync.replicas', 1, limits.MAX_BROKERS).optional(),
  'unclean.leader.election.enable': flag('unclean.leader.election.enable').optional(),
});

export const topicSchema = object('topic', {
  name: identifier('topic name'),
  partitions: integer('partitions', limits.MIN_PARTITIONS, limits.MAX_PARTITIONS),
  config: topicConfigSchema.optional(),
});
