/**
 * The run as a timeline: scenario + seed + timed interventions, the one live Simulation at the
 * playhead, and checkpoints for seeking. No store, no DOM: the run controller wraps it.
 *
 * Interventions are applied by this class at their times, interleaved with `runUntil` (an
 * intervention at t runs after every engine event due at or before t, exactly as the engine
 * applies a scenario action at t), so a run reached by playing, by seeking or by replaying from
 * 0 is the same run with the same trace hash. Invariant: every intervention at or before `now`
 * has been applied, none after it (`nextIntervention` indexes the first one not applied).
 */
import { createSimulation, limits, type ApplyResult, type Command, type Scenario, type Simulation, type TimedCommand } from '../engine';
import { estimateWork, workBudgetEndMs, workUntil, type WorkEstimate } from '../scenarios/workBudget';
import { Checkpoints, forkOf, type CheckpointOptions } from './checkpoints';

/** The latest moment a run may reach: the latest time a scenario may name. */
export const MAX_RUN_MS = limits.MAX_AT_MS;

export function clampTime(timeMs: number, endMs = MAX_RUN_MS): number {
  return Math.min(endMs, MAX_RUN_MS, Math.max(0, Math.round(timeMs)));
}

export interface LiveRunOptions extends CheckpointOptions {
  /** Check the engine's invariants after every event (tests). */
  checkInvariants?: boolean;
}

export class LiveRun {
  simulation: Simulation;
  private list: TimedCommand[];
  private next = 0;
  readonly checkpoints: Checkpoints;
  /**
   * The latest time this run may reach: the work budget's end for the scenario and its
   * interventions (at most 24 h), or earlier once a time was found where it cannot go on.
   */
  private budgetEndMs = 0;
  /** The work estimate of the scenario with every intervention of the run. */
  private estimate!: WorkEstimate;
  private stoppedAtMs = Number.POSITIVE_INFINITY;
  /**
   * False while the simulation stands inside a virtual instant (a slice stopped there): it
   * must not be copied, changed or shown as a finished moment until `settle()` or a slice ends.
   */
  private settled = true;
  /** The grid slot the slices are heading for (kept while a slice stands inside an instant). */
  private sliceGridMs: number | undefined;
  /** The time of a grid slot reached by a slice whose copy waits for the next slice's start. */
  private copyWaitsAtMs: number | undefined;
  /** Whether the last `forwardInSlices` call copied the simulation (a checkpoint). */
  copiedInLastCall = false;

  constructor(
    readonly scenario: Scenario,
    interventions: readonly TimedCommand[] = [],
    private readonly options: LiveRunOptions = {},
  ) {
    this.list = sortedByTime(interventions);
    this.checkpoints = new Checkpoints(options);
    this.simulation = this.fresh();
    this.estimateAgain();
  }

  private estimateAgain(): void {
    this.estimate = estimateWork(this.scenario, this.list);
    this.budgetEndMs = workBudgetEndMs(this.estimate);
  }

  /** Estimated work (budget units) to run from `fromMs` to `toMs`. */
  workBetween(fromMs: number, toMs: number): number {
    return workUntil(this.estimate, toMs) - workUntil(this.estimate, fromMs);
  }

  /** The latest virtual time this run may reach (work budget, or where it could not go on). */
  get endMs(): number {
    return Math.max(0, Math.min(this.budgetEndMs, this.stoppedAtMs));
  }

  /** The run could not go on past `timeMs` (an engine error there): it ends just before. */
  endBefore(timeMs: number): void {
    this.stoppedAtMs = Math.max(0, timeMs - 1);
  }

  get isSettled(): boolean {
    return this.settled;
  }

  /** Work budget end if `command` were applied now (for refusing what would exceed it). */
  endMsWith(command: Command): number {
    return workBudgetEndMs(estimateWork(this.scenario, [...this.list.slice(0, this.next), { ...command, atMs: this.now } as TimedCommand]));
  }

  get now(): number {
    return this.simulation.now;
  }

  get interventions(): readonly TimedCommand[] {
    return this.list;
  }

  /** Index of the first intervention not applied yet (all earlier ones are). */
  get nextIntervention(): number {
    return this.next;
  }

  /** Interventions after the playhead: applying a new one now drops them (a fork). */
  laterInterventions(): TimedCommand[] {
    return this.list.slice(this.next);
  }

