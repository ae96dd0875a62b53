/**
 * Checkpoints for exact seeking: copies of the live simulation at times on a grid, so that
 * seeking to t restores the nearest copy at or before t and replays only the rest.
 *
 * Each checkpoint also remembers how many of the run's interventions had been applied
 * (`nextIntervention`): every intervention at or before the checkpoint's time, none after it.
 * When the intervention list changes from index k at time T, checkpoints after T or past k no
 * longer describe the run and are dropped.
 *
 * Two grids. Within `denseSpanMs` of the playhead (the time of the copy taken last) checkpoints
 * stay on the fine grid (`intervalMs`), so scrubbing near where the user is replays a few seconds
 * at most; elsewhere they sit on a coarse grid, a power-of-two multiple of the fine one that
 * covers the whole run. Bounded: at most `maxCount` checkpoints, and at most `maxTotalBytes`
 * held by them together. When over, fine checkpoints far from the playhead go first (each
 * coarse slot keeps its earliest), then the coarse grid doubles.
 *
 * What a checkpoint holds is estimated from the snapshot (`copySizeOf`, `heldBytes`): copies
 * share rolled segments, finished facts, lag samples, all but the newest chunks of the read
 * models' per-order tables (src/engine/chunkedTable.ts) and of the per-key order checker's tables
 * (src/engine/cowChunks.ts), so a copy holds about 0.9 MiB of its own at 100 orders/s (the
 * active segments' record arrays, the consistency facts' pending chunks, mostly) plus the records
 * appended since the previous checkpoint, which it keeps alive once retention deletes them from
 * the run. The constants are measured in Chromium by `bench/checkpointMemory.browser.ts`
 * (figures in doc/benchmarks.md).
 *
 * A copy costs wall time proportional to what it copies, so during playback a checkpoint is
 * skipped when the last copy's cost would exceed the overhead budget, a copy predicted to take
 * longer than `maxCopyMs` is skipped always, and one only for the dense span when predicted
 * over `maxDenseCopyMs`.
 */
import type { SimSnapshot, Simulation } from '../engine';

/** The one place that copies a simulation. */
export function forkOf(simulation: Simulation): Simulation {
  return simulation.fork();
}

export interface Checkpoint {
  timeMs: number;
  nextIntervention: number;
  simulation: Simulation;
  size: CopySize;
}

/** What a copy holds, as the checkpoint budget counts it. */
export interface CopySize {
  /** Bytes it holds of its own whatever other copies exist: per-key indexes, histories, entities. */
  ownBytes: number;
  /** Entries of the per-key tables that are CowMaps (`project`'s rows) at its time. */
  tableEntries: number;
  /** Records ever appended (the sum of log end offsets) and those retained, at its time. */
  appendedRecords?: number;
  retainedRecords?: number;
}

/**
 * Per copy: entity objects, lag and disagreement histories (bounded), the event list's tail, the
 * consistency facts' pending chunks, and the chunks of the per-key order checker's tables that
 * the run writes before the next copy (src/engine/cowChunks.ts: a few per table).
 */
const BYTES_PER_COPY = 368 * 1024;
/** Per retained record, copied by each copy: the active segments' record arrays (rolled segments are shared). */
const BYTES_PER_RETAINED_RECORD = 4;
/**
 * Per record: what it takes in the log (columns, its payload) and in the consistency facts.
 * Copies share a record while the run retains it; once retention deletes it, the checkpoints that
 * still hold it keep it alive: checkpoints over a whole run keep every record of it.
 */
const BYTES_PER_RECORD = 300;
/** Per entry of a CowMap table (a Map entry, its key shared with the record). */
const BYTES_PER_TABLE_ENTRY = 34;
/**
 * Per ChunkedTable (the order handlers' tables, src/engine/chunkedTable.ts), copied by each copy:
 * the chunks written since the previous copy (two or three of 1,024 slots), and per entry its
 * share of the chunk directories.
 */
const BYTES_PER_CHUNKED_TABLE = 16 * 1024;
const BYTES_PER_CHUNKED_ENTRY = 1 / 64;
/**
 * ChunkedTables a handler keeps, one entry per record applied (src/engine/service/
 * orderHandlers.ts); `project` keeps a CowMap instead, `noop` and `acceptOrder` none.
 */
