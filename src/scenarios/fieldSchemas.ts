/**
 * Zod schema builders for single fields (integers, numbers, strings, identifiers, enums, lists,
 * objects), each carrying its own {@link fieldError} message. Objects strip unknown keys.
 * Each builder also records its kind and limits as zod metadata ({@link meta}), which the
 * scenario editor's forms read (`formModel.ts`), so a field's rule is written once, here.
 * Written with `zod/mini` (functions instead of methods), which the bundler can trim to what is
 * used: about a third of the full zod's size in the page's start-up JavaScript.
 */
import { z } from 'zod/mini';
import { limits } from '../engine';
import { fieldError, listOf } from './mustBe';

const SAFE_MAX = Number.MAX_SAFE_INTEGER;

/**
 * `schema` with metadata for the forms, as the full zod's `.meta()` does it: a copy registered in
 * the global registry, inheriting (and overriding) the metadata of the schema it copies.
 */
export function meta<T extends z.ZodMiniType>(schema: T, data: Record<string, unknown>): T {
  const copy = schema.clone();
  z.globalRegistry.add(copy, data);
  return copy;
}

/** An integer in [min, max]; `why` names where the limit comes from. */
export function integer(label: string, min: number, max: number, why?: string) {
  const range = max === SAFE_MAX ? `of at least ${min}` : `from ${min} to ${max}`;
  const error = fieldError(label, `an integer ${range}${why === undefined ? '' : ` (${why})`}`);
  const checked = meta(z.number(error), {
    kind: 'integer',
    min,
    max,
    ...(why === undefined ? {} : { why }),
  }).check(z.refine((value) => Number.isSafeInteger(value) && value >= min && value <= max, error));
  return z.pipe(checked, z.transform(withoutNegativeZero));
}

/** JSON.parse keeps `-0`; the scenario stores 0 so that output survives a JSON round trip. */
export function withoutNegativeZero(value: number): number {
  return value === 0 ? 0 : value;
}

/** A finite number accepted by `accept`, described by `rule`. */
export function decimal(label: string, rule: string, accept: (value: number) => boolean) {
  const error = fieldError(label, rule);
  const checked = meta(z.number(error), { kind: 'number', rule }).check(z.refine(accept, error));
  return z.pipe(checked, z.transform(withoutNegativeZero));
}

export function text(label: string, minChars: number, maxChars: number) {
  const rule =
    minChars === 0
      ? `a string of at most ${maxChars} characters`
      : `a string of ${minChars} to ${maxChars} characters`;
  const error = fieldError(label, rule);
  return meta(z.string(error), { kind: 'text', minChars, maxChars }).check(
    z.refine((value) => value.length >= minChars && value.length <= maxChars, error),
  );
}

/** Topic names, producer ids and service ids: Kafka's legal topic characters, not "." or "..". */
export function identifier(label: string) {
  const error = fieldError(
    label,
    `1 to ${limits.MAX_ID_CHARS} characters from A-Z a-z 0-9 . _ - (but not "." or "..")`,
  );
  return meta(z.string(error), {
    kind: 'identifier',
    minChars: 1,
    maxChars: limits.MAX_ID_CHARS,
  }).check(
    z.refine(
      (value) =>
        value.length <= limits.MAX_ID_CHARS &&
        limits.ID_PATTERN.test(value) &&
        value !== '.' &&
        value !== '..',
      error,
    ),
  );
}

export function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, fieldError(label, listOf(values)));
}

export function flag(label: string) {
  return z.boolean(fieldError(label, 'true or false'));
}

/** A list of at most `max` items; a longer one names its length and the limit. */
export function list<T extends z.ZodMiniType>(label: string, item: T, max: number, noun: string) {
  return meta(z.array(item, fieldError(label, `a list of at most ${max} ${noun}`)), {
    max,
    noun,
  }).check(
    z.maxLength(max, {
      error: (issue) =>
        `${label} has ${Array.isArray(issue.input) ? issue.input.length : 'too many'} entries; ` +
        `at most ${max} ${noun} are allowed`,
    }),
  );
}

export function object<S extends z.core.$ZodLooseShape>(label: string, shape: S) {
  return z.object(shape, fieldError(label, 'an object'));
}

export const atMsSchema = meta(integer('atMs', 0, limits.MAX_AT_MS, '24 h of virtual time'), {
  description: 'When, in milliseconds of virtual time from the start.',
});
