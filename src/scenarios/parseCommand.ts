/**
 * Validates one command (DESIGN.md contract 2, "Actions"): a scenario action, a share link's
 * intervention or a UI click. Only the command's own fields are checked here; whether its target,
 * service, group, producer or topic exists depends on a scenario, and `parseScenario` checks that.
 *
 * Like every parser in this folder it never throws: the result is a fresh command or errors that
 * name the field path, the value and the rule. Unknown fields are dropped with a warning.
 */
import { z } from 'zod';
import { COMMAND_TYPES } from '../engine';
import type { Command, CommandType, TimedCommand } from '../engine';
import * as limits from './limits';
import {
  atMsSchema,
  decimal,
  fieldError,
  flag,
  identifier,
  instancesSchema,
  integer,
  listOf,
  mustBe,
  object,
  oneOf,
  ratePerSecSchema,
  serviceSchema,
  showValue,
  text,
  withoutNegativeZero,
} from './scenarioSchema';

export type CommandParseResult<C> =
  { ok: true; command: C; warnings: string[] } | { ok: false; errors: ScenarioError[] };

/** `<service id>-<index>`; the index is written as Kafka's ids are, without leading zeros. */
const INSTANCE_NAME = /^([A-Za-z0-9._-]{1,64})-(0|[1-9][0-9]?)$/;

/** Splits an instance name such as `email-0`; undefined unless it is well formed. */
export function splitInstanceName(name: string): { serviceId: string; index: number } | undefined {
  const match = INSTANCE_NAME.exec(name);
  if (match === null) return undefined;
  const index = Number(match[2]);
  return index < limits.MAX_INSTANCES ? { serviceId: match[1] ?? '', index } : undefined;
}

const targetError = fieldError(
  'target',
  `an instance name <service id>-<index> with index 0 to ${limits.MAX_INSTANCES - 1}, e.g. "email-0"`,
);
const target = z
  .string(targetError)
  .refine((name) => splitInstanceName(name) !== undefined, targetError);
const service = identifier('service');
const producer = identifier('producer');
const count = (max: number) => integer('count', 1, max);

const SAFE_MAX = Number.MAX_SAFE_INTEGER;
const RESET_KEYS = ['offset', 'timestampMs', 'shiftBy'] as const;
const RESET_RULE = '"earliest", "latest", {"offset": n}, {"timestampMs": t} or {"shiftBy": n}';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Names the part of a reset target that is wrong: `to.offset is -1; ...`. */
function describeResetTarget(to: unknown): string {
  const key = RESET_KEYS.find((name) => isRecord(to) && to[name] !== undefined);
  if (key === undefined || !isRecord(to)) return mustBe('to', to, RESET_RULE);
  return mustBe(
    `to.${key}`,
    to[key],
    key === 'shiftBy' ? 'an integer' : 'an integer of at least 0',
  );
}

/** Exactly one of offset, timestampMs, shiftBy: an object naming two is ambiguous, not stripped. */
const resetTargetError = {
  error: (issue: { readonly input?: unknown }) => describeResetTarget(issue.input),
};
const resetTargetSchema = z
  .unknown()
  .refine((to) => !isRecord(to) || RESET_KEYS.filter((key) => to[key] !== undefined).length <= 1, {
    error: (issue) =>
      `to names ${RESET_KEYS.filter((key) => isRecord(issue.input) && issue.input[key] !== undefined).join(' and ')}; ` +
      `it must be ${RESET_RULE}`,
  })
  .pipe(
    z.union(
      [
        z.enum(['earliest', 'latest'], resetTargetError),
        z.object({ offset: integer('offset', 0, SAFE_MAX) }, resetTargetError),
        z.object({ timestampMs: integer('timestampMs', 0, SAFE_MAX) }, resetTargetError),
        z.object({ shiftBy: integer('shiftBy', -SAFE_MAX, SAFE_MAX) }, resetTargetError),
      ],
      resetTargetError,
    ),
  );

const recordKeyError = fieldError(
  'key',
  `a string of at most ${limits.MAX_RECORD_KEY_CHARS} characters or null`,
);
const recordKey = z
  .string(recordKeyError)
  .refine((key) => key.length <= limits.MAX_RECORD_KEY_CHARS, recordKeyError)
  .nullable();

const VALUE_RULE =
  `null (a tombstone) or a flat object of at most ${limits.MAX_VALUE_FIELDS} fields, ` +
  'each a string, number, boolean or null';