const CHUNKED_TABLES_PER_HANDLER: Readonly<Record<string, number>> = {
  sendReceipt: 1,
  shipOrder: 1,
  reserveStock: 1,
  chargePayment: 2,
  scoreFraud: 2,
};

/** What a copy of the simulation whose snapshot is `snapshot` would hold. */
export function copySizeOf(snapshot: SimSnapshot): CopySize {
  let retainedRecords = 0;
  let appendedRecords = 0;
  for (const topic of snapshot.topics) {
    for (const p of topic.partitions) {
      retainedRecords += p.logEndOffset - p.logStartOffset;
      appendedRecords += p.logEndOffset;
    }
  }
  let tableEntries = 0;
  let chunkedBytes = 0;
  for (const group of snapshot.groups) {
    const chunked = CHUNKED_TABLES_PER_HANDLER[group.handler] ?? 0;
    if (chunked > 0) chunkedBytes += chunked * (BYTES_PER_CHUNKED_TABLE + BYTES_PER_CHUNKED_ENTRY * group.readModelApplied);
    else if (group.handler === 'project') tableEntries += group.readModelApplied;
  }
  const ownBytes = BYTES_PER_COPY + BYTES_PER_RETAINED_RECORD * retainedRecords + chunkedBytes;
  return { ownBytes, tableEntries, appendedRecords, retainedRecords };
}

/** Bytes a copy takes to make: what it holds itself, with its CowMaps' recent writes (an eighth of them on average). */
function copiedBytes(size: CopySize): number {
  return size.ownBytes + (BYTES_PER_TABLE_ENTRY * size.tableEntries) / 8;
}

/**
 * Bytes a checkpoint of `size` holds, the previous checkpoint being of `previous`: what it
 * copied; the records appended since the previous checkpoint that it still retains (once the run
 * deletes them, the checkpoints are what keeps them; earlier ones the previous checkpoint
 * holds too); and for CowMap tables, their frozen bases. A CowMap's base is shared until the run
 * merges its recent writes into a new one, after a quarter of the table's size in writes, so a
 * copy Δ entries after the previous one has a base of its own with a probability of about
 * 4Δ / S: it holds min(S, 4Δ) entries of base on average. ChunkedTables have no bases: a copy
 * holds the few chunks written since the previous one (in `ownBytes`).
 */
function heldBytes(size: CopySize, previous: CopySize | undefined): number {
  const grown = Math.max(0, size.tableEntries - (previous?.tableEntries ?? 0));
  const retained = size.retainedRecords ?? 0;
  const newRecords = Math.min(retained, Math.max(0, (size.appendedRecords ?? 0) - (previous?.appendedRecords ?? 0)));
  return copiedBytes(size) + BYTES_PER_TABLE_ENTRY * Math.min(size.tableEntries, 4 * grown) + BYTES_PER_RECORD * newRecords;
}

export interface CheckpointOptions {
  /** The fine grid's interval in virtual milliseconds (near the playhead). */
  intervalMs?: number;
  /** Checkpoints within this much virtual time of the playhead stay on the fine grid. */
  denseSpanMs?: number;
  maxCount?: number;
  /**
   * Bound on the bytes the checkpoints hold together (estimated; default 576 MiB). A 10-minute
   * run of the checkout story at 100 records/s stays on the fine grid (about 115 MiB); an hour of
   * the email-outage topology at 100 orders/s keeps a coarse grid of 10 s (about 370 checkpoints,
   * 540 MiB: the records of the hour that the checkpoints keep, about 205 MiB, and about 0.9 MiB
   * per copy), so no seek there replays more than 10 s.
   */
  maxTotalBytes?: number;
  /** What a copy of `simulation` would hold (injected by tests). */
  sizeOf?: (simulation: Simulation) => CopySize;
  /**
   * With a budget b, a checkpoint is taken only when the wall time since the previous copy is at
   * least (1 / b − 1) times that copy's cost: b = 0.2 keeps copying under about 20 % of the time.
   */
  overheadBudget?: number;
  /** Wall clock in milliseconds (injected so tests stay deterministic). */
  wallClock?: () => number;
  /**
   * Longest a single copy may be predicted to take (wall ms; default 200, issue 20's longest
   * task). A copy is one task the page cannot interrupt; in huge runs copies are skipped instead
   * (seeking then replays from further back, in slices).
   */
  maxCopyMs?: number;
  /**
   * Longest a copy for the dense span only (its coarse slot already holds one) may be predicted
   * to take (default 100 ms). Such a copy makes scrubbing nearby cheaper but blocks the seek or
   * frame that takes it; where copies are slower the coarse grid alone has to do.
   */
  maxDenseCopyMs?: number;
}

