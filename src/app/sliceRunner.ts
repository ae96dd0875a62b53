/**
 * Runs a live run toward a time in short engine calls, so a caller can give the page the thread
 * back after a wall-time budget. The number of engine steps per call adapts so one call takes a
 * few milliseconds; it starts small for every new run (a step of a huge run can cost a hundred
 * times one of a preset) and grows.
 */
import type { LiveRun } from './liveRun';

const FIRST_SLICE_STEPS = 200;
const MAX_SLICE_STEPS = 100_000;
/**
 * The fewest steps a call takes: at the limits a step can cost a millisecond or more (a zero-time
 * batch), and a floor of 100 made single calls of 100–250 ms.
 */
const MIN_SLICE_STEPS = 10;
/** A checkpoint copy is taken by a slice's first call, or another this early in it (wall ms). */
const COPY_ONLY_WITHIN_MS = 5;

export class SliceRunner {
  private steps = FIRST_SLICE_STEPS;

  /** `now`: the wall clock (tests pass a manual one: a slice then runs until its target). */
  constructor(private readonly now: () => number = () => performance.now()) {}

  /** A new run: its steps may cost anything, start small again. */
  reset(): void {
    this.steps = FIRST_SLICE_STEPS;
  }

  /** Runs toward `targetMs` until it is reached (true) or `wallBudgetMs` is spent (false). */
  run(live: LiveRun, targetMs: number, wallBudgetMs: number, ignoreCheckpointBudget: boolean): boolean {
    const started = this.now();
    for (let first = true; ; first = false) {
      const callStarted = this.now();
      // A checkpoint copy is taken only at a slice's start: after the slice's engine work it
      // would make one long task of both (it waits at its grid slot for the next slice).
      const copyNow = first || callStarted - started < COPY_ONLY_WITHIN_MS;
      const reached = live.forwardInSlices(targetMs, this.steps, ignoreCheckpointBudget, copyNow);
      const took = this.now() - callStarted;
      if (!live.copiedInLastCall) {
        if (took < 4) this.steps = Math.min(MAX_SLICE_STEPS, this.steps * 2);
        else if (took > 12) this.steps = Math.max(MIN_SLICE_STEPS, Math.floor(this.steps / 2));
      }
      if (reached) return true;
      if (live.copyWaits) return false;
      if (this.now() - started >= wallBudgetMs) return false;
    }
  }
}
