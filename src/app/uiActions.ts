/**
 * The lab's actions on its page state alone (speed, message, selection, view settings): they
 * touch no run, so they live apart from the run's actions in lab.ts.
 */
import { clampSpeed } from './speed';
import type { AppState, AppStore, Selection, ViewSettings } from './store';

export function createUiActions(store: AppStore) {
  function setSpeed(speed: number): void {
    store.setState((state) => ({
      ...state,
      playback: { ...state.playback, speed: clampSpeed(speed) },
    }));
  }

  function showMessage(message: AppState['ui']['message']): void {
    store.setState((state) => ({ ...state, ui: { ...state.ui, message } }));
  }

  function select(selection: Selection): void {
    if (store.getState().ui.selection === selection) return;
    store.setState((state) => ({ ...state, ui: { ...state.ui, selection } }));
  }

  /** Sets one view setting (they travel in share links: primitives only). */
  function setView(key: string, value: ViewSettings[string]): void {
    store.setState((state) => ({
      ...state,
      ui: { ...state.ui, view: { ...state.ui.view, [key]: value } },
    }));
  }

  return { setSpeed, showMessage, select, setView };
}
