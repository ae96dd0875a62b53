import { describe, expect, it } from 'vitest';
import { RequestStats } from './requestStats';

describe('RequestStats windows', () => {
  it('give each second the p50 and p99 by rank of its succeeded orders, the open second from its orders so far', () => {
    const stats = new RequestStats();
    for (let i = 1; i <= 100; i++) stats.onSettled('succeeded', 500, i * 10);
    stats.onSettled('failed', 600, 5);
    stats.onSettled('failed', 1_200, 5);
    stats.onSettled('succeeded', 2_100, 7.4);
    const [first, onlyFailures, open] = stats.windowsView();
    expect(first).toMatchObject({ atMs: 0, succeeded: 100, failed: 1, p50LatencyMs: 500, p99LatencyMs: 990, maxLatencyMs: 1_000 });
    expect(onlyFailures).toMatchObject({ atMs: 1_000, p50LatencyMs: null, p99LatencyMs: null });
    expect(open).toMatchObject({ atMs: 2_000, p50LatencyMs: 7, p99LatencyMs: 7 });
    stats.onSettled('succeeded', 2_900, 30);
    expect(stats.windowsView()[2]).toMatchObject({ p50LatencyMs: 7, p99LatencyMs: 30 });
    // The engine's windows themselves are not rewritten by reading them.
    expect(stats.windows[2]!.p99LatencyMs).toBeNull();
  });
});
