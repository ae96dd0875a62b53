/**
 * A lab: one live run (src/app/liveRun.ts) and the store it publishes to. Every change goes
 * through its actions and ends by publishing a fresh snapshot. Actions are plain functions,
 * callable from the frame loop, the keyboard, views, URL sync and the test API. `createLab`
 * makes as many as a page or a test needs; each has its own run, store and pacing, so two labs
 * (a comparison of two runs) never share state.
 *
 * Seeking is exact: the live run restores the nearest checkpoint at or before the target and
 * replays to it; interventions are re-applied at their own times.
 */
import type { Scenario, TimedCommand } from '../engine';
import { checkout } from '../scenarios/presets/checkout';
import { DEFAULT_PRESET_ID } from '../scenarios/presets/presetCatalogue';
import { formatClock, millions, WORK_BUDGET } from '../scenarios/workBudget';
import { clampTime, LiveRun, MAX_RUN_MS } from './liveRun';
import { Pacer } from './paced';
import { recoverRun } from './recoverRun';
import { simQueries } from './simQueries';
import { createRunPublisher } from './publishRun';
import { createLongWork, type WorkOutcome } from './longWork';
import { createForks } from './forks';
import { createScenarioEditing } from './scenarioEditing';
import { createStepActions } from './stepActions';
import { createAppStore, type AppState } from './store';
import { createUiActions } from './uiActions';
import { currentCaption, summaryAtStart } from './captions';
import { createSlowMotionWatch } from './slowMotion';
import { createLessonSession } from './lessonSession';
import { createOpeningOrder, prepareRun, type ShownRun, type StartedRun } from './openInTasks';

export type { WorkOutcome } from './longWork';

export interface LabOptions {
  scenario: Scenario;
  presetId: string | null;
  /**
   * The wall clock that paces publishing and slices long work (default `performance.now`).
   * Tests pass a manual one, so what a frame does never depends on how busy the machine is.
   */
  wallClock?: () => number;
}

/** The default preset, paused at t = 0. */
function defaultLabOptions(): LabOptions {
  return { scenario: checkout, presetId: DEFAULT_PRESET_ID };
}

/** The lab slice of a run that has just been opened: nothing reached, no work, no prompt. */
function freshLabSlice(endMs: number): AppState['lab'] {
  return { reachedMs: 0, endMs, work: null, rebalances: [], forkPrompt: null, undo: null };
}

/**
 * Wall time a frame's snapshot may take before playback gives it up and publishes in a later
 * frame. A preset's takes well under a millisecond, one at the limits 2–6 ms; while V8 marks
 * the limits' large heap (about once every few seconds of play, for a third of a second) one
 * took 110–160 ms, and putting it in the store as many more: a frame of 300 ms.
 */
const PLAYBACK_SNAPSHOT_BUDGET_MS = 20;

