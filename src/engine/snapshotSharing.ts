/**
 * Structural sharing between consecutive snapshots: a part of the new snapshot equal to the
 * previous one's is replaced by the previous object, so views compare by reference (`===`)
 * and re-render only what changed. Comparisons are shallow: values are primitives or parts
 * already shared this way, or frozen records (which never change).
 */

/** `next`, or `previous` when they hold the same elements. */
export function shareArray<T>(previous: readonly T[] | undefined, next: T[]): T[] {
  if (previous === undefined || previous.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) if (previous[i] !== next[i]) return next;
  return previous as T[];
}

/** `next`, or `previous` when they have the same keys with the same values. */
export function shareRecord<T extends object>(previous: T | undefined | null, next: T): T {
  if (previous === undefined || previous === null) return next;
  const nextKeys = Object.keys(next);
  if (Object.keys(previous).length !== nextKeys.length) return next;
  for (const key of nextKeys) {
    if ((previous as Record<string, unknown>)[key] !== (next as Record<string, unknown>)[key]) return next;
  }
  return previous;
}
