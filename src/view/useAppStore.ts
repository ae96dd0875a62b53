/**
 * The one hook binding React views to their lab's store (labContext.ts). Views pass
 * module-level selectors that return the smallest thing they need; `useShallow` is re-exported
 * for object results. What they get is drawn at once, or in the background when the moment was
 * published so (drawnValue.ts).
 */
import { useRef } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { SimQueries } from '../app/simQueries';
import type { AppState } from '../app/store';
import { useDrawnValue } from './drawnValue';
import { useLab } from './labContext';

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useDrawnFrom(useLab().store, selector);
}

/**
 * `selector` over `view` (the store or a paced view of it, usePacedState.ts), drawn as the
 * store's latest publish asks. How it is drawn is read, not subscribed to: a view re-renders
 * when its own value changes, and one whose value has not changed since a moment drawn in the
 * background is brought up to date by that background render.
 */
export function useDrawnFrom<T>(view: Pick<StoreApi<AppState>, 'getState' | 'getInitialState' | 'subscribe'>, selector: (state: AppState) => T): T {
  const drawing = useLab().store.getState().sim.drawing;
  return useDrawnValue(useStore(view, selector), drawing);
}

/**
 * zustand's `useShallow`: a selector that keeps its last answer while the new one is shallowly
 * equal. Its own compares plain objects by building a Map of each one's entries, at every
 * publish for every subscriber (frame profiles: a good share of the garbage collected during
 * playback); here plain objects and arrays are compared in place (Maps and Sets by their
 * entries, other objects by identity).
 */
export function useShallow<S, U>(selector: (state: S) => U): (state: S) => U {
  const last = useRef<{ value: U } | null>(null);
  return (state) => {
    const next = selector(state);
    if (last.current !== null && shallowEqual(last.current.value, next)) return last.current.value;
    last.current = { value: next };
    return next;
  };
}

/** Exported for its test. */
export function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Map || a instanceof Set) return sameEntries(a, b);
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key in x) {
    if (!Object.hasOwn(y, key) || !Object.is(x[key], y[key])) return false;
    keys++;
  }
  for (const key in y) if (Object.hasOwn(y, key)) keys--;
  return keys === 0;
}

/**
 * The store's queries (simQueries.ts) for a view that follows `selectKey` rather than every
 * frame (the lag chart follows the once-a-second samples): re-rendered when the key changes,
 * it reads the queries published at that moment.
 */
export function useQueriesFollowing<K>(selectKey: (state: AppState) => K): SimQueries {
  const store = useLab().store;
  useStore(store, selectKey);
  const { queries, drawing } = store.getState().sim;
  return useDrawnValue(queries, drawing);
}

function sameEntries(a: ReadonlyMap<unknown, unknown> | ReadonlySet<unknown>, b: object): boolean {
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) || a.size !== (b as typeof a).size) return false;
  if (a instanceof Map) {
    const other = b as ReadonlyMap<unknown, unknown>;
    for (const [key, value] of a) if (!other.has(key) || !Object.is(value, other.get(key))) return false;
    return true;
  }
  for (const value of a) if (!(b as ReadonlySet<unknown>).has(value)) return false;
  return true;
}
