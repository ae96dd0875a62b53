/**
 * Zod schema for one producer of a scenario: its rate, arrival process, key generator and what it
 * writes. Whether it names a topic or a service that exists is checked in `checkProducer.ts`.
 */
import { z } from 'zod';
import { decimal, identifier, integer, list, object, oneOf, text } from './fieldSchemas';
import { limits } from '../engine';
import { listOf, mustBe } from './mustBe';
import { producerConfigSchema } from './producerConfigSchema';

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

const callsSchema = object('calls', {
  targets: list('targets', identifier('target'), limits.MAX_CALL_TARGETS, 'services').min(1, {
    error: 'targets is an empty list; name at least one service to call',
  }),
  mode: oneOf('mode', ['chain', 'parallel']).optional(),
  timeoutMs: integer('timeoutMs', 1, limits.MAX_CALL_TIMEOUT_MS).optional(),
  retries: integer('retries', 0, limits.MAX_CALL_RETRIES).optional(),
});

export const producerSchema = object('producer', {
  id: identifier('producer id'),
  topic: identifier('topic').optional().meta({ description: 'The topic an event producer writes to (with event).' }),
  event: text('event', 1, limits.MAX_NAME_CHARS).optional().meta({ description: 'The event type it writes, e.g. OrderPlaced.' }),
  command: text('command', 1, limits.MAX_NAME_CHARS).optional().meta({ description: 'A client sending commands instead: the command name, e.g. PlaceOrder (with to).' }),
  to: identifier('to').optional().meta({ description: 'The service that owns the command.' }),
  ratePerSec: ratePerSecSchema.meta({ description: 'Records per second of virtual time.' }),
  arrival: oneOf('arrival', ['poisson', 'fixed']).optional().meta({ default: 'poisson', description: 'Random gaps around the rate (poisson) or evenly spaced (fixed).' }),
  keys: keySpecSchema.optional().meta({ default: 'sequence', description: 'How record keys are drawn: in sequence, uniformly, skewed (zipf) or none.' }),
  partitioner: oneOf('partitioner', ['default', 'roundrobin']).optional().meta({ default: 'default', description: 'default hashes the key (sticky when there is none); roundrobin spreads records.' }),
  invalidRatio: decimal('invalidRatio', 'a number from 0 to 1', (r) => r >= 0 && r <= 1).optional().meta({ default: 0, description: 'The share of commands that are invalid (unknown SKU or zero quantity).' }),
  config: producerConfigSchema.optional(),
  calls: callsSchema.optional(),
});
