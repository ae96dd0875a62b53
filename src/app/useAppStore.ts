/**
 * The one hook binding React views to the app store. Views pass module-level selectors that
 * return the smallest thing they need; `useShallow` is re-exported for object results.
 */
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { SimQueries } from './simQueries';
import type { AppState } from './store';
import { appStore } from './runController';

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}

export { useShallow };

/**
 * The store's queries (simQueries.ts) for a view that follows `selectKey` rather than every
 * frame (the lag chart follows the once-a-second samples): re-rendered when the key changes,
 * it reads the queries published at that moment.
 */
export function useQueriesFollowing<K>(selectKey: (state: AppState) => K): SimQueries {
  useAppStore(selectKey);
  return appStore.getState().sim.queries;
}
