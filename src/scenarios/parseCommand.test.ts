import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES } from '../engine';
import { parseCommand } from './parseCommand';
import type { CommandParseResult, ScenarioError } from './parseCommand';

/** One valid command of every type, as a UI click or a link would send it. */
const VALID: Record<string, unknown>[] = [
  { type: 'crash', target: 'email-0' },
  { type: 'hang', target: 'email-1', mode: 'handler' },
  { type: 'hang', target: 'email-1' },
  { type: 'resume', target: 'email-1' },
  { type: 'stop', target: 'billing.v2-31' },
  { type: 'start', target: 'email-0' },
  { type: 'slow', target: 'email-0', factor: 2.5 },
  { type: 'scale', service: 'email', instances: 0 },
  {
    type: 'addService',
    service: { id: 'sms', subscribe: ['orders'], instances: 2, handler: 'noop' },
  },
  { type: 'setIdempotent', service: 'email', idempotent: true },
  { type: 'resetOffsets', group: 'email', to: 'earliest' },
  { type: 'resetOffsets', group: 'email', to: 'latest', rebuild: true },
  { type: 'resetOffsets', group: 'email', to: { offset: 0 } },
  { type: 'resetOffsets', group: 'email', to: { timestampMs: 5000 } },
  { type: 'resetOffsets', group: 'email', to: { shiftBy: -3 } },
  { type: 'pauseProducer', producer: 'checkout' },
  { type: 'resumeProducer', producer: 'checkout' },
  { type: 'setRate', producer: 'checkout', ratePerSec: 0.5 },
  { type: 'burst', producer: 'checkout', count: 10000 },
  { type: 'produce', producer: 'checkout' },
  { type: 'produce', producer: 'checkout', key: null, value: null, partition: 0, count: 1 },
  {
    type: 'produce',
    producer: 'checkout',
    key: 'order-1',
    value: { sku: 'A', qty: 2, gift: false, note: null },
  },
  { type: 'addPartitions', topic: 'orders', partitions: 64 },
  { type: 'query', service: 'email', entity: 'order-42' },
  { type: 'crashBroker', broker: 0 },
  { type: 'startBroker', broker: 8 },
  { type: 'delayNetwork', broker: 1, extraMs: 10000 },
  { type: 'restoreNetwork', broker: 1 },
];

