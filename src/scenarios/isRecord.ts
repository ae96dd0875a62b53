/**
 * The one type guard every parser here uses before reading fields: a plain object, not a list.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
