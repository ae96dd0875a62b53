/**
 * The shareable part of the app state: what a link, the address bar and the locally kept run
 * hold. Playback (playing, speed) is left out on purpose: a shared run always opens paused.
 */
import { runLinkFragment, type SharedRun } from '../share';
import type { AppState } from './store';

export function sharedRunOf(state: AppState): SharedRun {
  return {
    scenario: state.run.scenario,
    interventions: [...state.run.interventions],
    playheadMs: state.sim.snapshot.nowMs,
    selection: state.ui.selection,
    view: state.ui.view,
  };
}

/** Whether a state change touched anything a link carries. */
export function sharedPartChanged(state: AppState, previous: AppState): boolean {
  return (
    state.run.scenario !== previous.run.scenario ||
    state.run.interventions !== previous.run.interventions ||
    state.sim.snapshot.nowMs !== previous.sim.snapshot.nowMs ||
    state.ui.selection !== previous.ui.selection ||
    state.ui.view !== previous.ui.view
  );
}

/** `#s=1.<data>` for the state. */
export function fragmentOf(state: AppState): string {
  return runLinkFragment(sharedRunOf(state));
}
