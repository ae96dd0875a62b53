/**
 * A set of non-negative integers stored as sorted, disjoint, non-adjacent [start, end) runs.
 * Offsets processed by a group are almost always contiguous, so a partition's whole history
 * fits in a handful of runs: memory stays bounded however long the run.
 */
export class IntervalSet {
  /** Flattened runs: starts at even indexes, ends at odd ones. */
  private runs: number[] = [];
  size = 0;

  has(value: number): boolean {
    const i = this.runIndex(value);
    return i >= 0 && value < this.runs[2 * i + 1]!;
  }

  /** Adds a value; returns false when it was already present. */
  add(value: number): boolean {
    const runs = this.runs;
    const count = runs.length / 2;
    // Fast path: appending at the end of the last run.
    if (count > 0 && runs[runs.length - 1] === value) {
      runs[runs.length - 1] = value + 1;
      this.size++;
      return true;
    }
    const i = this.runIndex(value);
    if (i >= 0 && value < runs[2 * i + 1]!) return false;
    this.size++;
    const extendsLeft = i >= 0 && runs[2 * i + 1] === value;
    const next = i + 1;
    const extendsRight = next < count && runs[2 * next] === value + 1;
    if (extendsLeft && extendsRight) {
      runs[2 * i + 1] = runs[2 * next + 1]!;
      runs.splice(2 * next, 2);
    } else if (extendsLeft) runs[2 * i + 1] = value + 1;
    else if (extendsRight) runs[2 * next] = value;
    else runs.splice(2 * next, 0, value, value + 1);
    return true;
  }

  /** How many values of [start, end) are in the set. */
  countIn(start: number, end: number): number {
    let count = 0;
    const runs = this.runs;
    for (let i = 0; i < runs.length; i += 2) {
      const lo = Math.max(start, runs[i]!);
      const hi = Math.min(end, runs[i + 1]!);
      if (hi > lo) count += hi - lo;
    }
    return count;
  }

  /** Adds every value of [start, end); returns how many were new. */
  addRange(start: number, end: number): number {
    if (end <= start) return 0;
    const before = this.countIn(start, end);
    const runs = this.runs;
    const merged: number[] = [];
    let newStart = start;
    let newEnd = end;
    let inserted = false;
    for (let i = 0; i < runs.length; i += 2) {
      const runStart = runs[i]!;
      const runEnd = runs[i + 1]!;
      if (runEnd < newStart) merged.push(runStart, runEnd);
      else if (runStart > newEnd) {
        if (!inserted) merged.push(newStart, newEnd);
        inserted = true;
        merged.push(runStart, runEnd);
      } else {
        newStart = Math.min(newStart, runStart);
        newEnd = Math.max(newEnd, runEnd);
      }
    }
    if (!inserted) merged.push(newStart, newEnd);
    this.runs = merged;
    const added = end - start - before;
    this.size += added;
    return added;
  }

  /** The highest value plus one, or 0 when empty. */
  get end(): number {
    return this.runs.length > 0 ? this.runs[this.runs.length - 1]! : 0;
  }

  get runCount(): number {
    return this.runs.length / 2;
  }

  clear(): void {
    this.runs = [];
    this.size = 0;
  }

  /** Index of the last run starting at or before `value`, or -1. */
  private runIndex(value: number): number {
    const runs = this.runs;
    let lo = 0;
    let hi = runs.length / 2 - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (runs[2 * mid]! <= value) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}
