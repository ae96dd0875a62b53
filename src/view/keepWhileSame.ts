/**
 * Selectors that keep their last result while what a view shows is the same, compared field by
 * field and by reference (snapshots share unchanged parts: src/engine/snapshotSharing.ts), so a
 * view re-renders only when something it draws changed, without serialising anything. Make one
 * per component (`useState(() => keepWhileSame(...))`): the memory is the component's, so two
 * labs on one page never share it.
 */
import type { AppState } from '../app/store';

export function keepWhileSame<T>(select: (state: AppState) => T, same: (previous: T, next: T) => boolean): (state: AppState) => T {
  let last: { value: T } | null = null;
  return (state) => {
    const next = select(state);
    if (last !== null && same(last.value, next)) return last.value;
    last = { value: next };
    return next;
  };
}

/** Same length and the same elements (`===`). */
export function sameElements<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
