import { describe, expect, it } from 'vitest';
import type { GroupLagSample } from '../../engine';
import { chartDomainEndMs, disagreementBands, groupSeries, partitionRecords, partitionSeries } from './lagSeries';

const sample = (atMs: number, lags: Array<number | null>, behind: number[], positionLags: Array<number | null> = []): GroupLagSample => ({
  atMs,
  partitions: Object.fromEntries(lags.map((lag, i) => [`orders-${i}`, { committedLag: lag, positionLag: positionLags[i] ?? null, behindMs: behind[i]! }])),
  staleness: { seconds: Math.max(...behind) / 1000, records: 0 },
  status: 'OK',
  burrowStatus: 'OK',
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

  it('counts records not yet processed from the position, where Kafka lag counts from the commit', () => {
    // A healthy consumer: Kafka lag saws up between auto-commits, the position keeps up.
    const samples = [sample(1000, [40, 10], [0, 0], [1, 0]), sample(2000, [0, 20], [0, 0], [2, 1])];
    expect(groupSeries(samples, 'records', 'kafkaLag').map((p) => p.value)).toEqual([50, 20]);
    expect(groupSeries(samples, 'records', 'toProcess').map((p) => p.value)).toEqual([1, 3]);
    expect(partitionSeries(samples, 'orders-1', 'records', 'toProcess').map((p) => p.value)).toEqual([0, 1]);
    // Seconds behind is one measure whichever records are counted.
    expect(groupSeries(samples, 'seconds', 'toProcess')).toEqual(groupSeries(samples, 'seconds', 'kafkaLag'));
  });

  it('counts from the committed offset while nobody owns a partition, where the next owner starts', () => {
    // orders-0 has no owner (a crash): no position, so its records to process are its lag.
    const outage = sample(45_000, [30, 5], [0, 0], [null, 2]);
    expect(partitionRecords(outage.partitions['orders-0']!, 'toProcess')).toBe(30);
    expect(groupSeries([outage], 'records', 'toProcess')[0]!.value).toBe(32);
    // Neither a commit nor an owner: unknown, a gap in the line.
    expect(partitionSeries([sample(1000, [null], [0], [null])], 'orders-0', 'records', 'toProcess')[0]!.value).toBeNull();
    // A position before the first commit (auto.offset.reset chose it): only to-process is known.
    const fresh = [sample(1000, [null], [0], [4])];
    expect(groupSeries(fresh, 'records', 'kafkaLag')[0]!.value).toBeNull();
    expect(groupSeries(fresh, 'records', 'toProcess')[0]!.value).toBe(4);
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

  it('extends the time axis in nice steps of at most a tenth, never below 30 s', () => {
    expect(chartDomainEndMs(0)).toBe(30_000);
    expect(chartDomainEndMs(29_999)).toBe(30_000);
    // 31 s: a tenth is 3.1 s, the step 2 s.
    expect(chartDomainEndMs(31_000)).toBe(32_000);
    expect(chartDomainEndMs(60_500)).toBe(65_000);
    // 10 min: steps of 50 s.
    expect(chartDomainEndMs(600_001)).toBe(650_000);
    // The playhead never leaves the chart, and the axis moves only at step boundaries.
    for (let now = 30_001; now < 2_000_000; now += 7_919) {
      const end = chartDomainEndMs(now);
      expect(end).toBeGreaterThanOrEqual(now);
      expect(end).toBeLessThanOrEqual(Math.ceil(now * 1.1));
    }
    expect(chartDomainEndMs(60_500)).toBe(chartDomainEndMs(64_900));
  });
});
