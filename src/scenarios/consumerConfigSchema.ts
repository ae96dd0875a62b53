/**
 * Zod schema for a service's Kafka consumer configs, including the one rule between two of them
 * that Kafka's consumer enforces itself: the heartbeat interval is below the session timeout.
 */
import { z } from 'zod/mini';
import { KAFKA_CONSUMER_DEFAULTS } from '../engine';

const d = KAFKA_CONSUMER_DEFAULTS;
import { flag, integer, object, oneOf, text, meta } from './fieldSchemas';
import { limits } from '../engine';
import { listOf, mustBe } from './mustBe';

const ASSIGNORS = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'] as const;
const assignorRule = `${listOf(ASSIGNORS)} or a non-empty list of them`;
const isAssignor = (name: unknown) => ASSIGNORS.some((assignor) => assignor === name);

/** One message for the union and its parts: zod reports whichever part came closest. */
const strategyError = {
  error: (issue: { readonly input?: unknown }) => {
    const label = 'partition.assignment.strategy';
    const value = issue.input;
    if (!Array.isArray(value) || value.length === 0) return mustBe(label, value, assignorRule);
    if (value.length > limits.MAX_ASSIGNORS) {
      return `${label} lists ${value.length} assignors; at most ${limits.MAX_ASSIGNORS} are allowed`;
    }
    const index = value.findIndex((name) => !isAssignor(name));
    return mustBe(`${label}[${index}]`, value[index], listOf(ASSIGNORS));
  },
};

const assignmentStrategySchema = z.union(
  [
    z.enum(ASSIGNORS, strategyError),
    z
      .array(z.enum(ASSIGNORS, strategyError), strategyError)
      .check(z.minLength(1, strategyError))
      .check(z.maxLength(limits.MAX_ASSIGNORS, strategyError)),
  ],
  strategyError,
);

export const consumerConfigSchema = object('config', {
  'group.id': meta(z.optional(text('group.id', 1, limits.MAX_NAME_CHARS)), {
    default: 'the service id',
    description: 'The consumer group; services with the same group.id share its partitions.',
  }),
  'group.instance.id': meta(z.optional(text('group.instance.id', 1, limits.MAX_NAME_CHARS)), {
    default: 'none',
    description: 'Static membership: a restart within session.timeout.ms keeps the partitions.',
  }),
  'enable.auto.commit': meta(z.optional(flag('enable.auto.commit')), {
    default: d.enableAutoCommit,
    description: 'Commit the polled offsets in the background every auto.commit.interval.ms.',
  }),
  'auto.commit.interval.ms': meta(
    z.optional(integer('auto.commit.interval.ms', 0, limits.JAVA_INT_MAX)),
    {
      default: d.autoCommitIntervalMs,
      description: 'How often offsets are committed when enable.auto.commit is true.',
    },
  ),
  'auto.offset.reset': meta(
    z.optional(oneOf('auto.offset.reset', ['earliest', 'latest', 'none'])),
    {
      default: d.autoOffsetReset,
      description: 'Where a group with no committed offset starts reading.',
    },
  ),
  'session.timeout.ms': meta(
    z.optional(
      integer(
        'session.timeout.ms',
        limits.MIN_SESSION_TIMEOUT_MS,
        limits.MAX_SESSION_TIMEOUT_MS,
        'group.min/max.session.timeout.ms',
      ),
    ),
    {
      default: d.sessionTimeoutMs,
      description: 'A member silent this long is removed from the group.',
    },
  ),
  'heartbeat.interval.ms': meta(
    z.optional(integer('heartbeat.interval.ms', 1, limits.JAVA_INT_MAX)),
    {
      default: d.heartbeatIntervalMs,
      description: 'How often a member tells the coordinator it is alive.',
    },
  ),
  'max.poll.interval.ms': meta(
    z.optional(integer('max.poll.interval.ms', 1, limits.JAVA_INT_MAX)),
    {
      default: d.maxPollIntervalMs,
      description: 'A member that does not poll this long leaves the group.',
    },
  ),
  'max.poll.records': meta(
    z.optional(integer('max.poll.records', 1, limits.MAX_POLL_RECORDS, "LogScope's limit")),
    { default: d.maxPollRecords, description: 'The most records one poll returns.' },
  ),
  'partition.assignment.strategy': meta(z.optional(assignmentStrategySchema), {
    default: d.assignors.join(', '),
    description: 'How partitions are shared among members, in preference order.',
  }),
  'metadata.max.age.ms': meta(z.optional(integer('metadata.max.age.ms', 0, limits.JAVA_INT_MAX)), {
    default: d.metadataMaxAgeMs,
    description: 'How often the client refreshes metadata, so how late it sees new partitions.',
  }),
  // The fetch: Kafka's names and bounds (atLeast(0), Java ints).
  'fetch.min.bytes': meta(z.optional(integer('fetch.min.bytes', 0, limits.JAVA_INT_MAX)), {
    default: d.fetchMinBytes,
    description:
      'The broker answers a fetch once this many bytes are readable (or after fetch.max.wait.ms).',
  }),
  'fetch.max.wait.ms': meta(z.optional(integer('fetch.max.wait.ms', 0, limits.JAVA_INT_MAX)), {
    default: d.fetchMaxWaitMs,
    description: 'How long the broker may hold a fetch waiting for fetch.min.bytes.',
  }),
  'max.partition.fetch.bytes': meta(
    z.optional(integer('max.partition.fetch.bytes', 0, limits.JAVA_INT_MAX)),
    {
      default: d.maxPartitionFetchBytes,
      description: 'The most bytes one fetch returns per partition (at least one record).',
    },
  ),
  'fetch.max.bytes': meta(z.optional(integer('fetch.max.bytes', 0, limits.JAVA_INT_MAX)), {
    default: d.fetchMaxBytes,
    description: 'The most bytes one fetch returns in all (at least one record).',
  }),
}).check(
  z.refine(
    // Kafka's consumer refuses a heartbeat interval that is not below the session timeout.
    (config) =>
      config['heartbeat.interval.ms'] === undefined ||
      config['heartbeat.interval.ms'] < sessionTimeoutOf(config),
    {
      path: ['heartbeat.interval.ms'],
      error: (issue) => {
        const config = issue.input as {
          'heartbeat.interval.ms'?: number;
          'session.timeout.ms'?: number;
        };
        const session =
          config['session.timeout.ms'] === undefined
            ? `${KAFKA_CONSUMER_DEFAULTS.sessionTimeoutMs}, Kafka's default`
            : String(config['session.timeout.ms']);
        return mustBe(
          'heartbeat.interval.ms',
          config['heartbeat.interval.ms'],
          `lower than session.timeout.ms (${session})`,
        );
      },
    },
  ),
);

function sessionTimeoutOf(config: { 'session.timeout.ms'?: number | undefined }): number {
  return config['session.timeout.ms'] ?? KAFKA_CONSUMER_DEFAULTS.sessionTimeoutMs;
}
