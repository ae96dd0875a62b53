import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLab } from '../app/lab';
import { createAppStore, type AppState } from '../app/store';
import { LANE_LABELS, LINE_PACE_MS, LINES, NAMES, pacedViewOf, PIPELINE_NAMES, UI_ONLY, type PacedChannel } from './usePacedState';

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
    // No later publish: the trailing timer shows the last one a little after the pace is up
    // (a frame, had one come, would have shown it first).
    vi.advanceTimersByTime(LINE_PACE_MS + 20);
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

  it('while playing at 60 frames a second, each channel keeps its pace and no two pass on the same frame', () => {
    const store = storeAt(true);
    const channels: PacedChannel[] = [LINES, ...LANE_LABELS, NAMES, PIPELINE_NAMES];
    const shows = channels.map(() => [] as number[]);
    channels.forEach((channel, i) => pacedViewOf(store, channel).subscribe((state: AppState) => shows[i]!.push(state.sim.snapshot.nowMs)));
    // Two seconds of frames, each 1000/60 ms after the last; a publish per frame.
    for (let frame = 1; frame <= 120; frame++) {
      vi.advanceTimersByTime(1000 / 60);
      publishAt(store, frame);
    }
    // The first frame is due for all (nothing shown yet): they take it in turns; then one show
    // per boundary crossed (a channel with a late phase crosses one more in two seconds).
    expect(shows.map((s) => s.length)).toEqual([20, 20, 21, 4, 5]);
    const frames = shows.flat();
    expect(new Set(frames).size).toBe(frames.length);
  });

  it('while playing, a channel due in a frame another one took waits for the next frame, then keeps its pace', () => {
    const store = storeAt(true);
    const first: number[] = [];
    const second: number[] = [];
    // Same boundaries: a frame that comes late (a loaded machine) finds both due.
    const a = { paceMs: 100, phaseMs: 0 };
    const b = { paceMs: 100, phaseMs: 10 };
    pacedViewOf(store, a).subscribe((state: AppState) => first.push(state.sim.snapshot.nowMs));
    pacedViewOf(store, b).subscribe((state: AppState) => second.push(state.sim.snapshot.nowMs));
    vi.advanceTimersByTime(50);
    publishAt(store, 1);
    expect([first, second]).toEqual([[1], []]);
    publishAt(store, 2);
    expect([first, second]).toEqual([[1], [2]]);
    publishAt(store, 3);
    vi.advanceTimersByTime(5);
    publishAt(store, 4);
    expect([first, second]).toEqual([[1], [2]]);
    // Each boundary in a frame of its own: 100 then 110.
    vi.advanceTimersByTime(50);
    publishAt(store, 5);
    vi.advanceTimersByTime(10);
    publishAt(store, 6);
    expect([first, second]).toEqual([[1, 5], [2, 6]]);
    // The timer left by a skipped publish delivers the last one when no frame comes.
    vi.advanceTimersByTime(200);
    expect([first.at(-1), second.at(-1)]).toEqual([6, 6]);
  });

  it('a held channel passes nothing on while playing, catches up in the next frame once released, and is exact when stopped', () => {
    const store = storeAt(true);
    const view = pacedViewOf(store, LINES);
    const seen: number[] = [];
    view.subscribe((state: AppState) => seen.push(state.sim.snapshot.nowMs));
    const release = view.hold();
    for (let frame = 1; frame <= 20; frame++) {
      vi.advanceTimersByTime(1000 / 60);
      publishAt(store, frame);
    }
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([]);
    release();
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1000 / 60);
    publishAt(store, 21);
    expect(seen).toEqual([21]);
    // Held again, then the clock stops: what is read is exact.
    const again = view.hold();
    publishAt(store, 22);
    store.setState((s) => ({ ...s, playback: { ...s.playback, playing: false } }));
    expect(seen).toEqual([21, 22]);
    again();
  });
});