const valueFieldError = fieldError(
  'value field',
  `a string of at most ${limits.MAX_VALUE_STRING_CHARS} characters, a number, a boolean or null`,
);
const valueField = z.union(
  [
    z.string(valueFieldError).max(limits.MAX_VALUE_STRING_CHARS, valueFieldError),
    z.number(valueFieldError).transform(withoutNegativeZero),
    z.boolean(valueFieldError),
    z.null(valueFieldError),
  ],
  valueFieldError,
);
const valueError = {
  error: (issue: { readonly code?: string; readonly input?: unknown }) =>
    issue.code === 'invalid_key'
      ? mustBe(
          'value field name',
          issue.input,
          `1 to ${limits.MAX_VALUE_FIELD_NAME_CHARS} characters`,
        )
      : mustBe('value', issue.input, VALUE_RULE),
};
const recordValue = z
  .record(
    z
      .string(valueError)
      .refine(
        (name) => name.length >= 1 && name.length <= limits.MAX_VALUE_FIELD_NAME_CHARS,
        valueError,
      ),
    valueField,
    valueError,
  )
  .refine((fields) => Object.keys(fields).length <= limits.MAX_VALUE_FIELDS, {
    error: (issue) =>
      `value has ${isRecord(issue.input) ? Object.keys(issue.input).length : 'too many'} fields; ` +
      `at most ${limits.MAX_VALUE_FIELDS} are allowed`,
  })
  .nullable();

const type = <T extends CommandType>(name: T) => z.literal(name);

/** One schema per command type; the mapped type makes a new engine command a compile error here. */
const COMMAND_SCHEMAS = {
  crash: object('command', { type: type('crash'), target }),
  hang: object('command', {
    type: type('hang'),
    target,
    mode: oneOf('mode', ['process', 'handler']).optional(),
  }),
  resume: object('command', { type: type('resume'), target }),
  stop: object('command', { type: type('stop'), target }),
  start: object('command', { type: type('start'), target }),
  slow: object('command', {
    type: type('slow'),
    target,
    factor: decimal(
      'factor',
      `a number above 0 and at most ${limits.MAX_SLOW_FACTOR} (1 = normal speed)`,
      (factor) => factor > 0 && factor <= limits.MAX_SLOW_FACTOR,
    ),
  }),
  scale: object('command', { type: type('scale'), service, instances: instancesSchema }),
  addService: object('command', { type: type('addService'), service: serviceSchema }),
  setIdempotent: object('command', {
    type: type('setIdempotent'),
    service,
    idempotent: flag('idempotent'),
  }),
  resetOffsets: object('command', {
    type: type('resetOffsets'),
    group: text('group', 1, limits.MAX_NAME_CHARS),
    to: resetTargetSchema,
    rebuild: flag('rebuild').optional(),
  }),
  pauseProducer: object('command', { type: type('pauseProducer'), producer }),
  resumeProducer: object('command', { type: type('resumeProducer'), producer }),
  setRate: object('command', { type: type('setRate'), producer, ratePerSec: ratePerSecSchema }),
  burst: object('command', { type: type('burst'), producer, count: count(limits.MAX_BURST_COUNT) }),
  produce: object('command', {
    type: type('produce'),
    producer,
    key: recordKey.optional(),
    value: recordValue.optional(),
    partition: integer('partition', 0, limits.MAX_PARTITIONS - 1).optional(),
    count: count(limits.MAX_PRODUCE_COUNT).optional(),
  }),
  addPartitions: object('command', {
    type: type('addPartitions'),
    topic: identifier('topic'),
    partitions: integer(
      'partitions',
      limits.MIN_PARTITIONS,
      limits.MAX_PARTITIONS,
      'the new total',
    ),
  }),
} satisfies { [K in CommandType]: z.ZodType<Extract<Command, { type: K }>> };

function isCommandType(value: unknown): value is CommandType {
  return (
    COMMAND_TYPES.some((name) => name === value) && Object.hasOwn(COMMAND_SCHEMAS, value as string)
  );
}

/**
 * Validates a command whose input was already screened for forbidden keys, reporting paths below
 * `path` (`actions[3]` inside a scenario, the empty path for a lone command).
 */
export function validateCommand(
  input: unknown,
  atMsRequired: boolean,
  path: string,
): CommandParseResult<Command & { atMs?: number }> {
  if (!isRecord(input)) {
    return failure(
      path,
      mustBe('command', input, 'an object such as {"type": "crash", "target": "email-0"}'),
    );
  }
  if (!isCommandType(input.type)) {
    return failure(pathTo(path, ['type']), mustBe('type', input.type, listOf(COMMAND_TYPES)));
  }
  const errors: ScenarioError[] = [];
  let atMs: number | undefined;
  if (atMsRequired || input.atMs !== undefined) {
    const parsedAtMs = atMsSchema.safeParse(input.atMs);
    if (parsedAtMs.success) atMs = parsedAtMs.data;
    else errors.push(...issuesToErrors(parsedAtMs.error.issues, pathTo(path, ['atMs'])));
  }
  const schema: z.ZodType<Command> = COMMAND_SCHEMAS[input.type];
  const parsed = schema.safeParse(input);
  if (!parsed.success) errors.push(...issuesToErrors(parsed.error.issues, path));
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  const command = atMs === undefined ? parsed.data : { atMs, ...parsed.data };
  return { ok: true, command, warnings: unknownFieldWarnings(input, command, path) };
}

