/**
 * The one hook binding React views to their lab's store (labContext.ts). Views pass
 * module-level selectors that return the smallest thing they need; `useShallow` is re-exported
 * for object results.
 */
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { SimQueries } from '../app/simQueries';
import type { AppState } from '../app/store';
import { useLab } from './labContext';

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useLab().store, selector);
}

export { useShallow };

/**
 * The store's queries (simQueries.ts) for a view that follows `selectKey` rather than every
 * frame (the lag chart follows the once-a-second samples): re-rendered when the key changes,
 * it reads the queries published at that moment.
 */
export function useQueriesFollowing<K>(selectKey: (state: AppState) => K): SimQueries {
  const store = useLab().store;
  useStore(store, selectKey);
  return store.getState().sim.queries;
}
