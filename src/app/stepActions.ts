/**
 * The lab's step buttons: forward to the next moment anything visible changes, and back to the
 * previous one (stepping.ts finds them). Stepping back retraces the moments stepped forward
 * from, exactly; any other move of the playhead forgets them (`forget`).
 */
import type { LiveRun } from './liveRun';
import { previousChangeMs, stepToNextChange } from './stepping';

/** What stepping needs from its lab. */
export interface StepHost {
  run(): LiveRun;
  guarded(task: () => void): boolean;
  publish(): void;
  pause(): void;
  /** Ends long work at once, where it is. */
  stopWork(): void;
}

export function createStepActions(host: StepHost) {
  const { guarded, publish, pause, stopWork } = host;
  /** Times the playhead stepped forward from, so stepping back retraces them exactly. */
  let stepHistory: number[] = [];

  /** Pauses and runs to the next moment anything visible changes. */
  function stepForward(): void {
    pause();
    stopWork();
    const run = host.run();
    const from = run.now;
    guarded(() => stepToNextChange(run));
    if (run.now > from) stepHistory.push(from);
    publish();
  }

  /** Pauses and goes back to the previous moment anything visible changed. */
  function stepBack(): void {
    pause();
    stopWork();
    const run = host.run();
    const now = run.now;
    if (now === 0) return;
    let target: number | undefined;
    while (stepHistory.length > 0 && target === undefined) {
      const t = stepHistory.pop()!;
      if (t < now) target = t;
    }
    const history = stepHistory;
    target ??= previousChangeMs(
      now,
      run.simulation.snapshot(),
      run.simulation.events(),
      run.interventions.map((c) => c.atMs),
    );
    const back = target;
    guarded(() => run.seek(back));
    stepHistory = history;
    publish();
  }

  /** The playhead moved some other way: the moments stepped from no longer lead back. */
  function forget(): void {
    stepHistory = [];
  }

  return { stepForward, stepBack, forget };
}
