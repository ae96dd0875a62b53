/**
 * What the lab does when the engine throws: the simulation that threw is discarded, the run is
 * rebuilt at the last moment the views showed, and it ends before the moment that failed (the
 * same deterministic run would fail there again). Returns the alert's text.
 */
import { NoProgressError } from '../engine';
import { formatClock } from '../scenarios/workBudget';
import type { LiveRun } from './liveRun';

export function recoverRun(run: LiveRun, error: unknown, shownMs: number): string {
  const failedAtMs = error instanceof NoProgressError ? error.atMs : run.now;
  const lastGoodMs = Math.max(0, Math.min(shownMs, failedAtMs - 1));
  run.endBefore(failedAtMs);
  try {
    run.rebuildAt(lastGoodMs);
  } catch {
    run.rebuildAt(0);
  }
  const reason = error instanceof Error ? error.message : String(error);
  return `The run stopped at ${formatClock(failedAtMs)}: ${reason}. It ends there; the lab shows the last good moment, ${formatClock(run.now)}.`;
}
