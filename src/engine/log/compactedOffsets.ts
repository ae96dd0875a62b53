/**
 * The offsets compaction removed from one partition (its gaps), as sorted, disjoint,
 * non-touching [start, end) runs. Offsets are never renumbered, so a gap stays a gap after
 * retention deleted the segment it was in: delivery stats use this to tell a record that was
 * superseded by a newer value of its key (not lost) from one lost to retention.
 *
 * Size: compaction keeps at most one record per key in the cleaned part, so the runs between
 * survivors number about the keys; they only grow when a key's last record is deleted by
 * retention. Beyond `COMPACTED_RUNS_CAP` runs, runs below the log start offset are dropped
 * (stats may then count such superseded records as lost).
 */
import type { Offset } from '../types';

export const COMPACTED_RUNS_CAP = 100_000;

export class CompactedOffsets {
  /** Flattened runs: starts at even indexes, ends at odd ones. */
  private runs: number[] = [];

  get runCount(): number {
    return this.runs.length / 2;
  }

  /** Adds sorted, disjoint runs (flattened [start, end, start, end, ...]) in one linear merge. */
  addRuns(added: readonly number[]): void {
    if (added.length === 0) return;
    const a = this.runs;
    const merged: number[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < added.length) {
      const takeA = j >= added.length || (i < a.length && a[i]! <= added[j]!);
      const start = takeA ? a[i]! : added[j]!;
      const end = takeA ? a[i + 1]! : added[j + 1]!;
      if (takeA) i += 2;
      else j += 2;
      const last = merged.length - 1;
      if (last > 0 && merged[last]! >= start) merged[last] = Math.max(merged[last]!, end);
      else merged.push(start, end);
    }
    this.runs = merged;
  }

  /** How many offsets of [start, end) compaction removed. */
  countIn(start: Offset, end: Offset): number {
    let count = 0;
    this.forEachRunIn(start, end, (lo, hi) => {
      count += hi - lo;
    });
    return count;
  }

  /** Calls `visit` with each removed run clipped to [start, end), in offset order. */
  forEachRunIn(start: Offset, end: Offset, visit: (lo: Offset, hi: Offset) => void): void {
    const runs = this.runs;
    for (let i = this.firstRunEndingAfter(start); i < runs.length && runs[i]! < end; i += 2) {
      visit(Math.max(start, runs[i]!), Math.min(end, runs[i + 1]!));
    }
  }

  has(offset: Offset): boolean {
    const i = this.firstRunEndingAfter(offset);
    return i < this.runs.length && this.runs[i]! <= offset;
  }

  /** Keeps memory bounded: past the cap, forgets runs that end at or below `offset`. */
  trimBelow(offset: Offset): void {
    if (this.runCount <= COMPACTED_RUNS_CAP) return;
    this.runs = this.runs.slice(this.firstRunEndingAfter(offset));
  }

  /** Index (even) of the first run whose end is above `offset`. */
  private firstRunEndingAfter(offset: Offset): number {
    const runs = this.runs;
    let lo = 0;
    let hi = runs.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (runs[2 * mid + 1]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return 2 * lo;
  }
}
