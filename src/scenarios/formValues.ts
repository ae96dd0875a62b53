/**
 * How a form field shows a scenario value and reads it back. The forms edit the scenario's JSON
 * value itself, so a form and its JSON twin can never disagree: what a field cannot read as its
 * kind (a word in a number field) is kept as typed, and the validator then names its path and
 * rule, exactly as it would in the JSON.
 */
import type { FieldSpec, FormField } from './formModel';
import { isRecord } from './isRecord';

/** The text an input shows for `value` (`''` when the field is left out). */
export function toInput(spec: FieldSpec, value: unknown): string {
  if (value === undefined) return '';
  switch (spec.kind) {
    case 'names':
      return Array.isArray(value) && value.every((name) => typeof name === 'string')
        ? value.join(', ')
        : JSON.stringify(value);
    case 'json':
    case 'fixed':
      return typeof value === 'string' && !looksLikeJson(value) ? value : JSON.stringify(value);
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

/** A bare word that JSON would read as something else ("true", "12", "[…") is shown quoted. */
function looksLikeJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return text.trim() !== text || text === '';
  }
}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * The value an input's text stands for; `undefined` leaves an optional field out. Text that is
 * not of the field's kind is kept as text, so the validator reports it with its path.
 */
export function fromInput(spec: FieldSpec, text: string, optional: boolean): unknown {
  if (text === '' && optional) return undefined;
  switch (spec.kind) {
    case 'integer':
    case 'number':
      return NUMBER.test(text.trim()) ? Number(text.trim()) : text;
    case 'flag':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'names':
      return text.trim() === '' ? [] : text.split(',').map((name) => name.trim());
    case 'json':
    case 'fixed':
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    default:
      return text;
  }
}

export type ValuePath = readonly (string | number)[];

/** `root` with the value at `path` replaced (`undefined` removes an object's key). Never mutates. */
export function setAt(root: unknown, path: ValuePath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(root) ? [...(root as unknown[])] : [];
    if (value === undefined && rest.length === 0) list.splice(head, 1);
    else list[head] = setAt(list[head], rest, value);
    return list;
  }
  const object: Record<string, unknown> = isRecord(root) ? { ...root } : {};
  const next = setAt(object[head as string], rest, value);
  if (next === undefined) delete object[head as string];
  else object[head as string] = next;
  return object;
}

export function getAt(root: unknown, path: ValuePath): unknown {
  let current = root;
  for (const key of path) {
    if (typeof key === 'number')
      current = Array.isArray(current) ? (current as unknown[])[key] : undefined;
    else current = isRecord(current) ? current[key] : undefined;
  }
  return current;
}

/** A new value for a required field of this kind: the smallest the validator accepts where there is one. */
export function starterValue(spec: FieldSpec): unknown {
  switch (spec.kind) {
    case 'integer':
      return Math.max(spec.min, Math.min(1, spec.max));
    case 'number':
      return 1;
    case 'text':
    case 'identifier':
      return '';
    case 'enum':
      return spec.options[0];
    case 'flag':
      return false;
    case 'fixed':
      return spec.value;
    case 'names':
    case 'list':
      return [];
    case 'object':
      return starterObject(spec.fields);
    case 'variant': {
      const [name, fields] = Object.entries(spec.variants)[0] ?? ['', []];
      return { [spec.discriminator]: name, ...starterObject(fields) };
    }
    case 'json':
      return null;
  }
}

/** An object with its required fields only; optional ones stay out, so their defaults apply. */
export function starterObject(fields: readonly FormField[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const field of fields) if (!field.optional) object[field.key] = starterValue(field.spec);
  return object;
}

/** A variant switched to `name`: the fields the new variant shares with the old are kept. */
export function switchVariant(
  spec: Extract<FieldSpec, { kind: 'variant' }>,
  value: unknown,
  name: string,
): Record<string, unknown> {
  const fields = spec.variants[name] ?? [];
  const old = isRecord(value) ? value : {};
  const next: Record<string, unknown> = { [spec.discriminator]: name };
  for (const field of fields) {
    if (old[field.key] !== undefined) next[field.key] = old[field.key];
    else if (!field.optional) next[field.key] = starterValue(field.spec);
  }
  return next;
}
