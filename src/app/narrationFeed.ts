/**
 * The screen-reader narration of a lab: watches its store and sends short messages for a polite
 * live region (src/view/a11y/NarrationRegion.tsx).
 *
 * - A learner's command (applied from the page, the console or a lesson) is answered at once,
 *   once: "email-0 crashed." or the refusal.
 * - While the run plays, what happens (narration.ts) is gathered into digests, at most one per
 *   `DIGEST_SPACING_MS` of wall time, so a screen reader is never flooded at 100× speed.
 * - A jump of the playhead (seek, scrub, step, reset, long work) says nothing while it lasts,
 *   then once it has settled for `SETTLE_MS`, one summary of where the run stands.
 *
 * Pacing reads an injected clock (wall time, with timers) so tests drive it without waiting.
 * The setting (narrationSetting.ts) chooses off, answers and summaries only, or everything.
 */
import type { SimEvent, TimedCommand } from '../engine';
import type { AppState, AppStore } from './store';
import {
  digestText,
  groupProgress,
  happeningsFromEvents,
  progressHappenings,
  type GroupProgress,
  type Happening,
} from './narration';
import { answerText, directSubjects, newInterventions } from './narrationAnswers';
import {
  readNarrationSetting,
  writeNarrationSetting,
  type NarrationSetting,
  type StorageSource,
} from './narrationSetting';
import { seekSummaryText } from './narrationSummary';

/** Wall time, and timers on it. */
export interface NarrationClock {
  now(): number;
  /** Calls `callback` after `delayMs`; returns a function that cancels the call. */
  after(delayMs: number, callback: () => void): () => void;
}

export interface NarrationMessage {
  /** Increasing: the live region keys its lines by it, so a repeated text is announced again. */
  id: number;
  text: string;
}

export interface NarrationFeed {
  /** The latest messages (at most `MESSAGE_CAP`), oldest first; a new array after each change. */
  messages(): readonly NarrationMessage[];
  setting(): NarrationSetting;
  setSetting(setting: NarrationSetting): void;
  /** Called after each message and setting change. */
  subscribe(listener: () => void): () => void;
  dispose(): void;
}

export const DIGEST_SPACING_MS = 5000;
/** A digest waits this long after its first happening, so a burst (crash, then rebalance) goes out as one. */
const GATHER_MS = 750;
/** A seek is settled once the playhead has not jumped for this long (a dragged scrubber jumps every frame). */
export const SETTLE_MS = 300;
/** Messages kept for the test API and the live region: everything stays bounded. */
const MESSAGE_CAP = 200;

function lastSeqOf(events: readonly SimEvent[]): number {
  return events[events.length - 1]?.seq ?? -1;
}

/** Events after `seq`, scanning from the end (the array is in seq order and usually long). */
function eventsAfter(events: readonly SimEvent[], seq: number): SimEvent[] {
  let i = events.length;
  while (i > 0 && events[i - 1]!.seq > seq) i--;
  return events.slice(i);
}

