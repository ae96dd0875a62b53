/**
 * The shareable part of the app state: what a link, the address bar and the locally kept run
 * hold. Playback (playing, speed) is left out on purpose: a shared run always opens paused.
 */
import type { SharedRun } from '../share';
import { encodedRunFragment, runLinkFragment } from '../share/encodeRunLink';
import { encodeRunLinkOffThread } from '../share/encodeOffThread';
import type { AppState } from './store';
import { lessonFragment } from '../lessons/lessonLink';

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
function sharedPartChanged(state: AppState, previous: AppState): boolean {
  return (
    state.run.scenario !== previous.run.scenario ||
    state.run.interventions !== previous.run.interventions ||
    state.sim.snapshot.nowMs !== previous.sim.snapshot.nowMs ||
    state.ui.selection !== previous.ui.selection ||
    state.ui.view !== previous.ui.view ||
    lessonPlace(state) !== lessonPlace(previous)
  );
}

/**
 * The lesson and step being followed, as the address carries them: '' outside a lesson, and
 * for a lesson opened from a file (a link can name only the lessons LogScope ships; the run's
 * own link is written instead).
 */
function lessonPlace(state: AppState): string {
  const slice = state.lesson;
  return slice?.fromCatalogue ? lessonFragment(slice.lesson.id, slice.step) : '';
}

/**
 * Whether the address bar and the kept run should be written again. While playing, the moving
 * playhead alone does not count (writing a run at the limits compresses ~100 KB each time, and
 * nobody shares a link mid-play): what the user did (interventions, selection, view, a new
 * run) still does, and stopping writes the moment reached.
 */
export function shouldWriteRun(state: AppState, previous: AppState): boolean {
  if (!state.playback.playing) return previous.playback.playing || sharedPartChanged(state, previous);
  return (
    state.run.scenario !== previous.run.scenario ||
    state.run.interventions !== previous.run.interventions ||
    state.ui.selection !== previous.ui.selection ||
    state.ui.view !== previous.ui.view ||
    lessonPlace(state) !== lessonPlace(previous)
  );
}

let lastFragment: { state: AppState; fragment: string } | null = null;

/**
 * `#s=1.<data>` for the state. Compressing a run at the limits takes about 100 ms, and opening
 * a run asks for the fragment of the run it replaces, usually just written: the last answer is
 * kept while nothing a link carries changed.
 */
export function fragmentOf(state: AppState): string {
  // In a lesson the address names the lesson and its step: a class opens the same place.
  const place = lessonPlace(state);
  if (place !== '') return place;
  if (lastFragment !== null && !sharedPartChanged(state, lastFragment.state)) return lastFragment.fragment;
  const fragment = runLinkFragment(sharedRunOf(state));
  lastFragment = { state, fragment };
  return fragment;
}

/**
 * `fragmentOf`, with the compression done off the main thread (a run at the limits takes
 * hundreds of milliseconds to compress): for the writes that can wait for it.
 */
export async function fragmentOfOffThread(state: AppState): Promise<string> {
  const place = lessonPlace(state);
  if (place !== '') return place;
  if (lastFragment !== null && !sharedPartChanged(state, lastFragment.state)) return lastFragment.fragment;
  const fragment = encodedRunFragment(await encodeRunLinkOffThread(sharedRunOf(state)));
  lastFragment = { state, fragment };
  return fragment;
}