  /** Due time of the next intervention not applied yet, or Infinity. */
  nextInterventionMs(): number {
    return this.list[this.next]?.atMs ?? Number.POSITIVE_INFINITY;
  }

  /**
   * Runs forward to `targetMs`, applying interventions on the way and leaving checkpoints on
   * the grid (the coarse one on the way, the fine one just before the target). `ignoreBudget`
   * copies at every such slot (an explicit seek or step); playback honours the overhead budget
   * so frames stay smooth.
   */
  forwardTo(targetMs: number, ignoreBudget = false): void {
    this.settle();
    const target = clampTime(targetMs, this.endMs);
    if (target <= this.now) {
      // Events a command scheduled for this very moment run now, as they would on the way on.
      this.simulation.runUntil(this.now);
      this.applyDueAt(this.now);
      return;
    }
    // Asked again after each copy: a copy may widen the coarse grid.
    let gridMs = this.checkpoints.nextWanted(this.now, target);
    while (gridMs !== undefined && this.checkpoints.affordable(ignoreBudget)) {
      this.runSegment(gridMs);
      this.checkpoints.take(this.simulation, this.next);
      gridMs = this.checkpoints.nextWanted(this.now, target);
    }
    this.runSegment(target);
  }

  /** Moves the playhead to `targetMs`: forward by running, backward from a checkpoint. */
  seek(targetMs: number): void {
    this.prepareSeek(targetMs);
    this.forwardTo(targetMs, true);
  }

  /**
   * The first half of a seek: going back (or far forward past a checkpoint) restores the
   * nearest checkpoint at or before the target; the caller then runs forward, at once or in
   * slices (`forwardInSlices`).
   */
  prepareSeek(targetMs: number): void {
    const target = clampTime(targetMs, this.endMs);
    const checkpoint = this.checkpoints.nearest(target);
    // Going back needs a checkpoint; going forward may start from a later one more than one
    // fine interval ahead.
    if (target < this.now || !this.settled || (checkpoint && checkpoint.timeMs - this.now > this.checkpoints.fineIntervalMs)) {
      this.restoreBefore(target);
    }
  }

  /**
   * Runs toward `targetMs` for at most about `maxSteps` engine steps, leaving checkpoints on
   * the grid as an explicit seek does; true once the target is reached. Calling it again goes
   * on exactly where it stopped: any slicing gives the run `forwardTo` gives.
   */
  forwardInSlices(targetMs: number, maxSteps: number, ignoreBudget = true, copyNow = true, shouldYield?: () => boolean): boolean {
    const target = clampTime(targetMs, this.endMs);
    this.copiedInLastCall = false;
    if (this.copyWaitsAtMs !== undefined) {
      // Stopped at a grid slot for its copy: taken as the first thing a slice does (unless the
      // run has moved since).
      if (this.copyWaitsAtMs !== this.now || !this.settled) this.copyWaitsAtMs = undefined;
      else if (!copyNow) return false;
      else {
        this.copyWaitsAtMs = undefined;
        this.checkpoints.take(this.simulation, this.next);
        this.copiedInLastCall = true;
        return this.now === target;
      }
    }
    if (target <= this.now && this.settled) {
      this.forwardTo(target, true);
      return true;
    }
    // Playback honours the checkpoint overhead budget (ignoreBudget false), as forwardTo does; a
    // slice that stopped inside the instant of a grid slot keeps that slot as its stop.
    const gridMs = !this.settled && this.sliceGridMs !== undefined && this.sliceGridMs <= target
      ? this.sliceGridMs
      : this.checkpoints.affordable(ignoreBudget) ? this.checkpoints.nextWanted(this.now, target) : undefined;
    this.sliceGridMs = gridMs;
    const stopMs = gridMs ?? target;
    while (this.next < this.list.length && this.list[this.next]!.atMs <= stopMs) {
      const intervention = this.list[this.next]!;
      if (!this.slice(Math.max(this.now, intervention.atMs), maxSteps, shouldYield)) return false;
      this.simulation.apply(intervention);
      this.next++;
    }
    if (!this.slice(stopMs, maxSteps, shouldYield)) return false;
    this.sliceGridMs = undefined;
    if (gridMs !== undefined) {
      if (!copyNow) {
        // A copy costs up to maxCopyMs: after this slice's engine work it would make one long
        // task of both, so it waits for the next slice (the run stands at a whole moment).
        this.copyWaitsAtMs = this.now;
        return false;
      }
      this.checkpoints.take(this.simulation, this.next);
      this.copiedInLastCall = true;
    }
    return stopMs === target;
  }

