/**
 * Burrow's settings a scenario may give in its `burrow` object (doc/design.md contract 7), by
 * Burrow's own names, and the defaults Burrow sets when they are left out (doc/kafka.md §4.5,
 * §4.6):
 * - `offset-refresh` (cluster module, whole seconds, default 10): how often Burrow fetches
 *   every partition's newest offset (the high watermark);
 * - `intervals` (storage module, default 10): how many commits, and how many of those fetched
 *   offsets, Burrow keeps per partition: the window its rules look at;
 * - `allowed-lag` (evaluator module, default 0): a current lag up to this is OK, and a commit
 *   whose lag is within it counts as caught up.
 */
import type { BurrowConfig } from '../scenario';

export interface ResolvedBurrowConfig {
  /** `offset-refresh` in milliseconds of virtual time. */
  offsetRefreshMs: number;
  intervals: number;
  allowedLag: number;
}

const BURROW_DEFAULTS = {
  offsetRefreshSeconds: 10,
  intervals: 10,
  allowedLag: 0,
} as const;

export function resolveBurrowConfig(config: BurrowConfig | undefined): ResolvedBurrowConfig {
  return {
    offsetRefreshMs: (config?.['offset-refresh'] ?? BURROW_DEFAULTS.offsetRefreshSeconds) * 1000,
    intervals: config?.intervals ?? BURROW_DEFAULTS.intervals,
    allowedLag: config?.['allowed-lag'] ?? BURROW_DEFAULTS.allowedLag,
  };
}
