import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from './latencyHistogram';

describe('latency histogram', () => {
  it('reads exact quantiles below 2 s by rank', () => {
    const h = new LatencyHistogram();
    expect(h.quantiles()).toEqual({ p50: null, p99: null, max: null });
    for (let v = 1; v <= 100; v++) h.record(v);
    expect(h.quantiles()).toEqual({ p50: 50, p99: 99, max: 100 });
  });

  it('keeps large values within 1 % in a bounded number of buckets', () => {
    const h = new LatencyHistogram();
    for (const v of [5000, 5000, 5000, 86_400_000]) h.record(v);
    const p50 = h.quantile(0.5)!;
    expect(p50).toBeGreaterThanOrEqual(5000);
    expect(p50).toBeLessThanOrEqual(5050);
    expect(h.quantile(1)).toBe(86_400_000);
    expect((h as unknown as { counts: number[] }).counts.length).toBeLessThan(5000);
  });
});
