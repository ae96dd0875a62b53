/**
 * Zod schema for one topic of a scenario: its name, partition count and the topic configs
 * LogScope simulates. Absent configs stay absent; the engine fills Kafka's defaults.
 */
import { z } from 'zod/mini';
import type { TopicConfig } from '../engine';
import { decimal, flag, identifier, integer, object, oneOf, meta } from './fieldSchemas';
import { KAFKA_TOPIC_DEFAULTS, limits } from '../engine';

const SAFE_MAX = Number.MAX_SAFE_INTEGER;
const d = KAFKA_TOPIC_DEFAULTS;

type CleanupPolicy = NonNullable<TopicConfig['cleanup.policy']>;

const topicConfigSchema = object('config', {
  'retention.ms': meta(z.optional(integer('retention.ms', -1, SAFE_MAX)), {
    default: d.retentionMs,
    description:
      'How long a record is kept before its segment may be deleted; -1 keeps it for ever.',
  }),
  'retention.bytes': meta(z.optional(integer('retention.bytes', -1, SAFE_MAX)), {
    default: d.retentionBytes,
    description:
      'The most bytes a partition keeps before old segments are deleted; -1 means no limit.',
  }),
  'segment.ms': meta(z.optional(integer('segment.ms', 1, SAFE_MAX)), {
    default: d.segmentMs,
    description: 'After this long the active segment is rolled, even if not full.',
  }),
  'segment.bytes': meta(
    z.optional(
      integer(
        'segment.bytes',
        limits.MIN_SEGMENT_BYTES,
        limits.JAVA_INT_MAX,
        "Kafka's minimum is 14",
      ),
    ),
    { default: d.segmentBytes, description: 'The size at which the active segment is rolled.' },
  ),
  'cleanup.policy': meta(
    z.optional(
      z.pipe(
        oneOf('cleanup.policy', ['delete', 'compact', 'compact,delete', 'delete,compact']),
        z.transform((policy): CleanupPolicy =>
          policy === 'delete,compact' ? 'compact,delete' : policy,
        ),
      ),
    ),
    {
      default: d.cleanupPolicy,
      description: 'delete drops old segments; compact keeps the latest record per key.',
    },
  ),
  'delete.retention.ms': meta(z.optional(integer('delete.retention.ms', 0, SAFE_MAX)), {
    default: d.deleteRetentionMs,
    description: 'How long a tombstone is kept after compaction reaches it.',
  }),
  'min.cleanable.dirty.ratio': meta(
    z.optional(
      decimal(
        'min.cleanable.dirty.ratio',
        'a number from 0 to 1',
        (ratio) => ratio >= 0 && ratio <= 1,
      ),
    ),
    {
      default: d.minCleanableDirtyRatio,
      description: 'The share of uncompacted bytes at which the cleaner compacts the log.',
    },
  ),
  'min.compaction.lag.ms': meta(z.optional(integer('min.compaction.lag.ms', 0, SAFE_MAX)), {
    default: d.minCompactionLagMs,
    description: 'A record stays uncompacted at least this long.',
  }),
  // Replication (contract 7); replication.factor ≤ brokers is checked in checkReferences.ts.
  'replication.factor': meta(z.optional(integer('replication.factor', 1, limits.MAX_BROKERS)), {
    default: 1,
    description: 'How many brokers keep a copy of each partition (at most brokers).',
  }),
  'min.insync.replicas': meta(z.optional(integer('min.insync.replicas', 1, limits.MAX_BROKERS)), {
    default: 1,
    description: 'With acks=all, a write needs this many in-sync replicas or is refused.',
  }),
  'unclean.leader.election.enable': meta(z.optional(flag('unclean.leader.election.enable')), {
    default: false,
    description:
      'Let a replica outside the ISR lead when no in-sync one is left (acknowledged records may be lost).',
  }),
});

export const topicSchema = object('topic', {
  name: identifier('topic name'),
  partitions: meta(integer('partitions', limits.MIN_PARTITIONS, limits.MAX_PARTITIONS), {
    description: 'How many partitions (ordered logs) the topic has.',
  }),
  config: z.optional(topicConfigSchema),
});
