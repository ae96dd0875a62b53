/**
 * Burrow's consumer lag evaluation rules: turns one partition's window of committed offsets
 * into OK / WARN / STALL / STOP / REWIND, combines partition statuses into a group status, and
 * explains in plain English which rule fired. Pure: no clock, no randomness, no state.
 *
 * Ported from linkedin/Burrow core/internal/evaluator/caching.go (the version with broker
 * offsets and nil lags): `evaluatePartitionStatus`, `calculatePartitionStatus`,
 * `isLagAlwaysNotZero`, `checkIfOffsetsRewind`, `checkIfOffsetsStopped`,
 * `checkIfOffsetsStalled`, `checkIfLagNotDecreasing`, `checkIfRecentLagZero`. Severity values are
 * Burrow's `StatusConstant` (core/protocol/evaluator.go).
 *
 * Where our input differs from Burrow's:
 * - Burrow's window can hold nil *entries* (ring slots never filled) at its start; it slices
 *   them off and lowers `Complete`, and skips evaluation under `minimum-complete`. Our window
 *   only holds real commits, so there is no completeness step.
 * - An empty window: Burrow returns OK unevaluated (`len(offsets) == 0`); we do the same.
 * - Burrow compares `time.Now().Unix() * 1000` (now floored to whole seconds) with
 *   millisecond timestamps; `nowMs` is used as is, at full millisecond precision.
 * - `allowedLag` is Burrow's `allowed-lag` (default 0): the gate is `currentLag > allowedLag`,
 *   and a commit whose lag is within it counts as caught up (`isLagAlwaysNotZero`).
 * - Burrow reports a group with any STOP/STALL/REWIND partition as ERR; we have no ERR and
 *   `worstLagStatus` returns the worst partition status itself.
 */

/** A partition status, as Burrow names them (ERR and NOTFOUND are group-only in Burrow). */
export type LagStatus = 'OK' | 'WARN' | 'STALL' | 'STOP' | 'REWIND';

/** One offset commit in the window; Burrow's `ConsumerOffset`. */
export interface LagWindowEntry {
  /** The committed offset. */
  offset: number;
  /** When it was committed, in milliseconds (Burrow's `Timestamp` is also milliseconds). */
  timestampMs: number;
  /** Lag at the time of the commit; null when unknown (Burrow's nil `*Lag`). */
  lag: number | null;
}

/** Everything Burrow looks at for one partition. */
export interface LagWindow {
  /** Recent commits for the partition, oldest first. */
  offsets: LagWindowEntry[];
  /** Recent broker high watermarks (log end offsets) for the partition; Burrow's `BrokerOffsets`. */
  brokerOffsets: number[];
  /** The partition's lag now (latest high watermark minus latest commit); Burrow's `CurrentLag`. */
  currentLag: number;
  /** The evaluation time in milliseconds; replaces Burrow's `time.Now()`. */
  nowMs: number;
  /** Current lag at or below this is always OK; 0 reproduces Burrow. */
  allowedLag: number;
}

/** Burrow's `StatusConstant` values (NOTFOUND 0 and ERR 3 have no partition status here). */
export const LAG_STATUS_SEVERITY: Readonly<Record<LagStatus, number>> = Object.freeze({
  OK: 1,
  WARN: 2,
  STOP: 4,
  STALL: 5,
  REWIND: 6,
});

/** Burrow's group status: what its API and notifiers report for a consumer group. */
export type BurrowGroupStatus = 'OK' | 'WARN' | 'ERR';

/**
 * Burrow's evaluateConsumerStatus: ERR when any partition is STOP, STALL or REWIND, else WARN
 * when any is WARN, else OK (also for a group without partitions).
 */
export function burrowGroupStatus(statuses: readonly LagStatus[]): BurrowGroupStatus {
  let group: BurrowGroupStatus = 'OK';
  for (const status of statuses) {
    if (status === 'STOP' || status === 'STALL' || status === 'REWIND') return 'ERR';
    if (status === 'WARN') group = 'WARN';
  }
  return group;
}

/** The worst partition status by Burrow's order; OK when there are no partitions. */
export function worstLagStatus(statuses: LagStatus[]): LagStatus {
  let worst: LagStatus = 'OK';
  for (const status of statuses) {
    if (LAG_STATUS_SEVERITY[status] > LAG_STATUS_SEVERITY[worst]) worst = status;
  }
  return worst;
}

// --- Burrow's checks, one for one -------------------------------------------------------------

/** Burrow's isLagAlwaysNotZero: no commit's lag was within the allowed lag. A null lag counts as not. */
function isLagAlwaysNotZero(offsets: LagWindowEntry[], allowedLag: number): boolean {
  for (const entry of offsets) {
    if (entry.lag !== null && entry.lag <= allowedLag) return false;
  }
  return true;
}

