/**
 * A selector over the store's `ui` and `lesson` slices only, for the many small views that ask
 * one question of them each (is this entity selected? does the lesson step point at it?).
 * Every store subscription runs its selector at every publish, and a pipeline with its side
 * panel holds well over a hundred entities, two such questions each: during playback that was
 * a good share of each frame's script for answers that change only on a click. Here one
 * subscription per store passes a change on only when `ui` or `lesson` is a new object, so
 * publishing a frame asks none of them.
 */
import { useStore, type StoreApi } from 'zustand';
import type { AppState } from '../app/store';
import { useLab } from './labContext';

type UiView = Pick<StoreApi<AppState>, 'getState' | 'getInitialState' | 'subscribe'>;

const views = new WeakMap<StoreApi<AppState>, UiView>();

function uiViewOf(store: StoreApi<AppState>): UiView {
  let view = views.get(store);
  if (view) return view;
  const listeners = new Set<(state: AppState, previous: AppState) => void>();
  let unsubscribe: (() => void) | null = null;
  view = {
    getState: store.getState,
    getInitialState: store.getInitialState,
    subscribe(listener) {
      listeners.add(listener);
      unsubscribe ??= store.subscribe((state, previous) => {
        if (state.ui === previous.ui && state.lesson === previous.lesson) return;
        for (const each of [...listeners]) each(state, previous);
      });
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && unsubscribe) {
          unsubscribe();
          unsubscribe = null;
        }
      };
    },
  };
  views.set(store, view);
  return view;
}

/** `selector` must read nothing but `state.ui` and `state.lesson`: other changes do not reach it. */
export function useUiState<T>(selector: (state: AppState) => T): T {
  return useStore(uiViewOf(useLab().store) as StoreApi<AppState>, selector);
}
