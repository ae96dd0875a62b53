/**
 * Checkpoints for exact seeking: copies of the live simulation at times on a grid, so that
 * seeking to t restores the nearest copy at or before t and replays only the rest.
 *
 * Each checkpoint also remembers how many of the run's interventions had been applied
 * (`nextIntervention`): every intervention at or before the checkpoint's time, none after it.
 * When the intervention list changes from index k at time T, checkpoints after T or past k no
 * longer describe the run and are dropped.
 *
 * Bounded: at most `maxCount` checkpoints, and at most `maxTotalSize` summed over them (a copy's
 * size is estimated by the records its topics ever held, which read models and delivery stats
 * grow with); when over, the grid's interval doubles and every other checkpoint goes. A copy
 * costs wall time proportional to the world's size, so during playback a checkpoint is skipped
 * when the last copy's cost would exceed the overhead budget.
 */
import type { Simulation } from '../engine';

/** The one place that copies a simulation. */
export function forkOf(simulation: Simulation): Simulation {
  return simulation.fork();
}

export interface Checkpoint {
  timeMs: number;
  nextIntervention: number;
  simulation: Simulation;
  /** Estimated size: records appended to its topics so far (log end offsets summed). */
  size: number;
}

function estimatedSize(simulation: Simulation): number {
  let size = 0;
  for (const topic of simulation.snapshot().topics) for (const p of topic.partitions) size += p.logEndOffset;
  return size;
}

export interface CheckpointOptions {
  /** Initial grid interval in virtual milliseconds. */
  intervalMs?: number;
  maxCount?: number;
  /**
   * Bound on the summed estimated sizes. Copies share records, finished facts, lag samples and
   * the frozen bases of the per-order tables, so a copy holds little of its own (measured at
   * well under 100 bytes per unit for the checkout story): the default of 6,000,000 keeps
   * checkpoints to a few hundred MB at most.
   */
  maxTotalSize?: number;
  /**
   * With a budget b, a checkpoint is taken only when the wall time since the previous copy is at
   * least (1 / b − 1) times that copy's cost: b = 0.2 keeps copying under about 20 % of the time.
   */
  overheadBudget?: number;
  /** Wall clock in milliseconds (injected so tests stay deterministic). */
  wallClock?: () => number;
  /**
   * Longest a single copy may be predicted to take (wall ms). A copy is one task the page cannot
   * interrupt; in huge runs copies are skipped instead (seeking then replays from further back,
   * in slices). Predicted from the last copy's cost per engine step.
   */
  maxCopyMs?: number;
}

/**
 * Until a copy has been measured, cost per engine step is assumed at this (about 3× what small
 * runs measure), so the first copy of a huge run is skipped rather than taken blindly.
 */
const INITIAL_COPY_MS_PER_STEP = 0.001;

export class Checkpoints {
  private list: Checkpoint[] = [];
  private interval: number;
  private readonly maxCount: number;
  private readonly maxTotalSize: number;
  private readonly budget: number;
  private readonly wallClock: () => number;
  private lastCostMs = 0;
  private copyMsPerStep = INITIAL_COPY_MS_PER_STEP;
  private readonly maxCopyMs: number;
  private lastTakenWallMs = Number.NEGATIVE_INFINITY;

  constructor(options: CheckpointOptions = {}) {
    this.interval = options.intervalMs ?? 5_000;
    this.maxCount = options.maxCount ?? 64;
    this.maxTotalSize = options.maxTotalSize ?? 6_000_000;
    this.budget = options.overheadBudget ?? 0.2;
    this.wallClock = options.wallClock ?? (() => performance.now());
    this.maxCopyMs = options.maxCopyMs ?? 100;
  }

  get intervalMs(): number {
    return this.interval;
  }

  get count(): number {
    return this.list.length;
  }

  times(): number[] {
    return this.list.map((c) => c.timeMs);
  }

  /** Grid times in (fromMs, toMs] whose slot holds no checkpoint yet, in order. */
  wantedBetween(fromMs: number, toMs: number): number[] {
    const out: number[] = [];
    for (let t = (Math.floor(fromMs / this.interval) + 1) * this.interval; t <= toMs; t += this.interval) {
      if (!this.hasSlot(t)) out.push(t);
    }
    return out;
  }

  /** Whether the overhead budget allows copying now (always true with `ignoreBudget`). */
  affordable(ignoreBudget = false): boolean {
    if (ignoreBudget || this.lastCostMs === 0) return true;
    const waitMs = this.lastCostMs * (1 / this.budget - 1);
    return this.wallClock() - this.lastTakenWallMs >= waitMs;
  }

  /** Stores a copy of `simulation` (at its current time), unless its slot is taken. */
  take(simulation: Simulation, nextIntervention: number): void {
    const timeMs = simulation.now;
    if (timeMs <= 0 || this.hasSlot(timeMs)) return;
    const steps = Math.max(1, simulation.stepsTaken());
    if (this.copyMsPerStep * steps > this.maxCopyMs) return;
    const started = this.wallClock();
    const copy = forkOf(simulation);
    const ended = this.wallClock();
    this.lastCostMs = Math.max(0.01, ended - started);
    this.copyMsPerStep = this.lastCostMs / steps;
    this.lastTakenWallMs = ended;
    const at = this.list.findIndex((c) => c.timeMs > timeMs);
    const checkpoint = { timeMs, nextIntervention, simulation: copy, size: estimatedSize(copy) };
    if (at === -1) this.list.push(checkpoint);
    else this.list.splice(at, 0, checkpoint);
    while (this.list.length > this.maxCount || (this.list.length > 2 && this.totalSize() > this.maxTotalSize)) this.thin();
  }

  totalSize(): number {
    return this.list.reduce((sum, c) => sum + c.size, 0);
  }

  /** The latest checkpoint at or before `timeMs`. */
  nearest(timeMs: number): Checkpoint | undefined {
    let best: Checkpoint | undefined;
    for (const checkpoint of this.list) {
      if (checkpoint.timeMs > timeMs) break;
      best = checkpoint;
    }
    return best;
  }

  /** The intervention list changed from `index` on, at virtual time `timeMs`. */
  invalidate(index: number, timeMs: number): void {
    this.list = this.list.filter((c) => c.timeMs <= timeMs && c.nextIntervention <= index);
  }

  clear(): void {
    this.list = [];
    this.lastCostMs = 0;
    this.lastTakenWallMs = Number.NEGATIVE_INFINITY;
  }

  private slotOf(timeMs: number): number {
    return Math.floor(timeMs / this.interval);
  }

  private hasSlot(timeMs: number): boolean {
    const slot = this.slotOf(timeMs);
    return this.list.some((c) => this.slotOf(c.timeMs) === slot);
  }

  /** Doubles the grid interval and keeps the earliest checkpoint of each new slot. */
  private thin(): void {
    this.interval *= 2;
    const seen = new Set<number>();
    this.list = this.list.filter((c) => {
      const slot = this.slotOf(c.timeMs);
      if (seen.has(slot)) return false;
      seen.add(slot);
      return true;
    });
  }
}