/**
 * Burrow's checkIfRewindRecovered: after the backward step at `index`, some later commit is at
 * or above the offset committed just before it (the consumer got back to where it was).
 */
function checkIfRewindRecovered(offsets: LagWindowEntry[], index: number): boolean {
  const before = offsets[index - 1]!.offset;
  for (let i = index; i < offsets.length; i++) if (offsets[i]!.offset >= before) return true;
  return false;
}

/** Rule 2 – the committed offset decreased from one commit to the next. Index of the drop, or -1. */
function findOffsetRewind(offsets: LagWindowEntry[]): number {
  for (let i = 1; i < offsets.length; i++) {
    if (offsets[i]!.offset < offsets[i - 1]!.offset) return i;
  }
  return -1;
}

/** Rule 3 – time since the last commit exceeds the time the window spans (strictly greater). */
function checkIfOffsetsStopped(offsets: LagWindowEntry[], nowMs: number): boolean {
  const firstTimestamp = offsets[0]!.timestampMs;
  const lastTimestamp = offsets[offsets.length - 1]!.timestampMs;
  return nowMs - lastTimestamp > lastTimestamp - firstTimestamp;
}

/** Rule 4 – every commit in the window is the same offset (vacuously true for one commit). */
function checkIfOffsetsStalled(offsets: LagWindowEntry[]): boolean {
  for (let i = 1; i < offsets.length; i++) {
    if (offsets[i]!.offset !== offsets[i - 1]!.offset) return false;
  }
  return true;
}

/**
 * Rule 5 – the lag never decreased between consecutive known lags (nulls are skipped, as
 * Burrow skips nil lags). Returns the pair where it first decreased, or null if it never did.
 */
function findLagDecrease(offsets: LagWindowEntry[]): { from: number; to: number } | null {
  let lastLag: number | null = null;
  for (const entry of offsets) {
    if (entry.lag !== null) {
      if (lastLag !== null && entry.lag < lastLag) return { from: lastLag, to: entry.lag };
      lastLag = entry.lag;
    }
  }
  return null;
}

/**
 * Burrow's checkIfRecentLagZero: some recent broker high watermark is at or below the last
 * committed offset, i.e. the consumer was caught up within the broker-offset history.
 */
function checkIfRecentLagZero(offsets: LagWindowEntry[], brokerOffsets: number[]): boolean {
  const lastOffset = offsets[offsets.length - 1]!.offset;
  for (const brokerOffset of brokerOffsets) {
    if (brokerOffset <= lastOffset) return true;
  }
  return false;
}

// --- calculatePartitionStatus, keeping which rule decided ----------------------------------

type Verdict =
  | { kind: 'empty'; status: 'OK' }
  | { kind: 'withinAllowedLag'; status: 'OK' }
  | { kind: 'stop'; status: 'STOP' }
  | { kind: 'lagWasZero'; status: 'OK'; stopExcused: boolean }
  | { kind: 'rewind'; status: 'REWIND'; index: number; stopExcused: boolean }
  | { kind: 'stall'; status: 'STALL'; stopExcused: boolean }
  | { kind: 'warn'; status: 'WARN'; stopExcused: boolean }
  | { kind: 'lagDecreased'; status: 'OK'; from: number; to: number; stopExcused: boolean };

/** A negative or NaN allowed lag means Burrow's own threshold, zero. */
function allowedLagOf(window: LagWindow): number {
  return window.allowedLag > 0 ? window.allowedLag : 0;
}

function judge(window: LagWindow): Verdict {
  const { offsets, brokerOffsets, currentLag, nowMs } = window;
  // evaluatePartitionStatus: "If there are no offsets, we can't do anything" -> OK.
  if (offsets.length === 0) return { kind: 'empty', status: 'OK' };

  // calculatePartitionStatus: "If the current lag is zero, the partition is never in error".
  if (!(currentLag > allowedLagOf(window))) return { kind: 'withinAllowedLag', status: 'OK' };

  // STOP is checked first, even if the lag was zero somewhere in the (possibly old) window,
  // unless the broker offsets show the consumer was caught up recently. When excused this way,
  // Burrow falls through to the remaining rules.
  const stopped = checkIfOffsetsStopped(offsets, nowMs);
  if (stopped && !checkIfRecentLagZero(offsets, brokerOffsets))
    return { kind: 'stop', status: 'STOP' };
  const stopExcused = stopped;

  // REWIND while the consumer has not got back to where it was, whether or not lag was zero
  // somewhere in the window (current Burrow, since v1.3.7: a consumer that rewound to earliest
  // after a zero-lag moment must not look OK).
  const rewindAt = findOffsetRewind(offsets);
  if (rewindAt > 0 && !checkIfRewindRecovered(offsets, rewindAt)) return { kind: 'rewind', status: 'REWIND', index: rewindAt, stopExcused };

  // Then, only when the lag never reached the allowed lag, in order of severity: STALL, WARN.
  if (!isLagAlwaysNotZero(offsets, allowedLagOf(window))) return { kind: 'lagWasZero', status: 'OK', stopExcused };
  if (checkIfOffsetsStalled(offsets)) return { kind: 'stall', status: 'STALL', stopExcused };
  const decrease = findLagDecrease(offsets);
  if (decrease === null) return { kind: 'warn', status: 'WARN', stopExcused };
  return { kind: 'lagDecreased', status: 'OK', from: decrease.from, to: decrease.to, stopExcused };
}

