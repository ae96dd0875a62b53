/**
 * Reading `summary()` by a dotted path. A `*` segment matches every key (or index) at that
 * level, so `groups.email.offsets.*.lag` reads the lag of every partition; the caller combines
 * the matches. `.length` of a list is its length.
 */

/** Every value the path reaches (none when a segment is missing). */
function valuesAt(root: unknown, path: string): unknown[] {
  let current: unknown[] = [root];
  for (const segment of path.split('.')) {
    const next: unknown[] = [];
    for (const value of current) {
      if (value === null || typeof value !== 'object') continue;
      if (segment === '*') {
        next.push(...Object.values(value));
      } else if (Array.isArray(value) && segment === 'length') {
        next.push(value.length);
      } else if (Object.hasOwn(value, segment)) {
        next.push((value as Record<string, unknown>)[segment]);
      }
    }
    current = next;
  }
  return current;
}

export type Aggregate = 'sum' | 'count' | 'min' | 'max';

/**
 * The path's value: a single word or flag as it is; numbers combined by `of` (sum by default);
 * `count` counts the matches that are not null. Null when nothing numeric matched (a missing
 * entity, a lag before any commit), which fails every comparison.
 */
export function readPath(root: unknown, path: string, of: Aggregate = 'sum'): number | string | boolean | null {
  const values = valuesAt(root, path);
  if (of === 'count') return values.filter((v) => v !== null && v !== undefined).length;
  if (values.length === 1 && (typeof values[0] === 'string' || typeof values[0] === 'boolean')) return values[0];
  const numbers = values.filter((v): v is number => typeof v === 'number');
  if (numbers.length === 0) return null;
  if (of === 'min') return Math.min(...numbers);
  if (of === 'max') return Math.max(...numbers);
  return numbers.reduce((sum, n) => sum + n, 0);
}
