/** Builders of Burrow lag windows for the evaluateLagStatus tests. */
import type { LagWindow, LagWindowEntry } from './evaluateLagStatus';

export type Row = [offset: number, timestampMs: number, lag: number | null];

export function entries(rows: Row[]): LagWindowEntry[] {
  return rows.map(([offset, timestampMs, lag]) => ({ offset, timestampMs, lag }));
}

/** A window of commits 10 s apart by default; now is just after the last commit (not stopped). */
export function lagWindow(rows: Row[], over: Partial<Omit<LagWindow, 'offsets'>> = {}): LagWindow {
  const offsets = entries(rows);
  const last = offsets[offsets.length - 1];
  return {
    offsets,
    brokerOffsets: [],
    currentLag: 100,
    nowMs: last ? last.timestampMs + 1_000 : 0,
    allowedLag: 0,
    ...over,
  };
}