/** Burrow's status for one partition's window. */
export function evaluateLagStatus(window: LagWindow): LagStatus {
  return judge(window).status;
}

// --- Explanation ---------------------------------------------------------------------------

/** "850 ms", "45 s", "2.5 s", "3 min 20 s", "1 h 5 min". */
function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${Math.round(seconds * 10) / 10} s`;
  const totalSeconds = Math.round(seconds);
  if (totalSeconds < 3600) {
    const m = Math.floor(totalSeconds / 60);
    const s = totalSeconds % 60;
    return s === 0 ? `${m} min` : `${m} min ${s} s`;
  }
  const totalMinutes = Math.round(totalSeconds / 60);
  const h = Math.floor(totalMinutes / 60);
  const m = totalMinutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Appended when commits have stopped but checkIfRecentLagZero kept the partition out of STOP. */
function excusedStopClause(window: LagWindow, stopExcused: boolean): string {
  if (!stopExcused) return '';
  const last = window.offsets[window.offsets.length - 1]!;
  return (
    `; commits paused for ${formatDuration(window.nowMs - last.timestampMs)}, but that is not STOP ` +
    `because a recent broker end offset was at or below the last commit (${last.offset}), ` +
    `so the consumer was caught up`
  );
}

function describe(verdict: Verdict, window: LagWindow): string {
  const { offsets, currentLag, nowMs } = window;
  const first = offsets[0]!;
  const last = offsets[offsets.length - 1]!;
  switch (verdict.kind) {
    case 'empty':
      return 'OK: no offsets committed in the window yet, so there is nothing to evaluate.';
    case 'withinAllowedLag': {
      const allowed = allowedLagOf(window);
      return allowed === 0
        ? `OK: current lag is ${currentLag}, so the consumer is caught up.`
        : `OK: current lag ${currentLag} is within the allowed lag of ${allowed}.`;
    }
    case 'stop':
      return (
        `STOP: no offset committed for ${formatDuration(nowMs - last.timestampMs)}, longer than ` +
        `the window spans (${formatDuration(last.timestampMs - first.timestampMs)}), and the ` +
        `consumer was not caught up (current lag ${currentLag}).`
      );
    case 'lagWasZero':
      return (
        `OK: lag was zero at least once in the window, so the consumer is keeping up` +
        `${excusedStopClause(window, verdict.stopExcused)}.`
      );
    case 'rewind':
      return (
        `REWIND: the committed offset went backwards from ${offsets[verdict.index - 1]!.offset} ` +
        `to ${offsets[verdict.index]!.offset} and has not come back to ${offsets[verdict.index - 1]!.offset} since` +
        `${excusedStopClause(window, verdict.stopExcused)}.`
      );
    case 'stall':
      return offsets.length === 1
        ? `STALL: the window holds a single commit (offset ${last.offset}) with lag ${currentLag}, ` +
            `so no progress can be seen${excusedStopClause(window, verdict.stopExcused)}.`
        : `STALL: the consumer keeps committing the same offset ${last.offset} while lag is ` +
            `${currentLag} and never reached zero in the window` +
            `${excusedStopClause(window, verdict.stopExcused)}.`;
    case 'warn': {
      const lags = offsets.flatMap((entry) => (entry.lag === null ? [] : [entry.lag]));
      return lags.length === 0
        ? `WARN: offsets are advancing but no lag was recorded in the window, so it cannot be ` +
            `shown to decrease (current lag ${currentLag})` +
            `${excusedStopClause(window, verdict.stopExcused)}.`
        : `WARN: offsets are advancing but lag never decreased in the window (from ${lags[0]} ` +
            `to ${lags[lags.length - 1]}), so the consumer is falling behind` +
            `${excusedStopClause(window, verdict.stopExcused)}.`;
    }
    case 'lagDecreased':
      return (
        `OK: lag is ${currentLag} but fell from ${verdict.from} to ${verdict.to} within the ` +
        `window, so the consumer is catching up${excusedStopClause(window, verdict.stopExcused)}.`
      );
  }
}

/** Which of Burrow's rules decided the status, as one plain-English sentence for a tooltip. */
export function explainLagStatus(window: LagWindow): { status: LagStatus; rule: string } {
  const verdict = judge(window);
  return { status: verdict.status, rule: describe(verdict, window) };
}
