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
/**
 * A slice that ran at under this share of the usual pace (engine steps per wall millisecond)
 * marks the thread as slowed: V8 is then behind with marking a large heap and runs a marking
 * step on nearly every allocation, which makes allocating work twenty to thirty times slower.
 */
const SLOWED_BELOW = 1 / 4;
/** Engine events between two readings of the wall clock inside one call. */
const CLOCK_EVERY_EVENTS = 8;
/** How much of the way to a normal slice's pace the usual pace moves (an exponential average). */
const PACE_WEIGHT = 0.2;
/**
 * Slowed slices move the usual pace with this time constant (wall ms): a marking phase lasts
 * about half a second to a second and a half, and stays marked slowed throughout; a run whose
 * steps became dearer for good is followed within a few seconds.
 */
const SLOWED_PACE_FOLLOWS_MS = 3_000;
/** Slices with less engine time than this (wall ms) say nothing reliable about the pace. */
const MIN_MEASURED_MS = 4;

export class SliceRunner {
  private steps = FIRST_SLICE_STEPS;
  /** The usual pace, engine steps per wall ms (0 = not measured yet for this run). */
  private usualPace = 0;
  private slowedNow = false;

  /** `now`: the wall clock (tests pass a manual one: a slice then runs until its target). */
  constructor(private readonly now: () => number = () => performance.now()) {}

  /**
   * Whether the last measured slice ran far below the usual pace. Work that cannot stop midway
   * and allocates much (a publish: snapshot and React's render) would then take hundreds of
   * milliseconds in one task, so callers hold it back while this is true. Slowed slices also
   * pull the usual pace down (over seconds), so a run whose steps became dearer for good clears it.
   */
  get slowed(): boolean {
    return this.slowedNow;
  }

  /** A new run: its steps may cost anything, start small again. */
  reset(): void {
    this.steps = FIRST_SLICE_STEPS;
    this.usualPace = 0;
    this.slowedNow = false;
  }

  /** Runs toward `targetMs` until it is reached (true) or `wallBudgetMs` is spent (false). */
  run(live: LiveRun, targetMs: number, wallBudgetMs: number, ignoreCheckpointBudget: boolean): boolean {
    const pace = { ms: 0, steps: 0 };
    try {
      return this.runCalls(live, targetMs, wallBudgetMs, ignoreCheckpointBudget, pace);
    } finally {
      this.notePace(pace.ms, pace.steps);
    }
  }

  private runCalls(
    live: LiveRun,
    targetMs: number,
    wallBudgetMs: number,
    ignoreCheckpointBudget: boolean,
    pace: { ms: number; steps: number },
  ): boolean {
    const started = this.now();
    const spent = () => this.now() - started >= wallBudgetMs;
    // Asked between engine events: a call stops once the slice's budget is spent, even when its
    // steps cost far more than the last call's did (V8's marking steps can slow them twentyfold).
    // The clock is read at every eighth event: most events take microseconds.
    let asked = 0;
    const yieldNow = () => ++asked % CLOCK_EVERY_EVENTS === 0 && spent();
    for (let first = true; ; first = false) {
      const stepsBefore = live.simulation.stepsTaken();
      const callStarted = this.now();
      // A checkpoint copy is taken only at a slice's start: after the slice's engine work it
      // would make one long task of both (it waits at its grid slot for the next slice).
      const copyNow = first || callStarted - started < COPY_ONLY_WITHIN_MS;
      const reached = live.forwardInSlices(targetMs, this.steps, ignoreCheckpointBudget, copyNow, yieldNow);
      const took = this.now() - callStarted;
      if (!live.copiedInLastCall) {
        pace.ms += took;
        pace.steps += live.simulation.stepsTaken() - stepsBefore;
        if (took < 4) this.steps = Math.min(MAX_SLICE_STEPS, this.steps * 2);
        else if (took > 12) this.steps = Math.max(MIN_SLICE_STEPS, Math.floor(this.steps / 2));
      }
      if (reached) return true;
      if (live.copyWaits) return false;
      if (spent()) return false;
    }
  }

  /** Compares a slice's pace (engine calls without a copy) with the usual one, then updates that. */
  private notePace(engineMs: number, engineSteps: number): void {
    // A slice whose engine work was this short was not held up (whatever its pace): clearing
    // here also keeps a small run, whose slices are rarely long enough to measure, from staying
    // marked slowed after one slow slice (its views would stop following playback).
    if (engineMs < MIN_MEASURED_MS) {
      this.slowedNow = false;
      return;
    }
    const pace = engineSteps / engineMs;
    if (this.usualPace === 0) this.usualPace = pace;
    this.slowedNow = pace < this.usualPace * SLOWED_BELOW;
    const weight = this.slowedNow ? 1 - Math.exp(-engineMs / SLOWED_PACE_FOLLOWS_MS) : PACE_WEIGHT;
    this.usualPace += (pace - this.usualPace) * weight;
  }
}