  /** Whether the last `forwardInSlices` call ended at a grid slot whose copy waits for the next slice. */
  get copyWaits(): boolean {
    return this.copyWaitsAtMs !== undefined;
  }


  /** Finishes the virtual instant a slice stopped inside, so the run stands at a whole moment. */
  settle(): void {
    if (this.settled) return;
    this.simulation.runUntil(this.now);
    this.settled = true;
    this.sliceGridMs = undefined;
  }

  /**
   * Rebuilds the live simulation at `timeMs`, a moment reached before (after an engine error,
   * the simulation that threw is discarded): from the nearest checkpoint, then forward.
   */
  rebuildAt(timeMs: number): void {
    this.restoreBefore(timeMs);
    this.forwardTo(timeMs, true);
  }

  private slice(timeMs: number, maxSteps: number, shouldYield: (() => boolean) | undefined): boolean {
    this.settled = this.simulation.runSteps(timeMs, maxSteps, shouldYield);
    return this.settled;
  }

  /**
   * Applies a command at the playhead and records it. Later interventions are dropped (the
   * run forks here) and returned so the caller can offer to undo.
   */
  apply(command: Command): { result: ApplyResult; dropped: TimedCommand[] } {
    this.settle();
    this.copyWaitsAtMs = undefined;
    const atMs = this.now;
    const index = this.next;
    const dropped = this.list.slice(index);
    this.list = [...this.list.slice(0, index), { ...command, atMs } as TimedCommand];
    this.checkpoints.invalidate(index, atMs);
    const result = this.simulation.apply(command);
    this.next = index + 1;
    this.estimateAgain();
    return { result, dropped };
  }

  /** Replaces the intervention list (undoing a fork) and moves the playhead to `playheadMs`. */
  replaceInterventions(interventions: readonly TimedCommand[], playheadMs: number): void {
    const next = sortedByTime(interventions);
    let index = 0;
    while (index < next.length && index < this.list.length && sameTimedCommand(next[index]!, this.list[index]!)) index++;
    const changedAtMs = Math.min(next[index]?.atMs ?? Number.POSITIVE_INFINITY, this.list[index]?.atMs ?? Number.POSITIVE_INFINITY);
    this.list = next;
    this.estimateAgain();
    if (changedAtMs !== Number.POSITIVE_INFINITY) this.checkpoints.invalidate(index, changedAtMs);
    const target = clampTime(playheadMs, this.endMs);
    // The live simulation may hold interventions of the other branch: rebuild it.
    this.restoreBefore(Math.min(target, changedAtMs));
    this.forwardTo(target, true);
  }

  /** Restores the nearest checkpoint at or before `timeMs` (or t = 0) as the live simulation. */
  private restoreBefore(timeMs: number): void {
    this.settled = true;
    this.sliceGridMs = undefined;
    this.copyWaitsAtMs = undefined;
    const checkpoint = this.checkpoints.nearest(timeMs);
    if (checkpoint) {
      this.simulation = forkOf(checkpoint.simulation);
      this.next = checkpoint.nextIntervention;
    } else {
      this.simulation = this.fresh();
      this.next = 0;
    }
  }

  private fresh(): Simulation {
    return createSimulation(this.scenario, { checkInvariants: this.options.checkInvariants ?? false });
  }

  /** Runs to `timeMs`, applying every intervention due at or before it at its own time. */
  private runSegment(timeMs: number): void {
    while (this.next < this.list.length && this.list[this.next]!.atMs <= timeMs) {
      const intervention = this.list[this.next]!;
      this.simulation.runUntil(Math.max(this.now, intervention.atMs));
      this.simulation.apply(intervention);
      this.next++;
    }
    this.simulation.runUntil(timeMs);
  }

  private applyDueAt(timeMs: number): void {
    while (this.next < this.list.length && this.list[this.next]!.atMs <= timeMs) {
      this.simulation.apply(this.list[this.next]!);
      this.next++;
    }
  }
}

function sortedByTime(list: readonly TimedCommand[]): TimedCommand[] {
  return list.map((c, i) => ({ c, i })).sort((a, b) => a.c.atMs - b.c.atMs || a.i - b.i).map(({ c }) => c);
}

function sameTimedCommand(a: TimedCommand, b: TimedCommand): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
