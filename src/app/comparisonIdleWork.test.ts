import { afterEach, describe, expect, it } from 'vitest';
import { createIdleWork } from './comparisonIdleWork';

type Deadline = { didTimeout: boolean; timeRemaining(): number };

/** Idle callbacks the test runs by hand, and a wall clock that moves only when work does. */
function fakeIdle() {
  const queue: Array<(deadline: Deadline) => void> = [];
  (globalThis as { requestIdleCallback?: unknown }).requestIdleCallback = (task: (deadline: Deadline) => void) => queue.push(task);
  let clock = 0;
  return {
    clock: () => clock,
    advance: (ms: number) => (clock += ms),
    /** Runs the next idle callback with `remainingMs` of idle time; the wall time it took. */
    idle(remainingMs: number, didTimeout = false): number {
      const task = queue.shift();
      if (!task) throw new Error('no idle callback queued');
      const start = clock;
      task({ didTimeout, timeRemaining: () => Math.max(0, remainingMs - (clock - start)) });
      return clock - start;
    },
    get queued() {
      return queue.length;
    },
  };
}

afterEach(() => {
  delete (globalThis as { requestIdleCallback?: unknown }).requestIdleCallback;
});

/** Work of `records` records at 1/128 ms each (exact in binary: the clock adds up exactly). */
function countingWork(records: number, advance: (ms: number) => void) {
  let left = records;
  return (maxRecords: number) => {
    const n = Math.min(left, maxRecords);
    left -= n;
    advance(n / 128);
    return left === 0 ? records : null;
  };
}

describe('createIdleWork', () => {
  it('runs work in idle slices of about a millisecond, then paces the next by a wall second', () => {
    const idle = fakeIdle();
    const work = createIdleWork({ wallClock: idle.clock });
    const results: number[] = [];
    expect(work.due).toBe(true);
    work.run(() => ({ step: countingWork(6_400, idle.advance), done: (n) => results.push(n) }));
    expect(work.busy).toBe(true);
    const slices: number[] = [];
    while (idle.queued > 0) slices.push(idle.idle(8));
    expect(results).toEqual([6_400]);
    // 50 ms of work in slices of at most 1.5 ms plus one step (1 ms).
    expect(slices.length).toBeGreaterThanOrEqual(18);
    expect(Math.max(...slices)).toBeLessThanOrEqual(1.5 + 1);
    expect(work.busy).toBe(false);
    // At most a twentieth of the main thread: 50 ms of work, so 1 s (not 20 × 50 ms) before the next.
    expect(work.due).toBe(false);
    idle.advance(999);
    expect(work.due).toBe(false);
    idle.advance(1);
    expect(work.due).toBe(true);
  });

  it('keeps slices within a short idle period, and works on when the page is never idle', () => {
    const idle = fakeIdle();
    const work = createIdleWork({ wallClock: idle.clock });
    work.run(() => ({ step: countingWork(1_000, idle.advance), done: () => {} }));
    expect(idle.idle(0.3)).toBe(1);
    expect(idle.idle(0, true)).toBeGreaterThan(1);
  });

  it('paces by twenty times the cost of heavy work', () => {
    const idle = fakeIdle();
    const work = createIdleWork({ wallClock: idle.clock });
    work.run(() => ({ step: countingWork(25_600, idle.advance), done: () => {} }));
    while (idle.queued > 0) idle.idle(50);
    idle.advance(20 * 200 - 1);
    expect(work.due).toBe(false);
    idle.advance(1);
    expect(work.due).toBe(true);
  });

  it('hands over nothing once cancelled, and begins nothing when there is nothing to do', () => {
    const idle = fakeIdle();
    const work = createIdleWork({ wallClock: idle.clock });
    const results: number[] = [];
    work.run(() => ({ step: countingWork(1_000, idle.advance), done: (n) => results.push(n) }));
    idle.idle(1);
    work.cancel();
    expect(work.busy).toBe(false);
    while (idle.queued > 0) idle.idle(10);
    expect(results).toEqual([]);
    work.run(() => null);
    idle.idle(10);
    expect(work.busy).toBe(false);
    expect(work.due).toBe(true);
  });

  it('runs at once where there are no idle callbacks', () => {
    const work = createIdleWork({ wallClock: () => 0 });
    const results: number[] = [];
    work.run(() => ({ step: countingWork(1_000, () => {}), done: (n) => results.push(n) }));
    expect(results).toEqual([1_000]);
    expect(work.runNow(countingWork(10, () => {}))).toBe(10);
  });
});
