/**
 * A selector over the store's `ui` and `lesson` slices only, for the many small views that ask
 * one question of them each (is this entity selected? does the lesson step point at it?).
 * Every store subscription runs its selector at every publish, and a pipeline with its side
 * panel holds well over a hundred entities, two such questions each: during playback that was
 * a good share of each frame's script for answers that change only on a click. Here one
 * subscription per store passes a change on only when `ui` or `lesson` is a new object, so
 * publishing a frame asks none of them (the view is usePacedState.ts's, unpaced).
 */
import { useStore } from 'zustand';
import type { AppState } from '../app/store';
import { useLab } from './labContext';
import { pacedViewOf, UI_ONLY } from './usePacedState';

/** `selector` must read nothing but `state.ui` and `state.lesson`: other changes do not reach it. */
export function useUiState<T>(selector: (state: AppState) => T): T {
  return useStore(pacedViewOf(useLab().store, UI_ONLY), selector);
}
