/**
 * Selectors over the lab's store that, while the clock plays, see a publish at most a few times
 * a second of wall time instead of every frame; whenever the clock is stopped (paused, stepped,
 * seeked, a new run, an intervention, a selection) they see every publish, so what they show is
 * then exact. The browser test API drives time while paused: what e2e reads is exact.
 *
 * - `useNameState` (about twice a second): accessible names (`aria-label`) and `<title>`s of
 *   the pipeline's nodes, which no one sees. Changing them 60 times a second was a large share
 *   of each frame's DOM work (frame profiles, doc/benchmarks.md), and it did not help assistive
 *   technology either: a screen reader does not re-read a focused name because its digits move,
 *   and what happens during playback is announced once, in words, by the narration's live
 *   region (narrationFeed.ts). A name that lags the picture by at most half a second while
 *   playing, and is exact once paused, is better for it than a name rewritten every frame.
 * - `useLineState` (about ten times a second): the numbers drawn in the pipeline's nodes (end
 *   offsets, records sent, applied, behind, busy workers). At 60 changes a second no one can
 *   read them; ten a second still reads as counting. What must move smoothly (the lanes'
 *   offsets and lag bars, the travelling records) does not use this.
 * - `useLaneLabelState` (ten times a second too): the lanes' group-row labels, and
 *   `usePipelineNameState` (twice a second) the pipeline nodes' names, each in frames of their
 *   own (`PacedChannel`). The
 *   pipeline's are held while it is scrolled out of view (`useHoldWhileHidden`).
 *
 * A publish skipped while playing is delivered by a trailing timer if no later one comes.
 * `pacedViewOf` is exported for its test.
 */
import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import type { AppState } from '../app/store';
import { useLab } from './labContext';
import { useDrawnFrom } from './useAppStore';

type PacedView = Pick<StoreApi<AppState>, 'getState' | 'getInitialState' | 'subscribe'> & {
  /**
   * Holds the channel while its drawings are off screen: playing, it passes nothing on until
   * the last hold is released, then catches up in the next frame; stopped, it is exact as ever.
   */
  hold(): () => void;
};

/**
 * A paced channel: while playing, its listeners see a publish once per `paceMs` of wall time,
 * in the first frame after each boundary `phaseMs + k × paceMs`. The channels' boundaries are
 * kept apart by at least two frames (about 33 ms at 60 Hz), so their updates never land in the
 * same frame: each is a frame's extra work, and a frame that carried all of them was the slowest
 * twentieth of frames (the frame benchmark's p95, doc/benchmarks.md).
 */
export interface PacedChannel {
  readonly paceMs: number;
  readonly phaseMs: number;
}

/*
 * The phases, in frames of about 17 ms within each tenth of a second: the pipeline's numbers at
 * 0, half the lanes' labels at 33, names (every fifth tenth) at 50, the other half of the lanes'
 * labels at 67 (the pipeline's names at 50 in another tenth than the lanes'). The pipeline's
 * numbers stay in one frame: splitting them would repaint the whole diagram twice. The
 * labels and numbers of a tenth are thus drawn over five frames instead of one.
 */
/** Accessible names and titles (the lanes'): about twice a second while playing. */
export const NAMES: PacedChannel = { paceMs: 500, phaseMs: 50 };
/** The pipeline's accessible names and titles: twice a second, in other tenths than the lanes'. */
export const PIPELINE_NAMES: PacedChannel = { paceMs: 500, phaseMs: 350 };
/** The numbers drawn in the pipeline's nodes: about ten times a second. */
export const LINES: PacedChannel = { paceMs: 100, phaseMs: 0 };
/** The lanes' group-row labels (TopicLanes), ten times a second: even partitions, odd ones. */
export const LANE_LABELS: readonly [PacedChannel, PacedChannel] = [
  { paceMs: 100, phaseMs: 33 },
  { paceMs: 100, phaseMs: 67 },
];
/** The ui view: not paced, but deaf to everything but the ui and lesson slices. */
export const UI_ONLY: PacedChannel = { paceMs: 0, phaseMs: 0 };

/** Wall milliseconds between the drawn numbers' updates while playing (about ten a second). */
export const LINE_PACE_MS = LINES.paceMs;

/**
 * A trailing publish waits this long past its boundary: while playing, the next frame (about
 * 17 ms away) shows it inside the frame; the timer is for a clock that stopped publishing.
 */
const TRAILING_SLACK_MS = 50;

const views = new WeakMap<StoreApi<AppState>, Map<PacedChannel, PacedView>>();
/**
 * Per store, the publish a paced channel last passed on while playing: another channel due at
 * the same publish waits for the next frame, so two never share a frame even when frames come
 * late and irregularly (a loaded machine) and their boundaries fall into one frame.
 */
const lastPacedShow = new WeakMap<StoreApi<AppState>, { state: AppState | null }>();

/** Whether `state` must be seen at once: the clock is stopped or something other than time moved. */
function urgent(state: AppState, previous: AppState, shown: AppState): boolean {
  return (
    !state.playback.playing ||
    previous.playback.playing !== state.playback.playing ||
    state.run !== previous.run ||
    state.ui !== previous.ui ||
    state.lesson !== previous.lesson ||
    state.lab.work !== previous.lab.work ||
    // Time went back (a seek while playing): no stale figure from the other side of the jump.
    state.sim.snapshot.nowMs < shown.sim.snapshot.nowMs
  );
}