/**
 * Until a copy has been measured, its cost is predicted from the engine steps taken at this
 * rate (about 3× what small runs measure), so the first copy of a huge run is skipped rather
 * than taken blindly.
 */
const INITIAL_COPY_MS_PER_STEP = 0.001;
/** A copy's cost is predicted from the lowest cost per byte of this many recent copies. */
const COPY_RATES_KEPT = 5;
/**
 * Bytes counted on top of what a copy holds when predicting its cost from another's: a small
 * copy's cost is mostly fixed (and the first ones run cold), so it does not scale up in full.
 */
const COPY_FIXED_BYTES = 2 ** 20;

export class Checkpoints {
  /** In time order. */
  private list: Checkpoint[] = [];
  private readonly fine: number;
  private coarse: number;
  private readonly denseSpan: number;
  private readonly maxCount: number;
  private readonly maxTotalBytes: number;
  private readonly sizeOf: (simulation: Simulation) => CopySize;
  private readonly budget: number;
  private readonly wallClock: () => number;
  private readonly maxCopyMs: number;
  private readonly maxDenseCopyMs: number;
  private lastCostMs = 0;
  private lastTakenWallMs = Number.NEGATIVE_INFINITY;
  /** Wall ms per byte copied (COPY_FIXED_BYTES included) of the most recent copies. */
  private copyRates: number[] = [];

  constructor(options: CheckpointOptions = {}) {
    this.fine = options.intervalMs ?? 5_000;
    this.coarse = this.fine;
    this.denseSpan = options.denseSpanMs ?? 4 * this.fine;
    this.maxCount = options.maxCount ?? 512;
    this.maxTotalBytes = options.maxTotalBytes ?? 576 * 2 ** 20;
    this.sizeOf = options.sizeOf ?? ((simulation) => copySizeOf(simulation.snapshot()));
    this.budget = options.overheadBudget ?? 0.2;
    this.wallClock = options.wallClock ?? (() => performance.now());
    this.maxCopyMs = options.maxCopyMs ?? 200;
    this.maxDenseCopyMs = options.maxDenseCopyMs ?? 100;
  }

  /** The coarse grid's interval: every stretch of the run this long holds a checkpoint. */
  get intervalMs(): number {
    return this.coarse;
  }

  /** The fine grid's interval, kept near the playhead. */
  get fineIntervalMs(): number {
    return this.fine;
  }

  get count(): number {
    return this.list.length;
  }

  times(): number[] {
    return this.list.map((c) => c.timeMs);
  }

  /**
   * The first grid time in (fromMs, toMs] whose slot holds no checkpoint yet: on the coarse grid
   * all the way; on the fine grid only the last slot at or before `toMs` (within the dense span),
   * where the run is going. So a seek takes at most one fine copy, the one that makes scrubbing
   * back from its target cheap (each copy costs about as much as a restore), and playback in
   * short steps still takes every fine slot as it passes.
   */
  nextWanted(fromMs: number, toMs: number): number | undefined {
    let wanted: number | undefined;
    for (let t = (Math.floor(fromMs / this.coarse) + 1) * this.coarse; t <= toMs; t += this.coarse) {
      if (!this.holds(t, this.coarse)) {
        wanted = t;
        break;
      }
    }
    const fine = Math.floor(toMs / this.fine) * this.fine;
    if (fine > fromMs && fine > toMs - this.denseSpan && fine < (wanted ?? Number.POSITIVE_INFINITY) && !this.holds(fine, this.fine)) return fine;
    return wanted;
  }

  /** Whether the overhead budget allows copying now (always true with `ignoreBudget`). */
  affordable(ignoreBudget = false): boolean {
    if (ignoreBudget || this.lastCostMs === 0) return true;
    const waitMs = this.lastCostMs * (1 / this.budget - 1);
    return this.wallClock() - this.lastTakenWallMs >= waitMs;
  }