/**
 * Validates one command. With `atMsRequired` (scenario actions, link interventions) it must carry
 * an integer `atMs` within 24 h; otherwise an `atMs` is optional but still checked when present.
 */
export function parseCommand(input: unknown, atMsRequired: true): CommandParseResult<TimedCommand>;
export function parseCommand(
  input: unknown,
  atMsRequired?: boolean,
): CommandParseResult<Command & { atMs?: number }>;
export function parseCommand(
  input: unknown,
  atMsRequired = false,
): CommandParseResult<Command & { atMs?: number }> {
  try {
    const forbidden = findForbiddenKeys(input, '');
    if (forbidden.length > 0) return { ok: false, errors: forbidden };
    return validateCommand(input, atMsRequired, '');
  } catch (error) {
    return { ok: false, errors: [unreadable('the command', error)] };
  }
}

function failure(path: string, message: string): { ok: false; errors: ScenarioError[] } {
  return { ok: false, errors: [{ path, message }] };
}

// ---- Paths, errors and warnings (shared with parseScenario) ---------------------------------

/** One refused field: where (`services[1].config["session.timeout.ms"]`) and why. */
export interface ScenarioError {
  path: string;
  message: string;
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Appends keys to a path: names as `.name`, indexes as `[1]`, other keys as `["a.b"]`. */
export function pathTo(base: string, keys: readonly PropertyKey[]): string {
  let path = base;
  for (const key of keys) {
    if (typeof key === 'number') path += `[${key}]`;
    else if (typeof key === 'string' && PLAIN_KEY.test(key)) path += path === '' ? key : `.${key}`;
    else path += `[${JSON.stringify(String(key))}]`;
  }
  return path;
}

/** Zod issues as errors below `base`; every schema here words its own message. */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[], base: string): ScenarioError[] {
  const errors: ScenarioError[] = [];
  for (const issue of issues) {
    const error = { path: pathTo(base, issue.path), message: issue.message };
    if (!errors.some((seen) => seen.path === error.path && seen.message === error.message)) {
      errors.push(error);
    }
  }
  return errors;
}

/**
 * Refuses `__proto__`, `constructor` and `prototype` keys anywhere (JSON.parse makes them own
 * properties), and input nested or sized far beyond any scenario, before any schema reads it.
 */
export function findForbiddenKeys(input: unknown, base: string): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const seen = new WeakSet<object>();
  let budget = limits.MAX_INPUT_VALUES;
  const visit = (value: unknown, path: string, depth: number): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    budget -= 1;
    if (depth > limits.MAX_NESTING_DEPTH || budget < 0) {
      const message =
        budget < 0
          ? `the input has more than ${limits.MAX_INPUT_VALUES} objects and lists; a scenario has far fewer`
          : `the input is nested more than ${limits.MAX_NESTING_DEPTH} levels deep here; a scenario needs far fewer`;
      errors.push({ path, message });
      budget = Number.NEGATIVE_INFINITY;
      return;
    }
    const keys = Array.isArray(value) ? value.keys() : Object.keys(value);
    for (const key of keys) {
      if (typeof key === 'string' && limits.FORBIDDEN_KEYS.includes(key)) {
        errors.push({
          path: pathTo(path, [key]),
          message: `field "${key}" is not allowed (it could change JavaScript object prototypes)`,
        });
      } else if (budget >= 0) {
        visit((value as Record<PropertyKey, unknown>)[key], pathTo(path, [key]), depth + 1);
      }
    }
  };
  visit(input, base, 0);
  return errors;
}

/** Warnings for the input's fields that validation dropped, found by comparing keys. */
export function unknownFieldWarnings(input: unknown, output: unknown, base: string): string[] {
  const warnings: string[] = [];
  const visit = (given: unknown, kept: unknown, path: string): void => {
    if (Array.isArray(given) && Array.isArray(kept)) {
      kept.forEach((item, index) => visit(given[index], item, pathTo(path, [index])));
      return;
    }
    if (!isRecord(given) || !isRecord(kept)) return;
    for (const key of Object.keys(given)) {
      if (given[key] === undefined) continue;
      if (Object.hasOwn(kept, key)) visit(given[key], kept[key], pathTo(path, [key]));
      else {
        const where = path === '' ? 'the top level' : path;
        warnings.push(`unknown field ${JSON.stringify(key)} at ${where} was ignored`);
      }
    }
  };
  visit(input, output, base);
  return warnings;
}

/** The error for input that could not even be read (a throwing getter, a revoked proxy). */
export function unreadable(what: string, error: unknown): ScenarioError {
  let reason = 'unknown error';
  try {
    reason = error instanceof Error ? error.message : showValue(error);
  } catch {
    // Keep the generic reason: reading the error itself failed.
  }
  return { path: '', message: `${what} could not be read: ${reason}` };
}
