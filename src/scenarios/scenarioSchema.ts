/**
 * Zod schemas for the scenario file, format version 1 (DESIGN.md contract 2): the shape and the
 * range of every field, one field at a time. Rules that relate fields to each other (unique ids,
 * references between topics, producers and services) live in `parseScenario.ts`.
 *
 * Every schema carries its own message, `<field> is <value>; it must be <rule>`, so a refused
 * file names the field, the value and the rule. Objects strip unknown keys (the parsers turn
 * them into warnings) and optional fields stay absent: Kafka's defaults are filled by the engine.
 */
import { z } from 'zod';
import { HANDLER_NAMES, KAFKA_CONSUMER_DEFAULTS } from '../engine';
import type { TopicConfig } from '../engine';
import * as limits from './limits';

/** Shows a value inside a message: strings quoted (and cut), numbers as written. Never throws. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return `the BigInt ${value.toString()}`;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** `label is <value>; it must be <rule>`: the one message shape for a refused field. */
export function mustBe(label: string, value: unknown, rule: string): string {
  return `${label} is ${showValue(value)}; it must be ${rule}`;
}

type Rule = string | (() => string);

/** A zod `error` option giving {@link mustBe}'s message for any failure of the field. */
export function fieldError(label: string, rule: Rule) {
  return {
    error: (issue: { readonly input?: unknown }) =>
      mustBe(label, issue.input, typeof rule === 'string' ? rule : rule()),
  };
}

const SAFE_MAX = Number.MAX_SAFE_INTEGER;

/** An integer in [min, max]; `why` names where the limit comes from. */
export function integer(label: string, min: number, max: number, why?: string) {
  const range = max === SAFE_MAX ? `of at least ${min}` : `from ${min} to ${max}`;
  const error = fieldError(label, `an integer ${range}${why === undefined ? '' : ` (${why})`}`);
  return z
    .number(error)
    .refine((value) => Number.isSafeInteger(value) && value >= min && value <= max, error)
    .transform(withoutNegativeZero);
}

/** JSON.parse keeps `-0`; the scenario stores 0 so that output survives a JSON round trip. */
export function withoutNegativeZero(value: number): number {
  return value === 0 ? 0 : value;
}

/** A finite number accepted by `accept`, described by `rule`. */
export function decimal(label: string, rule: string, accept: (value: number) => boolean) {
  const error = fieldError(label, rule);
  return z.number(error).refine(accept, error).transform(withoutNegativeZero);
}

export function text(label: string, minChars: number, maxChars: number) {
  const rule =
    minChars === 0
      ? `a string of at most ${maxChars} characters`
      : `a string of ${minChars} to ${maxChars} characters`;
  const error = fieldError(label, rule);
  return z
    .string(error)
    .refine((value) => value.length >= minChars && value.length <= maxChars, error);
}

/** Topic names, producer ids and service ids: Kafka's legal topic characters, not "." or "..". */
export function identifier(label: string) {
  const error = fieldError(
    label,
    `1 to ${limits.MAX_ID_CHARS} characters from A-Z a-z 0-9 . _ - (but not "." or "..")`,
  );
  return z
    .string(error)
    .refine(
      (value) =>
        value.length <= limits.MAX_ID_CHARS &&
        limits.ID_PATTERN.test(value) &&
        value !== '.' &&
        value !== '..',
      error,
    );
}

/** `one of "a", "b"`: quoted, since some values contain commas (`compact,delete`). */
export function listOf(values: readonly string[]): string {
  return `one of ${values.map((value) => JSON.stringify(value)).join(', ')}`;
}

export function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, fieldError(label, listOf(values)));
}

export function flag(label: string) {
  return z.boolean(fieldError(label, 'true or false'));
}

/** A list of at most `max` items; a longer one names its length and the limit. */
export function list<T extends z.ZodType>(label: string, item: T, max: number, noun: string) {
  return z.array(item, fieldError(label, `a list of at most ${max} ${noun}`)).max(max, {
    error: (issue) =>
      `${label} has ${Array.isArray(issue.input) ? issue.input.length : 'too many'} entries; ` +
      `at most ${max} ${noun} are allowed`,
  });
}

export function object<S extends z.ZodRawShape>(label: string, shape: S) {
  return z.object(shape, fieldError(label, 'an object'));
}

export const atMsSchema = integer('atMs', 0, limits.MAX_AT_MS, '24 h of virtual time');

// ---- Topics ----------------------------------------------------------------------------------

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
});

export const topicSchema = object('topic', {
  name: identifier('topic name'),
  partitions: integer('partitions', limits.MIN_PARTITIONS, limits.MAX_PARTITIONS),
  config: topicConfigSchema.optional(),
});

// ---- Producers -------------------------------------------------------------------------------

const KEY_KINDS = ['sequence', 'uniform', 'zipf', 'none'] as const;
const keyPrefix = text('prefix', 0, limits.MAX_PREFIX_CHARS).optional();
const keyCount = integer('count', 1, limits.MAX_KEY_COUNT);

const keySpecSchema = z.discriminatedUnion(
  'kind',
  [
    object('keys', { kind: z.literal('sequence'), prefix: keyPrefix }),
    object('keys', { kind: z.literal('uniform'), prefix: keyPrefix, count: keyCount }),
    object('keys', {
      kind: z.literal('zipf'),
      prefix: keyPrefix,
      count: keyCount,
      s: decimal(
        's',
        `a number above 0 and at most ${limits.MAX_ZIPF_EXPONENT}`,
        (s) => s > 0 && s <= limits.MAX_ZIPF_EXPONENT,
      ).optional(),
    }),
    object('keys', { kind: z.literal('none') }),
  ],
  {
    error: (issue) =>
      typeof issue.input === 'object' && issue.input !== null && !Array.isArray(issue.input)
        ? mustBe('kind', (issue.input as { kind?: unknown }).kind, listOf(KEY_KINDS))
        : mustBe('keys', issue.input, 'an object such as {"kind": "sequence"}'),
  },
);

