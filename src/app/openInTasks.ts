/**
 * Opening a run from input (the browser API's `load`, a file, a link) in tasks of its own, so
 * that none is long at the limits: reading the input (parsing, validating) is one task, starting
 * the engine (a new run at t = 0, its first snapshot) the next, and showing it (the store swap,
 * publishing, React's render of the new run and unmounting of the old one) the one after.
 * Measured on `budgetEdgeScenario` (doc/benchmarks.md, main-thread time on a loaded machine),
 * a link took one task of 135–240 ms; apart, reading it, starting and showing are 40–95 ms each.
 *
 * Between the tasks the page answers and the current run stays on screen, unchanged: a run
 * started but not shown yet is not in the store. An opening asked for later (another link, a
 * preset chosen meanwhile) wins: the earlier one is then dropped (`'superseded'`).
 */
import type { Scenario, TimedCommand } from '../engine';
import type { Lab } from './lab';
import { LiveRun } from './liveRun';
import { nextTask } from './nextTask';
import type { AppState } from './store';

/** A run whose engine is started but not shown yet (`lab.startRun`, then `lab.openStarted`). */
export interface StartedRun {
  readonly opening: number;
  readonly scenario: Scenario;
  readonly interventions: readonly TimedCommand[];
  /** Null when starting it failed: `openStarted` starts it again as `loadRun` does, reporting the error. */
  readonly run: LiveRun | null;
}

/**
 * Openings in the order they were asked for: one prepared over several tasks is shown only if
 * no opening asked for later has replaced the run meanwhile.
 */
export function createOpeningOrder() {
  let asked = 0;
  let shown = 0;
  return {
    /** A number for an opening asked for now (a later one wins over it). */
    beginOpening: (): number => ++asked,
    /** The run of opening `opening` replaced the lab's run. */
    shown(opening: number): void {
      shown = opening;
    },
    /** Whether an opening asked for later (or this one) has replaced the run already. */
    superseded: (opening: number): boolean => opening <= shown,
  };
}

/**
 * A run's engine made and run to t = 0, its first snapshot built, off the store: nothing on
 * screen changes until the lab shows it (`lab.openStarted`) in a later task.
 */
export function prepareRun(opening: number, scenario: Scenario, interventions: readonly TimedCommand[]): StartedRun {
  let started: LiveRun | null = new LiveRun(scenario, interventions);
  try {
    started.forwardTo(0, true);
    // Snapshots share what did not change with the previous one: publishing rebuilds it cheaply.
    started.simulation.snapshot();
  } catch {
    // Opened as `loadRun` would: the error is met again and reported by `guarded`.
    started = null;
  }
  return { opening, scenario, interventions, run: started };
}

/** How a started run is shown: its preset, playhead (null: t = 0, no seek) and, from a link, selection and view. */
export interface ShownRun {
  presetId: string | null;
  playheadMs: number | null;
  selection?: AppState['ui']['selection'];
  view?: AppState['ui']['view'];
}

export type OpeningOutcome = 'opened' | 'superseded';

/** What to open: the run (already validated) and how to show it. */
export interface OpeningRequest extends ShownRun {
  scenario: Scenario;
  interventions: readonly TimedCommand[];
}

/** The latest opening under way in each lab, for whoever must wait for it (startup, tests). */
const underWay = new WeakMap<Lab, Promise<unknown>>();

/**
 * Starts `request`'s engine in the next task and shows it in the one after. `opening` is the
 * number `lab.beginOpening()` gave when the input was asked for (before reading it), so that
 * an opening asked for later wins even if its input took longer to read. Resolves once the run
 * is shown, or dropped.
 */
export function openInTasks(
  lab: Lab,
  opening: number,
  request: OpeningRequest,
): Promise<OpeningOutcome> {
  const done = (async (): Promise<OpeningOutcome> => {
    await nextTask();
    const started = lab.startRun(opening, request.scenario, request.interventions);
    if (started === null) return 'superseded';
    await nextTask();
    // A far playhead goes on as long work (`lab.workDone()`), in slices.
    return lab.openStarted(started, request) === null ? 'superseded' : 'opened';
  })();
  underWay.set(lab, done);
  return done;
}

/** Resolves once the lab's latest opening in tasks (if any) has been shown or dropped. */
export async function openingSettled(lab: Lab): Promise<void> {
  let current = underWay.get(lab);
  while (current !== undefined) {
    await current;
    const next = underWay.get(lab);
    if (next === current) break;
    current = next;
  }
}
