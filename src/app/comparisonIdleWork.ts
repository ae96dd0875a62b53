/**
 * The comparison's difference table during playback (comparison.ts): work that reads whole
 * logs, done in idle time after the frames, in slices of about a millisecond, so no slice
 * delays a frame, and paced: the next work may begin only a wall second after the last ended
 * (or twenty times what all its slices cost, if that is longer), so it never takes more than
 * about a twentieth of the main thread however large the runs are. Where there are no idle
 * callbacks (Node, tests) work runs at once.
 */

/** Wall time one slice may take (an idle period at 60 Hz is a few milliseconds at most). */
const SLICE_MS = 1.5;
/** Records hashed (or engine steps run) between looks at the clock: about 0.1 ms. */
const RECORDS_PER_STEP = 128;
const BASE_DELAY_MS = 1000;
const PACE = 20;
/** An idle callback comes within this even when the page is never idle (then as a plain task). */
const IDLE_TIMEOUT_MS = 500;

/** A step of work: the result once done, else null (call again). */
export type WorkStep<T> = (maxRecords: number) => T | null;

interface Work<T> {
  step: WorkStep<T>;
  done(result: T): void;
}

interface Deadline {
  didTimeout: boolean;
  timeRemaining(): number;
}
type IdleScheduler = (task: (deadline: Deadline) => void, options?: { timeout: number }) => number;

export function createIdleWork(options: { wallClock?: () => number } = {}) {
  const now = options.wallClock ?? (() => performance.now());
  const requestIdle = (globalThis as { requestIdleCallback?: IdleScheduler }).requestIdleCallback;
  let current = 0;
  let busy = false;
  let nextDueMs = Number.NEGATIVE_INFINITY;

  function runNow<T>(step: WorkStep<T>): T {
    let result = step(Number.POSITIVE_INFINITY);
    while (result === null) result = step(Number.POSITIVE_INFINITY);
    return result;
  }

  return {
    /** Whether work is under way. */
    get busy(): boolean {
      return busy;
    },
    /** Whether the pace allows new work now. */
    get due(): boolean {
      return now() >= nextDueMs;
    },
    /**
     * Begins work in the next idle period (`begin`: its step and what to do with its result, or
     * null when there is nothing to do), runs it to the end in idle slices, then hands the
     * result over (unless cancelled meanwhile).
     */
    run<T>(begin: () => Work<T> | null): void {
      const token = ++current;
      busy = true;
      let work: Work<T> | null = null;
      let spentMs = 0;
      const finish = (result: T, endMs: number) => {
        busy = false;
        nextDueMs = endMs + Math.max(BASE_DELAY_MS, spentMs * PACE);
        work!.done(result);
      };
      const slice = (deadline: Deadline | null): void => {
        if (token !== current) return;
        const startMs = now();
        if (work === null) {
          work = begin();
          if (work === null) {
            busy = false;
            return;
          }
        }
        if (deadline === null) {
          const result = runNow(work.step);
          spentMs = now() - startMs;
          finish(result, now());
          return;
        }
        // Until the slice's time is up or the idle period ends (the next frame is due), whichever
        // comes first; a callback that timed out (the page is never idle) takes one slice.
        const more = () => now() - startMs < SLICE_MS && (deadline.didTimeout || deadline.timeRemaining() > 0);
        let result = work.step(RECORDS_PER_STEP);
        while (result === null && more()) result = work.step(RECORDS_PER_STEP);
        const endMs = now();
        spentMs += endMs - startMs;
        if (result === null) requestIdle!(slice, { timeout: IDLE_TIMEOUT_MS });
        else finish(result, endMs);
      };
      if (typeof requestIdle === 'function') requestIdle(slice, { timeout: IDLE_TIMEOUT_MS });
      else slice(null);
    },
    /** Runs `step` to the end at once (the runs are paused: no frame to keep). */
    runNow,
    /** Drops the work under way: its result is never handed over. */
    cancel(): void {
      current++;
      busy = false;
    },
  };
}