export function createLab(initial: LabOptions = defaultLabOptions()) {
  let run = new LiveRun(initial.scenario);

  const appStore = createAppStore({
    playback: { playing: false, speed: 1, slowUntilMs: -1 },
    run: { scenario: initial.scenario, presetId: initial.presetId, interventions: [] },
    sim: {
      snapshot: run.simulation.snapshot(),
      traceHash: run.simulation.traceHash(),
      events: [],
      queries: simQueries(run.simulation),
      caption: currentCaption(run.simulation, initial.scenario.notes, () => summaryAtStart(initial.scenario)),
      drawing: 'now',
    },
    ui: { message: null, selection: null, view: {}, editUndo: null },
    lab: freshLabSlice(run.endMs),
    lesson: null,
  });
  const uiActions = createUiActions(appStore);
  const { setSpeed, showMessage, setView } = uiActions;

  const watchForSlowMotion = createSlowMotionWatch(appStore);
  const wallClock = initial.wallClock ?? (() => performance.now());
  const publisher = createRunPublisher(appStore, () => run, watchForSlowMotion, wallClock);
  const publish = publisher.publish;

  /**
   * Publishing builds a snapshot and renders every view that changed: well under a millisecond
   * for a preset, tens of milliseconds for a scenario at the limits. During playback a frame
   * publishes only after four times the last publish's cost, so views of a huge run update a few
   * times a second and the page keeps answering (long work paces its own, longWork.ts).
   */
  const playbackPublishing = new Pacer(0, 4, wallClock);
  const longWork = createLongWork({
    store: appStore,
    run: () => run,
    guarded: (task) => guarded(task),
    publish: (drawing) => publish(drawing),
    pause: () => pause(),
    showMessage: (message) => showMessage(message),
    now: wallClock,
  });
  const { cancelWork, stopWork, workDone } = longWork;

  /**
   * Seeks like `seek`, but work beyond a tenth of a second or so runs in slices: the page keeps
   * answering, `lab.work` shows the progress, and `cancelWork` stops it at a whole moment.
   */
  function seekInSlices(timeMs: number, label = 'Seeking to'): Promise<WorkOutcome> {
    if (!Number.isFinite(timeMs)) return Promise.resolve('done');
    steps.forget();
    return longWork.seekInSlices(clampTime(timeMs, run.endMs), label);
  }

  function publishPaced(): void {
    if (playbackPublishing.due) playbackPublishing.measure(() => publisher.publishWithin(PLAYBACK_SNAPSHOT_BUDGET_MS));
  }

  function currentSimulation() {
    return run.simulation;
  }

  /** The live run (checkpoints, interventions), for benchmarks and diagnostics. */
  function currentRun(): LiveRun {
    return run;
  }

  const openings = createOpeningOrder();
  const { beginOpening } = openings;

  function replaceRun(
    scenario: Scenario,
    interventions: readonly TimedCommand[],
    presetId: string | null,
    started?: StartedRun,
    ui?: Pick<AppState['ui'], 'selection' | 'view'>,
  ): void {
    stopWork();
    run = started?.run ?? new LiveRun(scenario, interventions);
    openings.shown(started?.opening ?? beginOpening());
    publisher.reset();
    longWork.reset();
    playbackPublishing.reset();
    steps.forget();
    appStore.setState((state) => ({
      ...state,
      playback: { ...state.playback, playing: false },
      run: { scenario, presetId, interventions: [...interventions] },
      ui: { ...state.ui, ...ui, message: null, editUndo: null },
      lab: freshLabSlice(run.endMs),
    }));
  }

  /**
   * The first half of opening a large run in tasks (`prepareRun`); null when an opening asked
   * for later has replaced the run already.
   */
  function startRun(opening: number, scenario: Scenario, interventions: readonly TimedCommand[] = []): StartedRun | null {
    return openings.superseded(opening) ? null : prepareRun(opening, scenario, interventions);
  }

  /**
   * The second half: the started run replaces the current one and is published, paused at
   * `playheadMs` (reached as `loadRun` does; null: at t = 0, as `loadScenario`). Null when an
   * opening asked for later has replaced the run meanwhile (nothing changes then).
   */
  function openStarted(started: StartedRun, shown: ShownRun): Promise<WorkOutcome> | null {
    if (openings.superseded(started.opening)) return null;
    const ui = shown.selection === undefined ? undefined : { selection: shown.selection, view: { ...shown.view } };
    replaceRun(started.scenario, started.interventions, shown.presetId, started, ui);
    if (started.run === null) guarded(() => run.forwardTo(0, true));
    publish();
    // At t = 0 already: seeking there would only publish the same moment again.
    if (shown.playheadMs === null || shown.playheadMs === 0) return Promise.resolve('done');
    return seekInSlices(shown.playheadMs, 'Opening the run at');
  }

  /** Replaces the run with a new scenario, paused at t = 0. */
  function loadScenario(scenario: Scenario, presetId: string | null = null): void {
    replaceRun(scenario, [], presetId);
    guarded(() => run.forwardTo(0, true));
    publish();
  }

  /**
   * Replaces the run with a scenario and recorded interventions, paused at `playheadMs`
   * (how a share link or a saved run is opened). A far playhead is reached in slices, with
   * progress and Cancel; the promise settles when it is reached, cancelled or failed.
   */
  function loadRun(
    scenario: Scenario,
    interventions: TimedCommand[],
    playheadMs: number,
    presetId: string | null = null,
  ): Promise<WorkOutcome> {
    replaceRun(scenario, interventions, presetId);
    guarded(() => run.forwardTo(0, true));
    publish();
    return seekInSlices(playheadMs, 'Opening the run at');
  }

  /**
   * Playback: runs toward `timeMs` for at most `wallBudgetMs` of wall time (the frame loop's
   * share of a frame), so a run heavier than the chosen speed allows plays slower instead of
   * freezing the page. Pauses with a message at the run's end.
   */
  function playTo(timeMs: number, wallBudgetMs: number): void {
    if (longWork.busy) return;
    const target = clampTime(timeMs, run.endMs);
    if (target > run.now || !run.isSettled) {
      longWork.runFor(target, wallBudgetMs);
      // Publishing waits while the engine runs slowed (V8 marking a large heap): a publish
      // cannot stop midway and would take hundreds of milliseconds in this frame.
      if (!longWork.slowed) publishPaced();
    }
    if (run.now >= run.endMs && run.isSettled && appStore.getState().playback.playing) {
      pause();
      if (run.endMs < MAX_RUN_MS) showMessage({ kind: 'info', text: endOfRunText() });
    }
  }

  function advance(deltaMs: number): void {
    if (!Number.isFinite(deltaMs) || deltaMs <= 0) return;
    seek(run.now + deltaMs);
  }

  /** Moves the playhead to an absolute time at once, exactly (checkpoint + replay when going back). */
  function seek(timeMs: number): void {
    if (!Number.isFinite(timeMs)) return;
    stopWork();
    steps.forget();
    guarded(() => run.seek(clampTime(timeMs, run.endMs)));
    publish();
  }

  // ---- engine errors ------------------------------------------------------------------------

  /** Runs engine work; an error never escapes into the page (recoverRun.ts says what happens). */
  function guarded(task: () => void): boolean {
    try {
      task();
      return true;
    } catch (error) {
      recoverFrom(error);
      return false;
    }
  }

  function recoverFrom(error: unknown): void {
    const text = recoverRun(run, error, appStore.getState().sim.snapshot.nowMs);
    appStore.setState((state) => ({
      ...state,
      playback: { ...state.playback, playing: false },
      lab: { ...state.lab, endMs: run.endMs },
    }));
    showMessage({ kind: 'error', text });
    publish();
  }

  function endOfRunText(): string {
    return (
      `This run ends at ${formatClock(run.endMs)}: going further would need more work than the lab's budget ` +
      `(${millions(WORK_BUDGET)} units: records appended and processed, commands, timed events).`
    );
  }

  /** Back to t = 0 of the same run (interventions kept). */
  function resetRun(): void {
    pause();
    seek(0);
  }

  const forks = createForks({
    store: appStore,
    run: () => run,
    guarded: (task) => guarded(task),
    publish: () => publish(),
    pause: () => pause(),
    stopWork: () => stopWork(),
    forgetSteps: () => steps.forget(),
  });
  const { applyCommands, restoreMoment } = forks;

  const steps = createStepActions({ run: () => run, guarded: (task) => guarded(task), publish: () => publish(), pause: () => pause(), stopWork: () => stopWork() });
  const { stepForward, stepBack } = steps;

  function play(): void {
    if (longWork.busy) return;
    appStore.setState((state) => ({ ...state, playback: { ...state.playback, playing: true } }));
  }

  function pause(): void {
    if (!appStore.getState().playback.playing) return;
    appStore.setState((state) => ({ ...state, playback: { ...state.playback, playing: false } }));
    // Paced playback may have skipped the last frames' publishing: show where the run is.
    if (appStore.getState().sim.snapshot.nowMs !== run.now) publish();
  }

  function togglePlay(): void {
    if (appStore.getState().playback.playing) pause();
    else play();
  }

  /** A seek requested by a dragged scrubber: only the latest one per frame is performed. */
  let scheduledSeekMs: number | null = null;

  function scheduleSeek(timeMs: number): void {
    scheduledSeekMs = timeMs;
  }

  /** The frame loop performs the latest scheduled seek, if any. */
  function runScheduledSeek(): void {
    if (scheduledSeekMs === null) return;
    const target = scheduledSeekMs;
    scheduledSeekMs = null;
    void seekInSlices(target);
  }

  const editing = createScenarioEditing({
    store: appStore,
    now: () => run.now,
    loadRun: (scenario, interventions, playheadMs, presetId) => loadRun(scenario, interventions, playheadMs, presetId),
    showMessage: (message) => showMessage(message),
  });

  const lessons = createLessonSession({
    store: appStore,
    loadScenario,
    loadRun,
    play,
    pause,
    setSpeed,
    setView,
    applyCommands,
    restoreMoment,
    currentSimulation,
  });

  return {
    store: appStore,
    lessons,
    editing,
    scheduleSeek,
    runScheduledSeek,
    currentSimulation,
    currentRun,
    loadScenario,
    loadRun,
    beginOpening,
    startRun,
    openStarted,
    playTo,
    advance,
    seek,
    seekInSlices,
    cancelWork,
    workDone,
    resetRun,
    stepForward,
    stepBack,
    ...forks,
    play,
    pause,
    togglePlay,
    ...uiActions,
  };
}

export type Lab = ReturnType<typeof createLab>;