  /** Stores a copy of `simulation` (at its current time), unless its fine slot is taken. */
  take(simulation: Simulation, nextIntervention: number): void {
    const timeMs = simulation.now;
    if (timeMs <= 0 || this.holds(timeMs, this.fine)) return;
    const size = this.sizeOf(simulation);
    const bytes = copiedBytes(size);
    const limitMs = this.holds(timeMs, this.coarse) ? Math.min(this.maxCopyMs, this.maxDenseCopyMs) : this.maxCopyMs;
    if (this.predictedCopyMs(simulation, bytes) > limitMs) return;
    const started = this.wallClock();
    const copy = forkOf(simulation);
    const ended = this.wallClock();
    this.lastCostMs = Math.max(0.01, ended - started);
    this.lastTakenWallMs = ended;
    this.copyRates = [...this.copyRates.slice(1 - COPY_RATES_KEPT), this.lastCostMs / (bytes + COPY_FIXED_BYTES)];
    this.list.splice(this.indexAfter(timeMs), 0, { timeMs, nextIntervention, simulation: copy, size });
    this.thin(timeMs);
  }

  /** Estimated bytes the checkpoints hold together (what dropping them all would free). */
  totalBytes(): number {
    return this.heldEach().reduce((sum, bytes) => sum + bytes, 0);
  }

  /** Estimated bytes each checkpoint holds, in time order (it depends on the one before). */
  private heldEach(): number[] {
    return this.list.map((c, i) => heldBytes(c.size, this.list[i - 1]?.size));
  }

  /** The latest checkpoint at or before `timeMs`. */
  nearest(timeMs: number): Checkpoint | undefined {
    return this.list[this.indexAfter(timeMs) - 1];
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

  /**
   * From the lowest cost per byte of the last copies: a copy does the same work each time, and
   * what makes one slower (a garbage collection, a busy machine, code not yet optimised) must
   * not stop copying for good. Before the first copy, from the engine steps taken.
   */
  private predictedCopyMs(simulation: Simulation, bytes: number): number {
    if (this.copyRates.length === 0) return INITIAL_COPY_MS_PER_STEP * Math.max(1, simulation.stepsTaken());
    return Math.min(...this.copyRates) * (bytes + COPY_FIXED_BYTES);
  }

  /** Index of the first checkpoint after `timeMs` (binary search). */
  private indexAfter(timeMs: number): number {
    let low = 0;
    let high = this.list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.list[middle]!.timeMs <= timeMs) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Whether the slot of `timeMs` on a grid of `intervalMs` holds a checkpoint. */
  private holds(timeMs: number, intervalMs: number): boolean {
    const slotStart = Math.floor(timeMs / intervalMs) * intervalMs;
    const before = this.list[this.indexAfter(slotStart + intervalMs - 1) - 1];
    return before !== undefined && before.timeMs >= slotStart;
  }

  private overBudget(): boolean {
    return this.list.length > this.maxCount || this.totalBytes() > this.maxTotalBytes;
  }

  /**
   * Back under budget, around the playhead at `focusMs`. Far checkpoints other than the
   * earliest of their coarse slot go first. The dense span keeps at most half the budget: while
   * it holds more, it narrows (its edge checkpoints count as far from then on). Otherwise the
   * coarse grid doubles. The newest checkpoint and one other always stay.
   */
  private thin(focusMs: number): void {
    let span = this.denseSpan;
    const isNear = (c: Checkpoint) => Math.abs(c.timeMs - focusMs) <= span;
    while (this.list.length > 2 && this.overBudget()) {
      const seen = new Set<number>();
      const kept = this.list.filter((c) => {
        if (isNear(c)) return true;
        const slot = Math.floor(c.timeMs / this.coarse);
        if (seen.has(slot)) return false;
        seen.add(slot);
        return true;
      });
      if (kept.length < this.list.length) {
        this.list = kept;
        continue;
      }
      const held = this.heldEach();
      const near = this.list.filter((c) => isNear(c) && c.timeMs !== focusMs);
      const nearBytes = this.list.reduce((sum, c, i) => (near.includes(c) ? sum + held[i]! : sum), 0);
      const farCount = this.list.length - near.length - 1;
      if (near.length > 0 && (farCount < 2 || nearBytes > this.maxTotalBytes / 2 || near.length > this.maxCount / 2)) {
        span = Math.max(...near.map((c) => Math.abs(c.timeMs - focusMs))) - 1;
      } else {
        this.coarse *= 2;
      }
    }
  }
}
