/**
 * The one hook binding React views to the app store. Views pass module-level selectors that
 * return the smallest thing they need; `useShallow` is re-exported for object results.
 */
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { AppState } from './store';
import { appStore } from './runController';

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}

export { useShallow };
