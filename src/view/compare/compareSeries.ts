/**
 * A run's lines for the comparison charts, from its groups' lag samples (one a virtual second):
 * the Kafka lag summed over every group and partition (records), and the worst read-model
 * staleness of any group (seconds). Pure, so it is unit-tested; the chart draws what this gives.
 */
import type { GroupLagSample, RequestWindow } from '../../engine';
import { groupSeries, type SeriesPoint } from '../insight/lagSeries';

export type CompareMeasure = 'lagRecords' | 'stalenessSeconds';

export function runSeries(histories: ReadonlyArray<readonly GroupLagSample[]>, measure: CompareMeasure): SeriesPoint[] {
  const byTime = new Map<number, number | null>();
  for (const samples of histories) {
    for (const point of groupSeries(samples, measure === 'lagRecords' ? 'records' : 'seconds')) {
      const before = byTime.get(point.atMs) ?? null;
      if (point.value === null) {
        if (!byTime.has(point.atMs)) byTime.set(point.atMs, null);
        continue;
      }
      byTime.set(point.atMs, before === null ? point.value : measure === 'lagRecords' ? before + point.value : Math.max(before, point.value));
    }
  }
  return [...byTime.entries()].sort(([x], [y]) => x - y).map(([atMs, value]) => ({ atMs, value }));
}

/** The right end of a shared time axis: the playhead rounded up to the next 10 s (at least 30 s), so it moves in steps. */
export function sharedDomainEndMs(nowMs: number): number {
  return Math.max(30_000, Math.ceil((nowMs + 1) / 10_000) * 10_000);
}

/** Seconds of call outcomes the engine keeps per client (its request windows). */
const CALL_SECONDS_KEPT = 120;

/**
 * Orders that failed or timed out in each whole virtual second before `nowMs`, over every
 * calling client of a run (each client's once-a-second request windows; a second with no window
 * had none). A run without calls places no order that can fail: its line is 0 throughout, which
 * is what a comparison with an event-driven run shows. Covers the seconds the engine keeps.
 */
export function failureSeries(clients: ReadonlyArray<readonly RequestWindow[]>, nowMs: number): SeriesPoint[] {
  const failed = new Map<number, number>();
  for (const windows of clients) {
    for (const window of windows) failed.set(window.atMs, (failed.get(window.atMs) ?? 0) + window.failed + window.timedOut);
  }
  const lastSecond = Math.floor(nowMs / 1000) - 1;
  const points: SeriesPoint[] = [];
  for (let second = Math.max(0, lastSecond - CALL_SECONDS_KEPT + 1); second <= lastSecond; second++) {
    points.push({ atMs: second * 1000, value: failed.get(second * 1000) ?? 0 });
  }
  return points;
}

export type LatencyQuantile = 'p50' | 'p99';

/**
 * Latency of the orders that succeeded in each whole virtual second before `nowMs` (the
 * engine's per-second p50 or p99 by rank); null where no order succeeded, so a second of only
 * failures is a gap, not a zero. With several calling clients, the slowest client's value.
 */
export function latencySeries(clients: ReadonlyArray<readonly RequestWindow[]>, nowMs: number, quantile: LatencyQuantile): SeriesPoint[] {
  const field = quantile === 'p50' ? 'p50LatencyMs' : 'p99LatencyMs';
  const latency = new Map<number, number>();
  for (const windows of clients) {
    for (const window of windows) {
      const value = window[field];
      if (value !== null && value !== undefined) latency.set(window.atMs, Math.max(latency.get(window.atMs) ?? 0, value));
    }
  }
  const lastSecond = Math.floor(nowMs / 1000) - 1;
  const points: SeriesPoint[] = [];
  for (let second = Math.max(0, lastSecond - CALL_SECONDS_KEPT + 1); second <= lastSecond; second++) {
    points.push({ atMs: second * 1000, value: latency.get(second * 1000) ?? null });
  }
  return points;
}
