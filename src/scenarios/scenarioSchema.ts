/**
 * Zod schema for the whole scenario file, format version 1 (doc/design.md, contract 2), one field at a
 * time; the rules between fields (unique ids, references) live in `checkReferences.ts`.
 */
import { z } from 'zod/mini';
import { atMsSchema, integer, list, object, text, meta } from './fieldSchemas';
import { limits } from '../engine';
import { fieldError } from './mustBe';
import { producerSchema } from './producerSchema';
import { serviceSchema } from './serviceSchema';
import { topicSchema } from './topicSchema';

const brokerSchema = object('broker', {
  'log.retention.check.interval.ms': meta(
    z.optional(
      integer('log.retention.check.interval.ms', 1, limits.MAX_RETENTION_CHECK_INTERVAL_MS),
    ),
    {
      default: 1000,
      description:
        'How often the broker deletes expired segments (Kafka: 300000; LogScope: every second).',
    },
  ),
  'group.initial.rebalance.delay.ms': meta(
    z.optional(
      integer('group.initial.rebalance.delay.ms', 0, limits.MAX_INITIAL_REBALANCE_DELAY_MS),
    ),
    {
      default: 3000,
      description: 'How long an empty group waits for more members before its first rebalance.',
    },
  ),
  'replica.lag.time.max.ms': meta(
    z.optional(integer('replica.lag.time.max.ms', 1, limits.MAX_BROKER_TIMEOUT_MS)),
    {
      default: 30000,
      description: 'A follower that has not caught up for this long leaves the ISR.',
    },
  ),
  'broker.session.timeout.ms': meta(
    z.optional(integer('broker.session.timeout.ms', 1, limits.MAX_BROKER_TIMEOUT_MS)),
    {
      default: 9000,
      description:
        'A broker silent this long is fenced: it leaves every ISR and loses its leaderships.',
    },
  ),
});

/** Burrow's settings by Burrow's names (contract 7); whole seconds, as Burrow reads `offset-refresh`. */
const burrowSchema = object('burrow', {
  'offset-refresh': meta(
    z.optional(integer('offset-refresh', 1, limits.MAX_BURROW_OFFSET_REFRESH_S, 'seconds')),
    { default: 10, description: "Seconds between Burrow's reads of the log-end offsets." },
  ),
  intervals: meta(
    z.optional(integer('intervals', 1, limits.MAX_BURROW_INTERVALS, "LogScope's limit")),
    {
      default: 10,
      description: 'How many committed offsets per partition Burrow judges lag over.',
    },
  ),
  'allowed-lag': meta(
    z.optional(integer('allowed-lag', 0, limits.MAX_BURROW_ALLOWED_LAG, "LogScope's limit")),
    { default: 0, description: 'Lag Burrow tolerates before it calls a partition lagging.' },
  ),
});

/** The one-way latency between any two nodes (contract 7). */
const networkSchema = object('network', {
  latencyMs: meta(z.optional(integer('latencyMs', 0, limits.MAX_NETWORK_LATENCY_MS, 'ms')), {
    default: 1,
    description: 'One-way latency between any two nodes.',
  }),
});

const noteSchema = object('note', {
  atMs: atMsSchema,
  text: meta(text('text', 1, limits.MAX_NOTE_TEXT_CHARS), {
    description: 'The caption shown from atMs on.',
  }),
  // Checked field by field by `readCondition` (parseScenario.ts), which names each path.
  when: meta(z.optional(z.unknown()), {
    description: 'A condition on the run (JSON): the caption shows only while it holds.',
  }),
});

/**
 * Objects strip unknown keys (the parsers turn them into warnings) and optional fields stay
 * absent: Kafka's defaults are filled by the engine. Actions are checked one by one by
 * `parseCommand`, which gives each its own paths.
 */
export const scenarioSchema = object('the scenario', {
  format: z.literal(limits.SCENARIO_FORMAT, fieldError('format', `"${limits.SCENARIO_FORMAT}"`)),
  version: z.literal(
    limits.SCENARIO_VERSION,
    fieldError('version', String(limits.SCENARIO_VERSION)),
  ),
  title: z.optional(text('title', 0, limits.MAX_TITLE_CHARS)),
  seed: meta(integer('seed', 0, limits.MAX_SEED), {
    description: 'Seeds every random draw: the same seed gives the same run.',
  }),
  topics: list('topics', topicSchema, limits.MAX_TOPICS, 'topics'),
  producers: list('producers', producerSchema, limits.MAX_PRODUCERS, 'producers'),
  services: list('services', serviceSchema, limits.MAX_SERVICES, 'services'),
  broker: z.optional(brokerSchema),
  burrow: z.optional(burrowSchema),
  network: z.optional(networkSchema),
  brokers: z.optional(integer('brokers', limits.MIN_BROKERS, limits.MAX_BROKERS)),
  notes: z.optional(list('notes', noteSchema, limits.MAX_NOTES, 'notes')),
  actions: z.optional(list('actions', z.unknown(), limits.MAX_ACTIONS, 'actions')),
});
