/**
 * The engine's guard against work that never lets the virtual clock move. Every dispatched
 * event and every processed record is a step; a legal scenario within the work budget takes
 * far fewer steps at one virtual instant than this bound, so reaching it proves a loop (for
 * example services that take no time feeding each other's topics) and the run stops with an
 * error that says so, instead of freezing the tab or overflowing the stack.
 */
import type { SimTimeMs } from '../types';

/**
 * Steps (events dispatched + records processed) allowed at one virtual instant: above the
 * scenario work budget (src/scenarios/workBudget.ts, whose test checks the relation), since a
 * scenario within the budget may do all of its work at one instant (a backlog met by services
 * that take no time). Loops are refused before they run (validation, and commands such as
 * `slow` that would create one); this bound is the last line.
 */
export const MAX_STEPS_AT_ONE_INSTANT = 60_000_000;

/**
 * Records processed back to back without virtual time passing before the loop hands over to a
 * continuation event at the same instant, so one engine step stays short and a caller can
 * slice a long run (`Simulation.runSteps`).
 */
export const ZERO_TIME_RECORDS_PER_STEP = 1_000;

export class NoProgressError extends Error {
  override readonly name = 'NoProgressError';
  constructor(
    readonly atMs: SimTimeMs,
    readonly steps: number,
  ) {
    super(
      `the run cannot make progress: more than ${steps} steps at virtual time ${atMs} ms without the clock moving ` +
        '(services that take no time feeding each other in a loop?)',
    );
  }
}

/** Counts steps and throws once one instant has taken more than `limit`. */
export class StepCounter {
  /** Every step so far (monotone; `runSteps` slices by it). */
  total = 0;
  private instantMs = -1;
  private atInstant = 0;

  constructor(private readonly limit: number) {}

  step(nowMs: SimTimeMs): void {
    this.total++;
    if (nowMs !== this.instantMs) {
      this.instantMs = nowMs;
      this.atInstant = 0;
    }
    if (++this.atInstant > this.limit) throw new NoProgressError(nowMs, this.limit);
  }
}
