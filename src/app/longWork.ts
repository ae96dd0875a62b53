/**
 * Long work in slices: a far seek, or a link opened far ahead, would hold the main thread for
 * seconds in a scenario at the limits. It runs in slices of about 40 ms with the page answering
 * in between; `lab.work` shows its progress, and Cancel stops it at the next whole moment.
 *
 * What a slice's task does besides engine work is kept small, because at the limits each piece
 * costs tens to hundreds of milliseconds: the progress bar moves at most every 200 ms (a store
 * update wakes every subscribed view), and the views are published in a task of their own,
 * paced by what publishing costs. The views follow the work only while publishing them is cheap
 * (VIEWS_FOLLOW_UP_TO_MS) and the engine runs at its usual pace (SliceRunner.slowed): at the
 * limits a publish (snapshot and React's render of every view) caught in V8's marking of the
 * large heap is a task of 300–700 ms, so there the views wait for the work's end and only the
 * progress bar moves.
 */
import type { AppStore, AppState, Drawing } from './store';
import type { LiveRun } from './liveRun';
import { Pacer } from './paced';
import { SliceRunner } from './sliceRunner';
import { formatClock } from '../scenarios/workBudget';

export type WorkOutcome = 'done' | 'cancelled' | 'failed';

/** What long work needs from its lab. */
export interface LongWorkHost {
  store: AppStore;
  run(): LiveRun;
  /** Runs engine work; false when it failed (the lab has recovered and said so). */
  guarded(task: () => void): boolean;
  publish(drawing?: Drawing): void;
  pause(): void;
  showMessage(message: AppState['ui']['message']): void;
  /** The wall clock. */
  now(): number;
}

/** Work (units of the work budget) done at once, without slices: a tenth of a second or so. */
const WORK_AT_ONCE = 10_000;
/** Wall time one slice of long work may take before the page gets the thread back. */
const SLICE_WALL_MS = 40;
/** The progress bar moves at most this often. */
const PROGRESS_EVERY_MS = 200;
/**
 * The views follow long work while one publish, React's render included, takes at most this
 * (wall ms); past it they wait for the work's end. A publish cannot stop midway, and while V8 is
 * behind with marking a large heap it takes twenty to thirty times its usual time (a marking
 * step on nearly every allocation): only a publish this cheap stays under 200 ms then. A
 * preset's publish takes about a millisecond, one at the limits 9–19 ms (doc/benchmarks.md).
 */
const VIEWS_FOLLOW_UP_TO_MS = 8;
/**
 * When the last slice ran slowed (SliceRunner.slowed), the final publish waits this long (wall
 * ms): a publish cannot stop midway, and in a marking phase it takes twenty to thirty times longer.
 */
const SLOWED_END_WAIT_MS = 250;

