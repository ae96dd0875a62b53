/**
 * The offsets of one partition whose records were acknowledged to their producer, as sorted
 * [start, end) runs (acknowledgements are nearly contiguous, so a few runs hold a whole run's
 * history). A truncation asks which of the removed offsets had been acknowledged: those records
 * count as acknowledged then lost.
 */
import type { Offset } from '../types';

export class AckedOffsets {
  /** Flattened runs: starts at even indexes, ends at odd ones. */
  private runs: number[] = [];

  addRange(start: Offset, end: Offset): void {
    if (end <= start) return;
    const runs = this.runs;
    const last = runs.length - 1;
    if (last > 0 && runs[last]! >= start && runs[last - 1]! <= start) {
      runs[last] = Math.max(runs[last]!, end);
      return;
    }
    if (last < 0 || runs[last]! < start) {
      runs.push(start, end);
      return;
    }
    // Out of order (rare): insert and merge.
    const pairs: [number, number][] = [];
    for (let i = 0; i < runs.length; i += 2) pairs.push([runs[i]!, runs[i + 1]!]);
    pairs.push([start, end]);
    pairs.sort((a, b) => a[0] - b[0]);
    const merged: number[] = [];
    for (const [s, e] of pairs) {
      if (merged.length > 0 && merged[merged.length - 1]! >= s) merged[merged.length - 1] = Math.max(merged[merged.length - 1]!, e);
      else merged.push(s, e);
    }
    this.runs = merged;
  }

  has(offset: Offset): boolean {
    const runs = this.runs;
    for (let i = runs.length - 2; i >= 0; i -= 2) {
      if (runs[i]! <= offset) return offset < runs[i + 1]!;
    }
    return false;
  }

  /** Forgets every offset at or above `offset` (the log was truncated there; new records take them). */
  truncateTo(offset: Offset): void {
    const runs = this.runs;
    while (runs.length > 0 && runs[runs.length - 2]! >= offset) runs.length -= 2;
    if (runs.length > 0 && runs[runs.length - 1]! > offset) runs[runs.length - 1] = offset;
  }
}
