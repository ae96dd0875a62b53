/**
 * What a calling client measured (summary `requests.<producer id>`, doc/design.md contract 7):
 * orders attempted, succeeded, failed (refused or an error) and timed out (no answer within
 * `timeoutMs`); orders still in flight are in none of the three. Latency over succeeded orders,
 * from placing the order to its last answer, retries included. Per second of virtual time, a
 * bounded window series for the latency sparkline.
 */
import { LatencyHistogram, type LatencyQuantiles } from './latencyHistogram';

export interface RequestSummary {
  attempted: number;
  succeeded: number;
  failed: number;
  timedOut: number;
  latencyMs: LatencyQuantiles;
}

/** One second of virtual time as the client saw it. */
export interface RequestWindow {
  /** Start of the second. */
  atMs: number;
  succeeded: number;
  failed: number;
  timedOut: number;
  /** Slowest succeeded order of the second (null: none succeeded). */
  maxLatencyMs: number | null;
  /** Median and 99th percentile (by rank) of the second's succeeded orders (null: none succeeded). */
  p50LatencyMs: number | null;
  p99LatencyMs: number | null;
}

/** The q-quantile by rank of ascending values: the smallest with at least q of them at or below it. */
function rankQuantile(sorted: readonly number[], q: number): number | null {
  return sorted.length === 0 ? null : sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

const REQUEST_WINDOW_MS = 1000;
/** Seconds of windows kept (the sparkline's span). */
const REQUEST_WINDOWS_KEPT = 120;

export type OrderOutcome = 'succeeded' | 'failed' | 'timedOut';

export class RequestStats {
  attempted = 0;
  succeeded = 0;
  failed = 0;
  timedOut = 0;
  /** Calls the client made again after a failure or a timeout. */
  retries = 0;
  readonly latency = new LatencyHistogram();
  readonly windows: RequestWindow[] = [];
  /** Latencies of the last window's succeeded orders (at most one second's orders), for its quantiles. */
  private openLatencies: number[] = [];

  onSettled(outcome: OrderOutcome, nowMs: number, latencyMs: number): void {
    this[outcome]++;
    const window = this.windowAt(nowMs);
    window[outcome]++;
    if (outcome === 'succeeded') {
      this.latency.record(latencyMs);
      window.maxLatencyMs = Math.max(window.maxLatencyMs ?? 0, latencyMs);
      this.openLatencies.push(Math.max(0, Math.round(latencyMs)));
    }
  }

  private windowAt(nowMs: number): RequestWindow {
    const atMs = Math.floor(nowMs / REQUEST_WINDOW_MS) * REQUEST_WINDOW_MS;
    const last = this.windows[this.windows.length - 1];
    if (last && last.atMs === atMs) return last;
    this.closeOpenWindow();
    const window: RequestWindow = { atMs, succeeded: 0, failed: 0, timedOut: 0, maxLatencyMs: null, p50LatencyMs: null, p99LatencyMs: null };
    this.windows.push(window);
    if (this.windows.length > REQUEST_WINDOWS_KEPT) this.windows.splice(0, this.windows.length - REQUEST_WINDOWS_KEPT);
    return window;
  }

  /** The last window's quantiles from its orders so far (then they are kept, not recomputed). */
  private closeOpenWindow(): void {
    const last = this.windows[this.windows.length - 1];
    if (last && this.openLatencies.length > 0) {
      const sorted = [...this.openLatencies].sort((x, y) => x - y);
      last.p50LatencyMs = rankQuantile(sorted, 0.5);
      last.p99LatencyMs = rankQuantile(sorted, 0.99);
    }
    this.openLatencies = [];
  }

  /** Copies of the windows, the last one's quantiles computed from its orders so far. */
  windowsView(): RequestWindow[] {
    const copies = this.windows.map((w) => ({ ...w }));
    const last = copies[copies.length - 1];
    if (last && this.openLatencies.length > 0) {
      const sorted = [...this.openLatencies].sort((x, y) => x - y);
      last.p50LatencyMs = rankQuantile(sorted, 0.5);
      last.p99LatencyMs = rankQuantile(sorted, 0.99);
    }
    return copies;
  }

  toJSON(): RequestSummary {
    return {
      attempted: this.attempted,
      succeeded: this.succeeded,
      failed: this.failed,
      timedOut: this.timedOut,
      latencyMs: this.latency.quantiles(),
    };
  }
}