export function createLongWork(host: LongWorkHost) {
  const { store } = host;
  const slices = new SliceRunner(host.now);
  /** Views see the run move every 250 ms, or after eight times what publishing cost. */
  const progressPublishing = new Pacer(250, 8, host.now);
  let work: { resolve: (outcome: WorkOutcome) => void; done: Promise<WorkOutcome> } | null = null;
  /** What long work's last publish cost, React's render included (wall ms; 0: none yet in this run). */
  let lastWorkPublishMs = 0;

  function setWork(next: AppState['lab']['work']): void {
    store.setState((state) => ({ ...state, lab: { ...state.lab, work: next } }));
  }

  /**
   * Seeks to `timeMs` (clamped by the caller), at once when the work is small, else in slices.
   * Settles when the target is reached, the work is cancelled or the engine failed.
   */
  function seekInSlices(target: number, label: string): Promise<WorkOutcome> {
    stopWork();
    const run = host.run();
    let quick = false;
    host.guarded(() => {
      run.prepareSeek(target);
      quick = run.workBetween(run.now, target) <= WORK_AT_ONCE;
      if (quick) run.forwardTo(target, true);
    });
    if (quick || run.now === target) {
      host.publish();
      return Promise.resolve('done');
    }
    return startWork(`${label} ${formatClock(target)}`, target);
  }

  function startWork(label: string, targetMs: number): Promise<WorkOutcome> {
    const run = host.run();
    host.pause();
    setWork({ label, fromMs: run.now, targetMs, reachedMs: run.now, cancelling: false });
    // Views too dear to follow the last work do not follow this one either: its first publish
    // would be as long a task (a run restored to an earlier moment shows at the end).
    let viewsFollow = lastWorkPublishMs <= VIEWS_FOLLOW_UP_TO_MS;
    /** Publishes, and stops the views following when that task (render included) was too long. */
    const publishMeasured = () => {
      const started = host.now();
      progressPublishing.measure(host.publish);
      // The store update queued React's render as a microtask: this one runs after it.
      queueMicrotask(() => {
        lastWorkPublishMs = host.now() - started;
        if (lastWorkPublishMs > VIEWS_FOLLOW_UP_TO_MS) viewsFollow = false;
      });
    };
    if (viewsFollow) publishMeasured();
    let settle: (outcome: WorkOutcome) => void = () => undefined;
    const done = new Promise<WorkOutcome>((resolve) => {
      settle = resolve;
    });
    const current = { resolve: settle, done };
    work = current;
    let progressShownAt = host.now();
    let publishQueued = false;
    const publishSoon = () => {
      publishQueued = true;
      setTimeout(() => {
        publishQueued = false;
        if (work === current && viewsFollow && !slices.slowed) publishMeasured();
      }, 0);
    };
    const step = (): void => {
      if (work !== current) return;
      const cancelling = store.getState().lab.work?.cancelling ?? false;
      let finished = false;
      const ok = host.guarded(() => {
        // Cancelling finishes the moment in hand (in slices too), so the run stands at a whole moment.
        finished = slices.run(run, cancelling ? run.now : targetMs, SLICE_WALL_MS, true);
      });
      if (!ok || finished) {
        work = null;
        setWork(null);
        // Views too dear to follow the work draw its end in the background (SimSlice.drawing):
        // at the limits, one render of the whole page was a task of 100–350 ms.
        const end = () => {
          host.publish(viewsFollow ? 'now' : 'inBackground');
          if (ok && cancelling)
            host.showMessage({
              kind: 'info',
              text: `Stopped at ${formatClock(run.now)}: cancelled before ${formatClock(targetMs)}.`,
            });
          current.resolve(!ok ? 'failed' : cancelling ? 'cancelled' : 'done');
        };
        // Slowed at the end (V8 marking a large heap): with the thread idle a moment, its
        // concurrent markers finish, and the last publish is not a long task of marking steps.
        if (ok && slices.slowed) setTimeout(end, SLOWED_END_WAIT_MS);
        else end();
        return;
      }
      if (host.now() - progressShownAt >= PROGRESS_EVERY_MS) {
        progressShownAt = host.now();
        store.setState((state) =>
          state.lab.work
            ? { ...state, lab: { ...state.lab, work: { ...state.lab.work, reachedMs: run.now } } }
            : state,
        );
      }
      if (viewsFollow && !publishQueued && !slices.slowed && progressPublishing.due) publishSoon();
      setTimeout(step, 0);
    };
    setTimeout(step, 0);
    return done;
  }

  /** Cancel: long work stops at the next whole moment (the run stays where it got to). */
  function cancelWork(): void {
    store.setState((state) =>
      state.lab.work
        ? { ...state, lab: { ...state.lab, work: { ...state.lab.work, cancelling: true } } }
        : state,
    );
  }

  /** Ends long work at once where it is (a new seek or run replaces it). */
  function stopWork(): void {
    if (!work) return;
    const stopped = work;
    work = null;
    host.guarded(() => host.run().settle());
    setWork(null);
    stopped.resolve('cancelled');
  }

  /** The outcome of the long work in progress (at once 'done' when there is none). */
  function workDone(): Promise<WorkOutcome> {
    return work?.done ?? Promise.resolve('done');
  }

  /** A new run: its steps may cost anything; pacing starts afresh. */
  function reset(): void {
    slices.reset();
    progressPublishing.reset();
    lastWorkPublishMs = 0;
  }

  return {
    seekInSlices,
    cancelWork,
    stopWork,
    workDone,
    reset,
    /** Whether long work is under way (playback waits for it). */
    get busy(): boolean {
      return work !== null;
    },
    /**
     * Whether the last slice ran far below its usual pace (SliceRunner.slowed): a publish now
     * would take twenty to thirty times its usual time, so playback holds it back.
     */
    get slowed(): boolean {
      return slices.slowed;
    },
    /** Runs playback's share of a frame (not long work: no progress, no cancel). */
    runFor(targetMs: number, wallBudgetMs: number): void {
      const run = host.run();
      host.guarded(() => slices.run(run, targetMs, wallBudgetMs, false));
    },
  };
}
