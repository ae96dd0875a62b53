/**
 * A comparison: two labs (lab.ts), run A and run B, driven together under one playhead and one
 * set of time controls. Play, pause, step, seek, speed and the browser API's `advance`/`seek`
 * move both; interventions go to A, to B or to both, each applied at the shared playhead. The
 * labs stay independent (their own run, store and checkpoints); this only keeps them in step.
 * Run A's playback slice is the comparison's: the toolbar and the frame loop read it.
 */
import { createStore } from 'zustand/vanilla';
import type { ApplyResult, Command, Scenario, TimedCommand } from '../engine';
import type { ComparisonNote } from '../scenarios/presets/comparisonPresets';
import { createLab, type Lab, type WorkOutcome } from './lab';
import { summaryAtStart } from './captions';
import { comparisonCaption } from './comparisonCaption';
import { comparisonDifferences, type ComparisonDifferences, type DifferencesWork, type RunNow } from './comparisonDifferences';
import { createIdleWork } from './comparisonIdleWork';

export type RunSide = 'a' | 'b';
export type InterventionTarget = RunSide | 'both';

export interface ComparedRunSpec {
  /** What distinguishes the run ("earliest", "what if…"); its region reads "Run A: <label>". */
  label: string;
  scenario: Scenario;
  interventions?: readonly TimedCommand[];
  presetId?: string | null;
}

export interface ComparisonSpec {
  title: string;
  /** The comparison preset it is (notes, reference run), or null for a fork or a custom pair. */
  presetId: string | null;
  a: ComparedRunSpec;
  b: ComparedRunSpec;
  notes?: readonly ComparisonNote[];
  reference?: { label: string; scenario: Scenario; topic: string };
  playheadMs?: number;
}

export interface ComparisonState {
  title: string;
  presetId: string | null;
  labels: Record<RunSide, string>;
  /** Where the lab's own intervention buttons send commands: the run clicked, or both runs. */
  target: 'this run' | 'both';
  caption: ComparisonNote | null;
  differences: ComparisonDifferences | null;
}

export interface ComparisonOptions {
  wallClock?: () => number;
}

/** A lab's run now, with its snapshot of this moment (the published one when it is of this moment). */
function runNow(lab: Lab): RunNow {
  const simulation = lab.currentSimulation();
  const published = lab.store.getState().sim.snapshot;
  return { simulation, snapshot: published.nowMs === simulation.now ? published : simulation.snapshot() };
}

