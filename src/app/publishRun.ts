/**
 * Publishing: the live run's current moment into the lab's store, as one fresh snapshot with
 * its trace hash, events, queries and caption. Everything a view shows of a run comes through
 * here (engine → store → views).
 */
import type { Note, SimEvent, SimSnapshot, Summary } from '../engine';
import { currentCaption, summaryAtStart } from './captions';
import type { LiveRun } from './liveRun';
import { mergeRebalances } from './rebalanceMarks';
import { simQueries } from './simQueries';
import type { AppStore, Drawing } from './store';

export interface RunPublisher {
  /** Publishes the run's moment, drawn by the views at once unless `drawing` says otherwise (SimSlice). */
  publish(drawing?: Drawing): void;
  /**
   * Publishes as `publish`, unless building the snapshot runs past `budgetMs` of wall time: it
   * is then given up, nothing is published, and false says so (playback publishes later).
   */
  publishWithin(budgetMs: number): boolean;
  /** A new run was opened: nothing published so far belongs to it. */
  reset(): void;
}

/** `now`: the wall clock that times `publishWithin`. */
export function createRunPublisher(store: AppStore, run: () => LiveRun, published: () => void, now: () => number): RunPublisher {
  let publishedEvents: readonly SimEvent[] = [];
  let publishedEventsKey = '';
  /** The run's summary at t = 0, for notes whose claims compare with it (made once per run). */
  let startSummary: Summary | null = null;

  function eventsForStore(): readonly SimEvent[] {
    // The engine appends to (and trims) one array: copy it only when it changed.
    const events = run().simulation.events();
    const key = `${events.length}:${events[events.length - 1]?.seq ?? -1}:${events[0]?.seq ?? -1}`;
    if (key !== publishedEventsKey) {
      publishedEvents = events.slice();
      publishedEventsKey = key;
    }
    return publishedEvents;
  }

  function captionNow(): Note | null {
    const current = run();
    return currentCaption(current.simulation, current.scenario.notes, () => (startSummary ??= summaryAtStart(current.scenario)));
  }

  function publish(drawing: Drawing = 'now'): void {
    show(run().simulation.snapshot(), drawing);
  }

  function publishWithin(budgetMs: number): boolean {
    const started = now();
    const snapshot = run().simulation.trySnapshot(() => now() - started > budgetMs);
    if (snapshot) show(snapshot, 'now');
    return snapshot !== null;
  }

  /** Puts the run's moment, seen in `snapshot`, in the store. */
  function show(snapshot: SimSnapshot, drawing: Drawing): void {
    const current = run();
    store.setState((state) => ({
      ...state,
      run:
        state.run.interventions === current.interventions
          ? state.run
          : { ...state.run, interventions: current.interventions },
      sim: {
        snapshot,
        traceHash: current.simulation.traceHash(),
        events: eventsForStore(),
        queries: simQueries(current.simulation),
        caption: captionNow(),
        drawing,
      },
      lab: {
        ...state.lab,
        endMs: current.endMs,
        reachedMs: Math.max(state.lab.reachedMs, snapshot.nowMs),
        rebalances: mergeRebalances(state.lab.rebalances, snapshot.groups),
      },
    }));
    published();
  }

  function reset(): void {
    publishedEventsKey = '';
    startSummary = null;
  }

  return { publish, publishWithin, reset };
}