function errorsOf(result: CommandParseResult<unknown>): ScenarioError[] {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.command)}`);
  return result.errors;
}

describe('parseCommand', () => {
  it('covers every command type the engine knows', () => {
    expect(new Set(VALID.map((command) => command.type))).toEqual(new Set(COMMAND_TYPES));
  });

  it.each(VALID.map((command) => [JSON.stringify(command), command]))(
    'accepts %s unchanged, as a fresh object, without warnings',
    (_name, command) => {
      const result = parseCommand(command);
      expect(result).toEqual({ ok: true, command, warnings: [] });
      if (result.ok) expect(result.command).not.toBe(command);
    },
  );

  it('keeps atMs in front and requires it when asked', () => {
    expect(parseCommand({ type: 'crash', target: 'email-0', atMs: 500 }, true)).toEqual({
      ok: true,
      command: { atMs: 500, type: 'crash', target: 'email-0' },
      warnings: [],
    });
    expect(errorsOf(parseCommand({ type: 'crash', target: 'email-0' }, true))).toEqual([
      {
        path: 'atMs',
        message: 'atMs is missing; it must be an integer from 0 to 86400000 (24 h of virtual time)',
      },
    ]);
  });

  const big = Object.fromEntries(Array.from({ length: 33 }, (_, index) => [`f${index}`, index]));
  const produce = { type: 'produce', producer: 'checkout' };
  const reset = { type: 'resetOffsets', group: 'email' };
  /** [behaviour, command, path of the error, parts of its message] */
  // prettier-ignore
  const cases: [string, unknown, string, ...string[]][] = [
    ['a number instead of a command', 5, '', 'command is 5', 'an object'],
    ['an unknown type', { type: 'explode' }, 'type', '"explode"', '"crash"', '"addPartitions"'],
    ['a missing type', { target: 'email-0' }, 'type', 'missing'],
    ['a target without an index', { type: 'crash', target: 'email' }, 'target', '"email"', '<service id>-<index>'],
    ['a target index with a leading zero', { type: 'stop', target: 'email-01' }, 'target', '"email-01"'],
    ['a target index of 32', { type: 'start', target: 'email-32' }, 'target', '"email-32"', '0 to 31'],
    ['a slow factor of 0', { type: 'slow', target: 'email-0', factor: 0 }, 'factor', 'is 0', 'above 0', '100'],
    ['a slow factor above 100', { type: 'slow', target: 'email-0', factor: 101 }, 'factor', '101', 'at most 100'],
    ['an unknown hang mode', { type: 'hang', target: 'email-0', mode: 'frozen' }, 'mode', '"frozen"', '"handler"'],
    ['scaling to 33 instances', { type: 'scale', service: 'email', instances: 33 }, 'instances', '33', '0 to 32'],
    ['scaling to 1.5 instances', { type: 'scale', service: 'email', instances: 1.5 }, 'instances', '1.5', 'integer'],
    ['a rate above 10000', { type: 'setRate', producer: 'checkout', ratePerSec: 10001 }, 'ratePerSec', '10001', '10000'],
    ['a negative rate', { type: 'setRate', producer: 'checkout', ratePerSec: -1 }, 'ratePerSec', '-1', '0 to'],
    ['a burst of 0', { type: 'burst', producer: 'checkout', count: 0 }, 'count', 'is 0', '1 to 10000'],
    ['a burst above 10000', { type: 'burst', producer: 'checkout', count: 10001 }, 'count', '10001', '10000'],
    ['producing 0 records', { ...produce, count: 0 }, 'count', 'is 0', '1 to 10000'],
    ['producing more than 10000 records', { ...produce, count: 10001 }, 'count', '10001', '10000'],
    ['a negative partition', { ...produce, partition: -1 }, 'partition', '-1', 'from 0'],
    ['a fractional partition', { ...produce, partition: 1.5 }, 'partition', '1.5', 'integer'],
    ['a key over 256 characters', { ...produce, key: 'k'.repeat(257) }, 'key', '256'],
    ['a numeric key', { ...produce, key: 5 }, 'key', 'is 5', 'or null'],
    ['a list as value', { ...produce, value: [1] }, 'value', 'a list of 1', 'flat object'],
    ['a string as value', { ...produce, value: 'hi' }, 'value', '"hi"', 'null'],
    ['a nested value', { ...produce, value: { a: { b: 1 } } }, 'value.a', 'an object', 'a string'],
    ['a value of 33 fields', { ...produce, value: big }, 'value', '33 fields', 'at most 32'],
    ['a value string over 1024 characters', { ...produce, value: { a: 'x'.repeat(1025) } }, 'value.a', '1024'],
    ['an empty value field name', { ...produce, value: { '': 1 } }, 'value[""]', 'value field name is ""'],
    ['0 partitions', { type: 'addPartitions', topic: 'orders', partitions: 0 }, 'partitions', 'is 0', '1 to 64'],
    ['65 partitions', { type: 'addPartitions', topic: 'orders', partitions: 65 }, 'partitions', '65', '64'],
    ['2.5 partitions', { type: 'addPartitions', topic: 'orders', partitions: 2.5 }, 'partitions', '2.5', 'integer'],
    ['an unknown reset target', { ...reset, to: 'middle' }, 'to', '"middle"', '"earliest"', 'shiftBy'],
    ['a negative reset offset', { ...reset, to: { offset: -1 } }, 'to.offset', '-1', 'at least 0'],
    ['a fractional reset timestamp', { ...reset, to: { timestampMs: 1.5 } }, 'to.timestampMs', '1.5', 'integer'],
    ['a fractional shift', { ...reset, to: { shiftBy: 0.5 } }, 'to.shiftBy', '0.5', 'integer'],
    ['a reset target naming two positions', { ...reset, to: { offset: 1, shiftBy: 2 } }, 'to', 'offset and shiftBy'],
    ['an empty reset target', { ...reset, to: {} }, 'to', 'an object'],
    ['a string rebuild', { ...reset, to: 'earliest', rebuild: 'yes' }, 'rebuild', '"yes"', 'true or false'],
    ['an empty group', { ...reset, group: '', to: 'earliest' }, 'group', '""', '1 to 64'],
    ['an added service with 33 instances', { type: 'addService', service: { id: 's', subscribe: ['t'], instances: 33 } }, 'service.instances', '33', '32'],
    ['an added service with an unknown handler', { type: 'addService', service: { id: 's', subscribe: ['t'], handler: 'x' } }, 'service.handler', '"x"', '"noop"'],
    ['an added service that is not an object', { type: 'addService', service: 'sms' }, 'service', '"sms"', 'an object'],
    ['a string idempotent', { type: 'setIdempotent', service: 'email', idempotent: 'yes' }, 'idempotent', '"yes"'],
    ['a producer id with a space', { type: 'pauseProducer', producer: 'a b' }, 'producer', '"a b"', 'A-Z'],
    ['a negative atMs', { type: 'crash', target: 'email-0', atMs: -1 }, 'atMs', '-1', '0 to 86400000'],
    ['an atMs after 24 h', { type: 'crash', target: 'email-0', atMs: 86400001 }, 'atMs', '86400001'],
  ];
  it.each(cases)('refuses %s', (_name, command, path, ...parts) => {
    const errors = errorsOf(parseCommand(command));
    const error = errors.find((each) => each.path === path);
    expect(error, JSON.stringify(errors)).toBeDefined();
    for (const part of parts) expect(error?.message).toContain(part);
  });

  it('drops unknown fields with warnings naming their paths', () => {
    const input = { type: 'addService', service: { id: 's', subscribe: ['t'], colour: 1 }, why: 2 };
    expect(parseCommand(input)).toEqual({
      ok: true,
      command: { type: 'addService', service: { id: 's', subscribe: ['t'] } },
      warnings: [
        'unknown field "colour" at service was ignored',
        'unknown field "why" at the top level was ignored',
      ],
    });
  });

  it('refuses __proto__ and constructor keys, even inside a value', () => {
    const text = '{"type":"produce","producer":"p","value":{"__proto__":{"x":1}},"constructor":1}';
    expect(errorsOf(parseCommand(JSON.parse(text))).map((error) => error.path)).toEqual([
      'value.__proto__',
      'constructor',
    ]);
  });

  it('never throws for arbitrary values or mutated commands, and is idempotent', () => {
    const mutated = fc
      .tuple(fc.constantFrom(...VALID), fc.string(), fc.anything(), fc.boolean())
      .map(([command, key, value, replace]) => {
        const copy: Record<string, unknown> = structuredClone(command);
        const keys = Object.keys(copy);
        copy[replace ? (keys[key.length % keys.length] ?? key) : key] = value;
        return copy;
      });
    fc.assert(
      fc.property(fc.oneof(fc.anything(), mutated), fc.boolean(), (input, atMsRequired) => {
        const result = parseCommand(input, atMsRequired);
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          return;
        }
        expect(parseCommand(result.command, atMsRequired)).toEqual({ ...result, warnings: [] });
      }),
      { numRuns: 2000, seed: 20_260_011 },
    );
  });
});

describe('parseCommand: query', () => {
  it('refuses an empty or overlong entity, naming the field and the limit', () => {
    for (const entity of ['', 'x'.repeat(65), 42]) {
      const errors = errorsOf(parseCommand({ type: 'query', service: 'email', entity }));
      expect(errors[0]!.path).toBe('entity');
      expect(errors[0]!.message).toMatch(/it must be a string of 1 to 64 characters/);
    }
  });
});
