import { describe, expect, it } from 'vitest';
import { COMPACTED_RUNS_CAP, CompactedOffsets } from './compactedOffsets';

describe('CompactedOffsets', () => {
  it('merges new runs into old ones, joining runs that touch or overlap', () => {
    const gaps = new CompactedOffsets();
    gaps.addRuns([0, 3, 10, 12]);
    gaps.addRuns([3, 5, 7, 8, 11, 15, 20, 21]);
    expect(gaps.runCount).toBe(4);
    const runs: string[] = [];
    gaps.forEachRunIn(0, 100, (lo, hi) => runs.push(`${lo}-${hi}`));
    expect(runs).toEqual(['0-5', '7-8', '10-15', '20-21']);
  });

  it('counts removed offsets in a range, clipping runs at its ends', () => {
    const gaps = new CompactedOffsets();
    gaps.addRuns([0, 5, 7, 8, 10, 15]);
    expect(gaps.countIn(0, 100)).toBe(11);
    expect(gaps.countIn(3, 11)).toBe(4);
    expect(gaps.countIn(5, 7)).toBe(0);
    expect([4, 5, 7, 8, 14, 15].map((o) => gaps.has(o))).toEqual([true, false, true, false, true, false]);
  });

  it('forgets runs below an offset only beyond its cap', () => {
    const gaps = new CompactedOffsets();
    gaps.addRuns([0, 1, 2, 3]);
    gaps.trimBelow(10);
    expect(gaps.runCount).toBe(2);
    const many: number[] = [];
    for (let i = 0; i <= COMPACTED_RUNS_CAP; i++) many.push(2 * i, 2 * i + 1);
    gaps.addRuns(many);
    gaps.trimBelow(100);
    expect(gaps.countIn(0, 100)).toBe(0);
    expect(gaps.has(100)).toBe(true);
  });
});
