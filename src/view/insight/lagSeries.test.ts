import { describe, expect, it } from 'vitest';
import type { GroupLagSample } from '../../engine';
import { disagreementBands, groupSeries, partitionSeries } from './lagSeries';

const sample = (atMs: number, lags: Array<number | null>, behind: number[]): GroupLagSample => ({
  atMs,
  partitions: Object.fromEntries(lags.map((lag, i) => [`orders-${i}`, { committedLag: lag, positionLag: null, behindMs: behind[i]! }])),
  staleness: { seconds: Math.max(...behind) / 1000, records: 0 },
  status: 'OK',
});

describe('lag series', () => {
  it('sums committed lag over partitions, with a gap while no partition has a commit', () => {
    const samples = [sample(1000, [null, null], [0, 0]), sample(2000, [3, null], [0, 0]), sample(3000, [3, 4], [0, 0])];
    expect(groupSeries(samples, 'records').map((p) => p.value)).toEqual([null, 3, 7]);
  });

  it('uses seconds behind for the seconds unit, per group and per partition', () => {
    const samples = [sample(1000, [1, 2], [500, 2500])];
    expect(groupSeries(samples, 'seconds')[0]!.value).toBe(2.5);
    expect(partitionSeries(samples, 'orders-0', 'seconds')[0]!.value).toBe(0.5);
    expect(partitionSeries(samples, 'orders-1', 'records')[0]!.value).toBe(2);
  });

  it('merges consecutive disagreeing samples into bands', () => {
    const bands = disagreementBands(
      [
        { atMs: 1000, entities: 0 },
        { atMs: 2000, entities: 3 },
        { atMs: 3000, entities: 5 },
        { atMs: 4000, entities: 0 },
        { atMs: 5000, entities: 1 },
      ],
      1000,
    );
    expect(bands).toEqual([
      { fromMs: 1000, toMs: 3000, peak: 5 },
      { fromMs: 4000, toMs: 5000, peak: 1 },
    ]);
  });
});