const rate = (label: string) =>
  decimal(
    label,
    `a number from 0 to ${limits.MAX_RATE_PER_SEC}`,
    (perSec) => perSec >= 0 && perSec <= limits.MAX_RATE_PER_SEC,
  );

export const ratePerSecSchema = rate('ratePerSec');

export const producerSchema = object('producer', {
  id: identifier('producer id'),
  topic: identifier('topic').optional(),
  event: text('event', 1, limits.MAX_NAME_CHARS).optional(),
  command: text('command', 1, limits.MAX_NAME_CHARS).optional(),
  to: identifier('to').optional(),
  ratePerSec: ratePerSecSchema,
  arrival: oneOf('arrival', ['poisson', 'fixed']).optional(),
  keys: keySpecSchema.optional(),
  partitioner: oneOf('partitioner', ['default', 'roundrobin']).optional(),
  invalidRatio: decimal('invalidRatio', 'a number from 0 to 1', (r) => r >= 0 && r <= 1).optional(),
});

// ---- Services --------------------------------------------------------------------------------

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
      .min(1, strategyError)
      .max(limits.MAX_ASSIGNORS, strategyError),
  ],
  strategyError,
);

const consumerConfigSchema = object('config', {
  'group.id': text('group.id', 1, limits.MAX_NAME_CHARS).optional(),
  'group.instance.id': text('group.instance.id', 1, limits.MAX_NAME_CHARS).optional(),
  'enable.auto.commit': flag('enable.auto.commit').optional(),
  'auto.commit.interval.ms': integer('auto.commit.interval.ms', 0, limits.JAVA_INT_MAX).optional(),
  'auto.offset.reset': oneOf('auto.offset.reset', ['earliest', 'latest', 'none']).optional(),
  'session.timeout.ms': integer(
    'session.timeout.ms',
    limits.MIN_SESSION_TIMEOUT_MS,
    limits.MAX_SESSION_TIMEOUT_MS,
    'group.min/max.session.timeout.ms',
  ).optional(),
  'heartbeat.interval.ms': integer('heartbeat.interval.ms', 1, limits.JAVA_INT_MAX).optional(),
  'max.poll.interval.ms': integer('max.poll.interval.ms', 1, limits.JAVA_INT_MAX).optional(),
  'max.poll.records': integer(
    'max.poll.records',
    1,
    limits.MAX_POLL_RECORDS,
    "LogScope's limit",
  ).optional(),
  'partition.assignment.strategy': assignmentStrategySchema.optional(),
}).refine(
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
);

function sessionTimeoutOf(config: { 'session.timeout.ms'?: number | undefined }): number {
  return config['session.timeout.ms'] ?? KAFKA_CONSUMER_DEFAULTS.sessionTimeoutMs;
}

/** Read at every parse, so handlers registered later in the engine are accepted at once. */
const handlerError = fieldError('handler', () => listOf(HANDLER_NAMES));

export const instancesSchema = integer('instances', 0, limits.MAX_INSTANCES);

export const serviceSchema = object('service', {
  id: identifier('service id'),
  subscribe: list('subscribe', identifier('topic name'), limits.MAX_TOPICS, 'topics'),
  instances: instancesSchema.optional(),
  handler: z
    .string(handlerError)
    .refine((name) => HANDLER_NAMES.includes(name), handlerError)
    .optional(),
  processingMs: integer('processingMs', 0, limits.MAX_PROCESSING_MS).optional(),
  idempotent: flag('idempotent').optional(),
  emitTo: identifier('emitTo').optional(),
  commit: oneOf('commit', ['auto', 'after-processing', 'before-processing']).optional(),
  config: consumerConfigSchema.optional(),
});

// ---- The scenario ----------------------------------------------------------------------------

const brokerSchema = object('broker', {
  'log.retention.check.interval.ms': integer(
    'log.retention.check.interval.ms',
    1,
    limits.MAX_RETENTION_CHECK_INTERVAL_MS,
  ).optional(),
  'group.initial.rebalance.delay.ms': integer(
    'group.initial.rebalance.delay.ms',
    0,
    limits.MAX_INITIAL_REBALANCE_DELAY_MS,
  ).optional(),
});

const noteSchema = object('note', {
  atMs: atMsSchema,
  text: text('text', 1, limits.MAX_NOTE_TEXT_CHARS),
});

/** Actions are checked one by one by `parseCommand`, which gives each its own paths. */
export const scenarioSchema = object('the scenario', {
  format: z.literal(limits.SCENARIO_FORMAT, fieldError('format', `"${limits.SCENARIO_FORMAT}"`)),
  version: z.literal(
    limits.SCENARIO_VERSION,
    fieldError('version', String(limits.SCENARIO_VERSION)),
  ),
  title: text('title', 0, limits.MAX_TITLE_CHARS).optional(),
  seed: integer('seed', 0, limits.MAX_SEED),
  topics: list('topics', topicSchema, limits.MAX_TOPICS, 'topics'),
  producers: list('producers', producerSchema, limits.MAX_PRODUCERS, 'producers'),
  services: list('services', serviceSchema, limits.MAX_SERVICES, 'services'),
  broker: brokerSchema.optional(),
  notes: list('notes', noteSchema, limits.MAX_NOTES, 'notes').optional(),
  actions: list('actions', z.unknown(), limits.MAX_ACTIONS, 'actions').optional(),
});