export function pacedViewOf(store: StoreApi<AppState>, channel: PacedChannel): PacedView {
  let byChannel = views.get(store);
  if (!byChannel) views.set(store, (byChannel = new Map()));
  let view = byChannel.get(channel);
  if (view) return view;
  let taken = lastPacedShow.get(store);
  if (!taken) lastPacedShow.set(store, (taken = { state: null }));
  const frame = taken;
  const { paceMs, phaseMs } = channel;
  /** The pace interval `time` falls in: a show is due when it differs from the last show's. */
  const slotOf = (time: number) => Math.floor((time - phaseMs) / paceMs);
  const listeners = new Set<(state: AppState, previous: AppState) => void>();
  let shown = store.getState();
  let shownSlot = -Infinity;
  let unsubscribe: (() => void) | null = null;
  let trailing: ReturnType<typeof setTimeout> | null = null;
  let holds = 0;
  const show = (state: AppState) => {
    if (trailing !== null) clearTimeout(trailing);
    trailing = null;
    shownSlot = slotOf(performance.now());
    if (state === shown) return;
    const previous = shown;
    shown = state;
    for (const each of [...listeners]) each(state, previous);
  };
  const onPublish = (state: AppState, previous: AppState) => {
    if (channel === UI_ONLY) {
      // The ui view (useUiState.ts): only a change of the ui or lesson slice is heard; what it
      // hands out stays the present state.
      if (state.ui !== previous.ui || state.lesson !== previous.lesson) show(state);
      else shown = state;
      return;
    }
    // Nothing these selectors read moved (the playback slice alone, say).
    if (state.sim === shown.sim && state.ui === shown.ui && state.lesson === shown.lesson && state.run === shown.run) return;
    if (urgent(state, previous, shown)) show(state);
    else if (holds > 0) {
      // Off screen: nothing to draw. Not even a trailing timer: releasing the hold catches up.
      if (trailing !== null) clearTimeout(trailing);
      trailing = null;
    } else if (slotOf(performance.now()) === shownSlot) trailing ??= setTimeout(onTrailing, untilNextSlot() + TRAILING_SLACK_MS);
    else if (frame.state !== state) {
      frame.state = state;
      show(state);
    } else {
      // Due, but this frame is taken: the next frame's publish shows it; the timer, re-armed from
      // this publish, only if no frame comes.
      if (trailing !== null) clearTimeout(trailing);
      trailing = setTimeout(onTrailing, TRAILING_SLACK_MS);
    }
  };
  const untilNextSlot = () => (shownSlot + 1) * paceMs + phaseMs - performance.now();
  // The pace is kept by `performance.now()` alone: a timer that fires early waits again.
  const onTrailing = () => {
    trailing = null;
    const wait = untilNextSlot();
    if (wait > 0) trailing = setTimeout(onTrailing, wait);
    else show(store.getState());
  };
  view = {
    // Unwatched, it follows the store (a first render sees the present).
    getState: () => (listeners.size === 0 ? store.getState() : shown),
    getInitialState: store.getInitialState,
    hold() {
      holds++;
      let held = true;
      return () => {
        if (!held) return;
        held = false;
        if (--holds > 0 || listeners.size === 0) return;
        // Due at once: the next frame shows the present (in its turn); stopped, now.
        shownSlot = -Infinity;
        if (!store.getState().playback.playing) show(store.getState());
        else trailing ??= setTimeout(onTrailing, TRAILING_SLACK_MS);
      };
    },
    subscribe(listener) {
      if (listeners.size === 0) {
        // Whatever was published while nobody listened is current at once.
        shown = store.getState();
        unsubscribe = store.subscribe(onPublish);
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && unsubscribe) {
          unsubscribe();
          unsubscribe = null;
          if (trailing !== null) clearTimeout(trailing);
          trailing = null;
        }
      };
    },
  };
  byChannel.set(channel, view);
  return view;
}

/** Accessible names and titles: exact while stopped, about twice a second while playing. */
export function useNameState<T>(selector: (state: AppState) => T): T {
  return useDrawnFrom(pacedViewOf(useLab().store, NAMES), selector);
}

/** The pipeline nodes' accessible names and titles: as `useNameState`, in frames of their own. */
export function usePipelineNameState<T>(selector: (state: AppState) => T): T {
  return useDrawnFrom(pacedViewOf(useLab().store, PIPELINE_NAMES), selector);
}

/** Numbers drawn in the pipeline's nodes: exact while stopped, about ten times a second while playing. */
export function useLineState<T>(selector: (state: AppState) => T): T {
  return useDrawnFrom(pacedViewOf(useLab().store, LINES), selector);
}

/** The group-row labels of the lanes of even (`parity` 0) or odd partitions: as `useLineState`, in frames of their own. */
export function useLaneLabelState<T>(selector: (state: AppState) => T, parity: 0 | 1): T {
  return useDrawnFrom(pacedViewOf(useLab().store, LANE_LABELS[parity]), selector);
}

/** The pipeline's numbers and names (its nodes'): held while the pipeline is off screen (PipelineView). */
export const PIPELINE_CHANNELS: readonly PacedChannel[] = [LINES, PIPELINE_NAMES];

/**
 * Holds `channels` while `hidden` (usually: their drawings are scrolled out of view), so that
 * playing draws nothing nobody sees; they catch up as soon as they are shown, and whenever the
 * clock stops they are exact whatever. `channels` must be a constant.
 */
export function useHoldWhileHidden(channels: readonly PacedChannel[], hidden: boolean): void {
  const { store } = useLab();
  useEffect(() => {
    if (!hidden) return;
    const releases = channels.map((channel) => pacedViewOf(store, channel).hold());
    return () => releases.forEach((release) => release());
  }, [store, channels, hidden]);
}
