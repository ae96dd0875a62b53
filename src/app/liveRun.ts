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
import { createSimulation, type ApplyResult, type Command, type Scenario, type Simulation, type TimedCommand } from '../engine';
import { Checkpoints, forkOf, type CheckpointOptions } from './checkpoints';

export const MAX_RUN_MS = 86_400_000;

export function clampTime(timeMs: number): number {
  return Math.min(MAX_RUN_MS, Math.max(0, Math.round(timeMs)));
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

  constructor(
    readonly scenario: Scenario,
    interventions: readonly TimedCommand[] = [],
    private readonly options: LiveRunOptions = {},
  ) {
    this.list = sortedByTime(interventions);
    this.checkpoints = new Checkpoints(options);
    this.simulation = this.fresh();
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
   * the grid. `ignoreBudget` copies at every grid slot (an explicit seek or step); playback
   * honours the overhead budget so frames stay smooth.
   */
  forwardTo(targetMs: number, ignoreBudget = false): void {
    const target = clampTime(targetMs);
    if (target <= this.now) {
      // Events a command scheduled for this very moment run now, as they would on the way on.
      this.simulation.runUntil(this.now);
      this.applyDueAt(this.now);
      return;
    }
    for (const gridMs of this.checkpoints.wantedBetween(this.now, target)) {
      if (!this.checkpoints.affordable(ignoreBudget)) break;
      this.runSegment(gridMs);
      this.checkpoints.take(this.simulation, this.next);
    }
    this.runSegment(target);
  }

  /** Moves the playhead to `targetMs`: forward by running, backward from a checkpoint. */
  seek(targetMs: number): void {
    const target = clampTime(targetMs);
    const checkpoint = this.checkpoints.nearest(target);
    // Going back needs a checkpoint; going far forward may start from a later one.
    if (target < this.now || (checkpoint && checkpoint.timeMs - this.now > this.checkpoints.intervalMs)) {
      this.restoreBefore(target);
    }
    this.forwardTo(target, true);
  }

  /**
   * Applies a command at the playhead and records it. Later interventions are dropped (the
   * run forks here) and returned so the caller can offer to undo.
   */
  apply(command: Command): { result: ApplyResult; dropped: TimedCommand[] } {
    const atMs = this.now;
    const index = this.next;
    const dropped = this.list.slice(index);
    this.list = [...this.list.slice(0, index), { ...command, atMs } as TimedCommand];
    this.checkpoints.invalidate(index, atMs);
    const result = this.simulation.apply(command);
    this.next = index + 1;
    return { result, dropped };
  }

  /** Replaces the intervention list (undoing a fork) and moves the playhead to `playheadMs`. */
  replaceInterventions(interventions: readonly TimedCommand[], playheadMs: number): void {
    const next = sortedByTime(interventions);
    let index = 0;
    while (index < next.length && index < this.list.length && sameTimedCommand(next[index]!, this.list[index]!)) index++;
    const changedAtMs = Math.min(next[index]?.atMs ?? Number.POSITIVE_INFINITY, this.list[index]?.atMs ?? Number.POSITIVE_INFINITY);
    this.list = next;
    if (changedAtMs !== Number.POSITIVE_INFINITY) this.checkpoints.invalidate(index, changedAtMs);
    const target = clampTime(playheadMs);
    // The live simulation may hold interventions of the other branch: rebuild it.
    this.restoreBefore(Math.min(target, changedAtMs));
    this.forwardTo(target, true);
  }

  /** Restores the nearest checkpoint at or before `timeMs` (or t = 0) as the live simulation. */
  private restoreBefore(timeMs: number): void {
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
