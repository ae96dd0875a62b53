/**
 * The wording of a refused field, `<field> is <value>; it must be <rule>`, shared by every schema
 * and rule in this folder so that each error names the field, the value and the rule.
 */

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

/** `one of "a", "b"`: quoted, since some values contain commas (`compact,delete`). */
export function listOf(values: readonly string[]): string {
  return `one of ${values.map((value) => JSON.stringify(value)).join(', ')}`;
}
