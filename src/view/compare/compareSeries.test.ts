import { describe, expect, it } from 'vitest';
import type { GroupLagSample } from '../../engine';
import { failureSeries, latencySeries, runSeries, sharedDomainEndMs } from './compareSeries';

const sample = (atMs: number, lags: Array<number | null>, stalenessSeconds: number): GroupLagSample => ({
  atMs,
  partitions: Object.fromEntries(lags.map((lag, i) => [`orders-${i}`, { committedLag: lag, positionLag: lag, behindMs: 0 }])),
  staleness: { seconds: stalenessSeconds, records: 0 },
  status: 'OK',
  burrowStatus: 'OK',
});

describe('runSeries', () => {
  const billing = [sample(1_000, [2, 3], 1), sample(2_000, [null, null], 4)];
  const email = [sample(1_000, [10, 0], 7), sample(2_000, [1, 1], 2), sample(3_000, [5, 5], 0)];

  it('sums the Kafka lag of every group and partition at each sample time, leaving out unknowns', () => {
    expect(runSeries([billing, email], 'lagRecords')).toEqual([
      { atMs: 1_000, value: 15 },
      { atMs: 2_000, value: 2 },
      { atMs: 3_000, value: 10 },
    ]);
    expect(runSeries([billing], 'lagRecords')[1]).toEqual({ atMs: 2_000, value: null });
  });

  it('takes the worst staleness of any group', () => {
    expect(runSeries([billing, email], 'stalenessSeconds').map((p) => p.value)).toEqual([7, 4, 0]);
  });

  it('gives a time axis that moves in 10 s steps, at least 30 s', () => {
    expect([0, 29_999, 30_000, 41_000].map(sharedDomainEndMs)).toEqual([30_000, 30_000, 40_000, 50_000]);
  });

  it('counts failed and timed-out orders per whole second over every client, 0 where none (or no calls)', () => {
    const window = (atMs: number, failed: number, timedOut: number) => ({ atMs, succeeded: 1, failed, timedOut, maxLatencyMs: 40, p50LatencyMs: 30, p99LatencyMs: 40 });
    const a = [window(1_000, 2, 1), window(3_000, 4, 0)];
    const b = [window(1_000, 1, 0)];
    expect(failureSeries([a, b], 4_500)).toEqual([
      { atMs: 0, value: 0 },
      { atMs: 1_000, value: 4 },
      { atMs: 2_000, value: 0 },
      { atMs: 3_000, value: 4 },
    ]);
    expect(failureSeries([], 2_000).map((p) => p.value)).toEqual([0, 0]);
    expect(failureSeries([], 200_000)).toHaveLength(120);
  });

  it('charts per-second p50 / p99 latency of succeeded orders, a gap where none succeeded, the slowest client', () => {
    const window = (atMs: number, p50: number | null, p99: number | null) => ({ atMs, succeeded: p50 === null ? 0 : 3, failed: 0, timedOut: 0, maxLatencyMs: p99, p50LatencyMs: p50, p99LatencyMs: p99 });
    const a = [window(0, 40, 90), window(1_000, null, null), window(2_000, 45, 1_000)];
    const b = [window(0, 60, 70)];
    expect(latencySeries([a, b], 3_200, 'p50')).toEqual([
      { atMs: 0, value: 60 },
      { atMs: 1_000, value: null },
      { atMs: 2_000, value: 45 },
    ]);
    expect(latencySeries([a], 3_200, 'p99').map((p) => p.value)).toEqual([90, null, 1_000]);
    expect(latencySeries([], 2_000, 'p99').map((p) => p.value)).toEqual([null, null]);
  });
});
