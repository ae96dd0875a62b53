/**
 * Zod schema builders for single fields (integers, numbers, strings, identifiers, enums, lists,
 * objects), each carrying its own {@link fieldError} message. Objects strip unknown keys.
 * Each builder also records its kind and limits as zod metadata (`.meta`), which the scenario
 * editor's forms read (`formModel.ts`), so a field's rule is written once, here.
 */
import { z } from 'zod';
import { limits } from '../engine';
import { fieldError, listOf } from './mustBe';

const SAFE_MAX = Number.MAX_SAFE_INTEGER;

/** An integer in [min, max]; `why` names where the limit comes from. */
export function integer(label: string, min: number, max: number, why?: string) {
  const range = max === SAFE_MAX ? `of at least ${min}` : `from ${min} to ${max}`;
  const error = fieldError(label, `an integer ${range}${why === undefined ? '' : ` (${why})`}`);
  return z
    .number(error)
    .meta({ kind: 'integer', min, max, ...(why === undefined ? {} : { why }) })
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
  return z.number(error).meta({ kind: 'number', rule }).refine(accept, error).transform(withoutNegativeZero);
}

export function text(label: string, minChars: number, maxChars: number) {
  const rule =
    minChars === 0
      ? `a string of at most ${maxChars} characters`
      : `a string of ${minChars} to ${maxChars} characters`;
  const error = fieldError(label, rule);
  return z
    .string(error)
    .meta({ kind: 'text', minChars, maxChars })
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
    .meta({ kind: 'identifier', minChars: 1, maxChars: limits.MAX_ID_CHARS })
    .refine(
      (value) =>
        value.length <= limits.MAX_ID_CHARS &&
        limits.ID_PATTERN.test(value) &&
        value !== '.' &&
        value !== '..',
      error,
    );
}

export function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, fieldError(label, listOf(values)));
}

export function flag(label: string) {
  return z.boolean(fieldError(label, 'true or false'));
}

/** A list of at most `max` items; a longer one names its length and the limit. */
export function list<T extends z.ZodType>(label: string, item: T, max: number, noun: string) {
  return z.array(item, fieldError(label, `a list of at most ${max} ${noun}`)).meta({ max, noun }).max(max, {
    error: (issue) =>
      `${label} has ${Array.isArray(issue.input) ? issue.input.length : 'too many'} entries; ` +
      `at most ${max} ${noun} are allowed`,
  });
}

export function object<S extends z.ZodRawShape>(label: string, shape: S) {
  return z.object(shape, fieldError(label, 'an object'));
}

export const atMsSchema = integer('atMs', 0, limits.MAX_AT_MS, '24 h of virtual time').meta({
  description: 'When, in milliseconds of virtual time from the start.',
});