export function createNarrationFeed(
  store: AppStore,
  options: { clock: NarrationClock; storage?: StorageSource },
): NarrationFeed {
  const { clock } = options;
  const storage = options.storage ?? (() => null);
  let setting = readNarrationSetting(storage);
  let messages: readonly NarrationMessage[] = [];
  let nextId = 1;
  const listeners = new Set<() => void>();

  const seen = new WeakSet<TimedCommand>();
  let lastSeq = -1;
  let progress: GroupProgress = new Map();
  let pending: Happening[] = [];
  let pendingSinceMs = 0;
  let lastDigestMs = Number.NEGATIVE_INFINITY;
  /** Wall time of the latest jump not yet summarised, or null. */
  let jumpAtMs: number | null = null;
  /** The last update paused playback: a publish right after it shows frames played, not a jump. */
  let justPaused = false;
  let cancelTimer: (() => void) | null = null;
  /** When the armed timer is due (clock time). */
  let armedDueMs = Number.NaN;
  /** The run narrated: the store swaps the scenario before publishing the new run's first snapshot. */
  let scenario = store.getState().run.scenario;

  function notify(): void {
    for (const listener of [...listeners]) listener();
  }

  function send(text: string): void {
    messages = [...messages.slice(-(MESSAGE_CAP - 1)), { id: nextId++, text }];
    notify();
  }

  /**
   * A new run whose groups' progress is still to be measured, in a task after the one that
   * showed it (`measureProgress`): at the limits that is 16 groups' health, ~10 ms, in what is
   * already opening's longest task. Nothing can play in between: playing takes a frame.
   */
  let progressOf: AppState | null = null;
  let cancelProgress: (() => void) | null = null;

  /** Forgets what was pending and takes `state` as the point narration continues from. */
  function rebase(state: AppState, measureLater = false): void {
    for (const intervention of state.run.interventions) seen.add(intervention);
    lastSeq = lastSeqOf(state.sim.events);
    pending = [];
    cancelProgress?.();
    cancelProgress = null;
    progressOf = null;
    // During long work every publish is a jump, and measuring every group's health each time
    // costs tens of milliseconds at the limits: the publish that ends the work measures it.
    if (setting !== 'everything' || state.lab.work !== null) return;
    if (!measureLater) progress = groupProgress(state.sim.snapshot, state.sim.queries.health);
    else {
      progressOf = state;
      cancelProgress = clock.after(0, measureProgress);
    }
  }

  /** Measures the progress a rebase left for later (before any later update is narrated). */
  function measureProgress(): void {
    cancelProgress?.();
    cancelProgress = null;
    if (progressOf === null) return;
    progress = groupProgress(progressOf.sim.snapshot, progressOf.sim.queries.health);
    progressOf = null;
  }

  function digestDueMs(): number {
    return Math.max(lastDigestMs + DIGEST_SPACING_MS, pendingSinceMs + GATHER_MS);
  }

  function schedule(): void {
    let dueMs = Number.POSITIVE_INFINITY;
    // During long work every progress publish is a jump; the one that ends the work re-arms this.
    if (jumpAtMs !== null && store.getState().lab.work === null) dueMs = jumpAtMs + SETTLE_MS;
    if (pending.length > 0) dueMs = Math.min(dueMs, digestDueMs());
    // Playing publishes every frame, and the due time rarely moves: keep the timer armed for it
    // rather than cancel and set one again each frame.
    if (cancelTimer !== null && dueMs === armedDueMs) return;
    cancelTimer?.();
    cancelTimer = null;
    if (dueMs === Number.POSITIVE_INFINITY) return;
    armedDueMs = dueMs;
    cancelTimer = clock.after(Math.max(0, dueMs - clock.now()), tick);
  }

  function tick(): void {
    cancelTimer = null;
    const now = clock.now();
    const state = store.getState();
    if (jumpAtMs !== null && state.lab.work === null && now >= jumpAtMs + SETTLE_MS) {
      jumpAtMs = null;
      if (setting !== 'off') send(seekSummaryText(state.sim.snapshot, state.sim.queries.health));
    }
    if (pending.length > 0 && now >= digestDueMs()) {
      const text = digestText(pending);
      pending = [];
      lastDigestMs = now;
      if (text !== null && setting === 'everything') send(text);
    }
    schedule();
  }

  function onChange(next: AppState, prev: AppState): void {
    // Pausing publishes what the last frames played right after it, in the very next update.
    const afterPause = justPaused;
    justPaused = prev.playback.playing && !next.playback.playing;
    if (next.sim === prev.sim) return;
    if (next.run.scenario !== scenario) {
      // A new run: nothing of the old one is news. Opening it at a later playhead seeks (a jump).
      scenario = next.run.scenario;
      rebase(next, true);
      schedule();
      return;
    }
    measureProgress();
    const nowMs = next.sim.snapshot.nowMs;
    const prevMs = prev.sim.snapshot.nowMs;
    const endSeq = lastSeqOf(next.sim.events);
    const fresh = eventsAfter(next.sim.events, lastSeq);
    const actions =
      next.run.interventions === prev.run.interventions
        ? []
        : newInterventions(next.run.interventions, seen, nowMs);
    if (actions.length > 0 && setting !== 'off') send(answerText(actions, fresh, nowMs));
    const jumped =
      next.lab.work !== null ||
      endSeq < lastSeq ||
      nowMs < prevMs ||
      (nowMs !== prevMs && !next.playback.playing && !afterPause);
    if (jumped) {
      rebase(next);
      jumpAtMs = clock.now();
    } else if (setting === 'everything') {
      const subjects = directSubjects(actions);
      // What a command did at its instant is in its answer already.
      const narrated =
        actions.length === 0
          ? fresh
          : fresh.filter(
              (e) =>
                e.atMs !== nowMs ||
                !(
                  e.code === 'command.refused' ||
                  subjects.has(String(e.fields?.['instance'])) ||
                  subjects.has(String(e.fields?.['service']))
                ),
            );
      const { happenings, progress: nextProgress } = progressHappenings(
        progress,
        next.sim.snapshot,
        next.sim.queries.health,
      );
      progress = nextProgress;
      const found = [...happeningsFromEvents(narrated), ...happenings];
      if (found.length > 0) {
        if (pending.length === 0) pendingSinceMs = clock.now();
        pending.push(...found);
      }
    }
    lastSeq = endSeq;
    schedule();
  }

  rebase(store.getState());
  const unsubscribe = store.subscribe(onChange);

  return {
    messages: () => messages,
    setting: () => setting,
    setSetting(value) {
      if (value === setting) return;
      setting = value;
      writeNarrationSetting(storage, value);
      // Narration starts afresh: nothing gathered under the old setting is owed, not even the
      // summary of a jump that has not settled yet.
      rebase(store.getState());
      jumpAtMs = null;
      schedule();
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      unsubscribe();
      cancelProgress?.();
      cancelProgress = null;
      cancelTimer?.();
      cancelTimer = null;
      listeners.clear();
    },
  };
}

const feeds = new WeakMap<AppStore, NarrationFeed>();

/** Wall time in the browser (and in Node, for tests that do not inject a clock). */
const wallClock: NarrationClock = {
  now: () => performance.now(),
  after(delayMs, callback) {
    const handle = setTimeout(callback, delayMs);
    return () => clearTimeout(handle);
  },
};

/** The narration of a lab's store, made on first use and kept as long as the store. */
export function narrationFeedOf(store: AppStore): NarrationFeed {
  let feed = feeds.get(store);
  if (!feed) {
    feed = createNarrationFeed(store, { clock: wallClock, storage: () => globalThis.localStorage });
    feeds.set(store, feed);
  }
  return feed;
}