export function createComparison(spec: ComparisonSpec, options: ComparisonOptions = {}) {
  const labs: Record<RunSide, Lab> = {
    a: createLab({ scenario: spec.a.scenario, presetId: spec.a.presetId ?? null, wallClock: options.wallClock }),
    b: createLab({ scenario: spec.b.scenario, presetId: spec.b.presetId ?? null, wallClock: options.wallClock }),
  };
  const both = [labs.a, labs.b] as const;
  const store = createStore<ComparisonState>()(() => ({
    title: spec.title,
    presetId: spec.presetId,
    labels: { a: spec.a.label, b: spec.b.label },
    target: 'this run',
    caption: null,
    differences: null,
  }));

  const starts: Partial<Record<RunSide, ReturnType<typeof summaryAtStart>>> = {};
  const startOf = (side: RunSide) => () => (starts[side] ??= summaryAtStart(spec[side].scenario));
  // The table's fingerprints read whole logs. While paused it is made at once; during playback
  // at most once a wall second (and a twentieth of the main thread), in idle time after the
  // frames, in slices of about a millisecond (comparisonIdleWork.ts): never in a frame.
  const differencesOf = comparisonDifferences(spec.reference);
  const idleWork = createIdleWork({ wallClock: options.wallClock });
  let differencesAtMs = -1;

  /** Caption and difference table for the shared moment, once both runs have published it. */
  function refresh(): void {
    const nowA = labs.a.store.getState().sim.snapshot.nowMs;
    const nowB = labs.b.store.getState().sim.snapshot.nowMs;
    if (nowA !== nowB) return;
    const caption = comparisonCaption(
      spec.notes ?? [],
      { simulation: labs.a.currentSimulation(), startSummary: startOf('a') },
      { simulation: labs.b.currentSimulation(), startSummary: startOf('b') },
    );
    if (caption !== store.getState().caption) store.setState({ caption });
    const paused = !labs.a.store.getState().playback.playing;
    if (nowA === differencesAtMs) return;
    if (paused) updateDifferences();
    else if (!idleWork.busy && idleWork.due) {
      idleWork.run(() => {
        const work = beginDifferences();
        return work && { step: work.step, done: (differences: ComparisonDifferences) => showDifferences(work.atMs, differences) };
      });
    }
  }

  /** The table's work for the moment both runs are at, or null while they are not at one. */
  function beginDifferences(): DifferencesWork | null {
    const simulationA = labs.a.currentSimulation();
    const simulationB = labs.b.currentSimulation();
    if (disposed || simulationA.now !== simulationB.now || simulationA.now === differencesAtMs) return null;
    return differencesOf(runNow(labs.a), runNow(labs.b));
  }

  function updateDifferences(): void {
    idleWork.cancel();
    const work = beginDifferences();
    if (work) showDifferences(work.atMs, idleWork.runNow(work.step));
  }

  function showDifferences(atMs: number, differences: ComparisonDifferences): void {
    differencesAtMs = atMs;
    if (differences !== store.getState().differences) store.setState({ differences });
  }
  let disposed = false;
  const unsubscribe = both.map((lab) =>
    lab.store.subscribe((state, previous) => {
      if (state.sim.snapshot !== previous.sim.snapshot || state.playback.playing !== previous.playback.playing) refresh();
    }),
  );

  /** The shared playhead: the run behind (during playback one may be a frame ahead). */
  function nowMs(): number {
    return Math.min(labs.a.currentSimulation().now, labs.b.currentSimulation().now);
  }

  function seek(timeMs: number): void {
    for (const lab of both) lab.seek(timeMs);
  }

  async function seekInSlices(timeMs: number): Promise<WorkOutcome> {
    const outcomes = await Promise.all(both.map((lab) => lab.seekInSlices(timeMs)));
    return outcomes.find((outcome) => outcome !== 'done') ?? 'done';
  }

  function advance(deltaMs: number): void {
    if (Number.isFinite(deltaMs) && deltaMs > 0) seek(nowMs() + deltaMs);
  }

  /** Both runs to the moment either run next changes visibly. */
  function stepForward(): void {
    for (const lab of both) lab.stepForward();
    const target = nowMs();
    for (const lab of both) if (lab.currentSimulation().now !== target) lab.seek(target);
  }

  /** Both runs back to the latest moment either run last changed visibly. */
  function stepBack(): void {
    for (const lab of both) lab.stepBack();
    const target = Math.max(labs.a.currentSimulation().now, labs.b.currentSimulation().now);
    for (const lab of both) if (lab.currentSimulation().now !== target) lab.seek(target);
  }

  function play(): void {
    for (const lab of both) lab.play();
  }

  function pause(): void {
    for (const lab of both) lab.pause();
  }

  function togglePlay(): void {
    if (labs.a.store.getState().playback.playing) pause();
    else play();
  }

  /** The frame loop's step: both runs toward the same time, each with half the frame's budget. */
  function playTo(timeMs: number, wallBudgetMs: number): void {
    for (const lab of both) lab.playTo(timeMs, wallBudgetMs / 2);
    // A run that stopped at its end stops the other: one playhead.
    if (labs.a.store.getState().playback.playing !== labs.b.store.getState().playback.playing) pause();
  }

  let scheduledSeekMs: number | null = null;

  /** Applies a command at the shared playhead to run A, run B or both. */
  function apply(command: Command, target: InterventionTarget): ApplyResult[] {
    const sides: RunSide[] = target === 'both' ? ['a', 'b'] : [target];
    return sides.map((side) => labs[side].applyCommand(command));
  }

  function setTarget(target: ComparisonState['target']): void {
    store.setState({ target });
  }

  const comparison = {
    store,
    a: labs.a,
    b: labs.b,
    spec,
    nowMs,
    seek,
    seekInSlices,
    advance,
    stepForward,
    stepBack,
    play,
    pause,
    togglePlay,
    playTo,
    apply,
    setTarget,
    setSpeed(speed: number) {
      for (const lab of both) lab.setSpeed(speed);
    },
    resetRun() {
      pause();
      seek(0);
    },
    cancelWork() {
      for (const lab of both) lab.cancelWork();
    },
    scheduleSeek(timeMs: number) {
      scheduledSeekMs = timeMs;
    },
    runScheduledSeek() {
      if (scheduledSeekMs === null) return;
      const target = scheduledSeekMs;
      scheduledSeekMs = null;
      void seekInSlices(target);
    },
    /** The run that is behind (the frame loop's clock). */
    currentSimulation() {
      const a = labs.a.currentSimulation();
      const b = labs.b.currentSimulation();
      return b.now < a.now ? b : a;
    },
    /** Stops both runs' work and listening (the comparison was closed). */
    dispose() {
      pause();
      for (const lab of both) lab.cancelWork();
      for (const stop of unsubscribe) stop();
      idleWork.cancel();
      disposed = true;
    },
  };

  // Open both runs with their interventions, at the shared playhead.
  for (const side of ['a', 'b'] as const) {
    const run = spec[side];
    void labs[side].loadRun(run.scenario, [...(run.interventions ?? [])], 0, run.presetId ?? null);
  }
  refresh();
  const opened = spec.playheadMs && spec.playheadMs > 0 ? seekInSlices(spec.playheadMs) : Promise.resolve<WorkOutcome>('done');
  return Object.assign(comparison, { opened });
}

export type Comparison = ReturnType<typeof createComparison>;
