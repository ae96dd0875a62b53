/**
 * Zod schema for one producer of a scenario: its rate, arrival process, key generator and what it
 * writes. Whether it names a topic or a service that exists is checked in `checkProducer.ts`.
 */
import { z } from 'zod/mini';
import { decimal, identifier, integer, list, object, oneOf, text, meta } from './fieldSchemas';
import { limits } from '../engine';
import { listOf, mustBe } from './mustBe';
import { producerConfigSchema } from './producerConfigSchema';

const KEY_KINDS = ['sequence', 'uniform', 'zipf', 'none'] as const;
const keyPrefix = z.optional(text('prefix', 0, limits.MAX_PREFIX_CHARS));
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
      s: z.optional(
        decimal(
          's',
          `a number above 0 and at most ${limits.MAX_ZIPF_EXPONENT}`,
          (s) => s > 0 && s <= limits.MAX_ZIPF_EXPONENT,
        ),
      ),
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

const callsSchema = object('calls', {
  targets: list('targets', identifier('target'), limits.MAX_CALL_TARGETS, 'services').check(
    z.minLength(1, {
      error: 'targets is an empty list; name at least one service to call',
    }),
  ),
  mode: z.optional(oneOf('mode', ['chain', 'parallel'])),
  timeoutMs: z.optional(integer('timeoutMs', 1, limits.MAX_CALL_TIMEOUT_MS)),
  retries: z.optional(integer('retries', 0, limits.MAX_CALL_RETRIES)),
});

export const producerSchema = object('producer', {
  id: identifier('producer id'),
  topic: meta(z.optional(identifier('topic')), {
    description: 'The topic an event producer writes to (with event).',
  }),
  event: meta(z.optional(text('event', 1, limits.MAX_NAME_CHARS)), {
    description: 'The event type it writes, e.g. OrderPlaced.',
  }),
  command: meta(z.optional(text('command', 1, limits.MAX_NAME_CHARS)), {
    description: 'A client sending commands instead: the command name, e.g. PlaceOrder (with to).',
  }),
  to: meta(z.optional(identifier('to')), { description: 'The service that owns the command.' }),
  ratePerSec: meta(ratePerSecSchema, { description: 'Records per second of virtual time.' }),
  arrival: meta(z.optional(oneOf('arrival', ['poisson', 'fixed'])), {
    default: 'poisson',
    description: 'Random gaps around the rate (poisson) or evenly spaced (fixed).',
  }),
  keys: meta(z.optional(keySpecSchema), {
    default: 'sequence',
    description: 'How record keys are drawn: in sequence, uniformly, skewed (zipf) or none.',
  }),
  partitioner: meta(z.optional(oneOf('partitioner', ['default', 'roundrobin'])), {
    default: 'default',
    description: 'default hashes the key (sticky when there is none); roundrobin spreads records.',
  }),
  invalidRatio: meta(
    z.optional(decimal('invalidRatio', 'a number from 0 to 1', (r) => r >= 0 && r <= 1)),
    {
      default: 0,
      description: 'The share of commands that are invalid (unknown SKU or zero quantity).',
    },
  ),
  config: z.optional(producerConfigSchema),
  calls: z.optional(callsSchema),
});
