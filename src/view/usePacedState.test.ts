import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLab } from '../app/lab';
import { createAppStore, type AppState } from '../app/store';
import { LINE_PACE_MS, LINES, NAMES, pacedViewOf, UI_ONLY } from './usePacedState';

/** A store like the lab's, whose clock we move by hand. */
function storeAt(playing: boolean) {
  const store = createAppStore(createLab().store.getState());
  store.setState((s) => ({ ...s, playback: { ...s.playback, playing } }));
  return store;
}

function publishAt(store: ReturnType<typeof storeAt>, nowMs: number) {
  store.setState((s) => ({ ...s, sim: { ...s.sim, snapshot: { ...s.sim.snapshot, nowMs } } }));
}

describe('paced views of the store (names and drawn numbers while playing)', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('sees every publish while the clock is stopped: what tests read is exact', () => {
    const store = storeAt(false);
    const view = pacedViewOf(store, NAMES);
    const seen: number[] = [];
    view.subscribe((state) => seen.push(state.sim.snapshot.nowMs));
    for (const ms of [10, 20, 30]) publishAt(store, ms);
    expect(seen).toEqual([10, 20, 30]);
    expect(view.getState()).toBe(store.getState());
  });

  it('while playing, passes on at most one publish per pace, the last one by a timer, and all at once on pause', () => {
    const store = storeAt(true);
    const view = pacedViewOf(store, LINES);
    const seen: number[] = [];
    view.subscribe((state: AppState) => seen.push(state.sim.snapshot.nowMs));
    publishAt(store, 16);
    vi.advanceTimersByTime(16);
    publishAt(store, 33);
    vi.advanceTimersByTime(16);
    publishAt(store, 50);
    expect(seen).toEqual([16]);
    expect(view.getState().sim.snapshot.nowMs).toBe(16);
    // No later publish: the trailing timer shows the last one when the pace is up.
    vi.advanceTimersByTime(LINE_PACE_MS);
    expect(seen).toEqual([16, 50]);
    publishAt(store, 66);
    expect(seen).toEqual([16, 50]);
    store.setState((s) => ({ ...s, playback: { ...s.playback, playing: false } }));
    expect(seen).toEqual([16, 50, 66]);
    expect(view.getState()).toBe(store.getState());
  });

  it('while playing, a jump back in time and a change of selection are seen at once', () => {
    const store = storeAt(true);
    const view = pacedViewOf(store, NAMES);
    const seen: number[] = [];
    view.subscribe((state: AppState) => seen.push(state.sim.snapshot.nowMs));
    publishAt(store, 5000);
    publishAt(store, 1000);
    expect(seen).toEqual([5000, 1000]);
    store.setState((s) => ({ ...s, ui: { ...s.ui, selection: 'topic:orders' } }));
    expect(seen).toEqual([5000, 1000, 1000]);
  });

  it('the ui view hears a change of selection, stopped or playing, and no frame, yet hands out the present state', () => {
    const store = storeAt(true);
    const view = pacedViewOf(store, UI_ONLY);
    const seen: (string | null)[] = [];
    view.subscribe((state: AppState) => seen.push(state.ui.selection));
    publishAt(store, 16);
    publishAt(store, 33);
    expect(seen).toEqual([]);
    expect(view.getState()).toBe(store.getState());
    store.setState((s) => ({ ...s, ui: { ...s.ui, selection: 'topic:orders' } }));
    expect(seen).toEqual(['topic:orders']);
  });
});
