/**
 * The run controller: the one live run (src/app/liveRun.ts) and the store it publishes to.
 * Every change goes through here and ends by publishing a fresh snapshot. Actions are plain
 * functions, callable from the frame loop, the keyboard, views, URL sync and the test API.
 *
 * Seeking is exact: the live run restores the nearest checkpoint at or before the target and
 * replays to it; interventions are re-applied at their own times.
 */
import type { ApplyResult, Command, Scenario, SimEvent, TimedCommand } from '../engine';
import { findPreset, DEFAULT_PRESET_ID } from '../scenarios/presets';
import { clampTime, LiveRun } from './liveRun';
import { mergeRebalances } from './rebalanceMarks';
import { clampSpeed } from './speed';
import { previousChangeMs, stepToNextChange } from './stepping';
import { createAppStore, type AppState, type Selection, type ViewSettings } from './store';

const defaultScenario = findPreset(DEFAULT_PRESET_ID)!.scenario;
let run = new LiveRun(defaultScenario);
/** Times the playhead stepped forward from, so stepping back retraces them exactly. */
let stepHistory: number[] = [];
let publishedEvents: readonly SimEvent[] = [];
let publishedEventsKey = '';

export const appStore = createAppStore({
  playback: { playing: false, speed: 1 },
  run: { scenario: defaultScenario, presetId: DEFAULT_PRESET_ID, interventions: [] },
  sim: { snapshot: run.simulation.snapshot(), traceHash: run.simulation.traceHash(), events: [] },
  ui: { message: null, selection: null, view: {} },
  lab: { reachedMs: 0, rebalances: [], forkPrompt: null, undo: null },
});

function eventsForStore(): readonly SimEvent[] {
  // The engine appends to (and trims) one array: copy it only when it changed.
  const events = run.simulation.events();
  const key = `${events.length}:${events[events.length - 1]?.seq ?? -1}:${events[0]?.seq ?? -1}`;
  if (key !== publishedEventsKey) {
    publishedEvents = events.slice();
    publishedEventsKey = key;
  }
  return publishedEvents;
}

function publish(): void {
  const snapshot = run.simulation.snapshot();
  appStore.setState((state) => ({
    ...state,
    run: state.run.interventions === run.interventions ? state.run : { ...state.run, interventions: run.interventions },
    sim: { snapshot, traceHash: run.simulation.traceHash(), events: eventsForStore() },
    lab: {
      ...state.lab,
      reachedMs: Math.max(state.lab.reachedMs, snapshot.nowMs),
      rebalances: mergeRebalances(state.lab.rebalances, snapshot.groups),
    },
  }));
}

export function currentSimulation() {
  return run.simulation;
}

/** The live run (checkpoints, interventions), for benchmarks and diagnostics. */
export function currentRun(): LiveRun {
  return run;
}

function replaceRun(scenario: Scenario, interventions: readonly TimedCommand[], presetId: string | null): void {
  run = new LiveRun(scenario, interventions);
  stepHistory = [];
  publishedEventsKey = '';
  appStore.setState((state) => ({
    ...state,
    playback: { ...state.playback, playing: false },
    run: { scenario, presetId, interventions: [...interventions] },
    ui: { ...state.ui, message: null },
    lab: { reachedMs: 0, rebalances: [], forkPrompt: null, undo: null },
  }));
}

/** Replaces the run with a new scenario, paused at t = 0. */
export function loadScenario(scenario: Scenario, presetId: string | null = null): void {
  replaceRun(scenario, [], presetId);
  run.forwardTo(0, true);
  publish();
}

/**
 * Replaces the run with a scenario and recorded interventions, paused at `playheadMs`
 * (how a share link or a saved run is opened).
 */
export function loadRun(scenario: Scenario, interventions: TimedCommand[], playheadMs: number, presetId: string | null = null): void {
  replaceRun(scenario, interventions, presetId);
  run.seek(clampTime(playheadMs));
  publish();
}

/** Runs forward to an absolute virtual time during playback (no-op when it is in the past). */
export function runTo(timeMs: number): void {
  const target = clampTime(timeMs);
  if (target <= run.now) return;
  stepHistory = [];
  run.forwardTo(target);
  publish();
}

export function advance(deltaMs: number): void {
  if (!Number.isFinite(deltaMs) || deltaMs <= 0) return;
  stepHistory = [];
  run.seek(run.now + deltaMs);
  publish();
}

/** Moves the playhead to an absolute time, exactly (checkpoint + replay when going back). */
export function seek(timeMs: number): void {
  if (!Number.isFinite(timeMs)) return;
  stepHistory = [];
  run.seek(clampTime(timeMs));
  publish();
}

/** Back to t = 0 of the same run (interventions kept). */
export function resetRun(): void {
  pause();
  seek(0);
}

/** Pauses and runs to the next moment anything visible changes. */
export function stepForward(): void {
  pause();
  const from = run.now;
  stepToNextChange(run);
  if (run.now > from) stepHistory.push(from);
  publish();
}

/** Pauses and goes back to the previous moment anything visible changed. */
export function stepBack(): void {
  pause();
  const now = run.now;
  if (now === 0) return;
  let target: number | undefined;
  while (stepHistory.length > 0 && target === undefined) {
    const t = stepHistory.pop()!;
    if (t < now) target = t;
  }
  const history = stepHistory;
  target ??= previousChangeMs(now, run.simulation.snapshot(), run.simulation.events(), run.interventions.map((c) => c.atMs));
  run.seek(target);
  stepHistory = history;
  publish();
}

/**
 * Applies commands at the playhead and records them as interventions (the browser API and
 * confirmed UI commands). Placed before later interventions they fork the run; an undo is kept.
 */
export function applyCommands(commands: readonly Command[]): ApplyResult[] {
  const before = appStore.getState();
  const playheadMs = run.now;
  const interventionsBefore = [...run.interventions];
  const results: ApplyResult[] = [];
  let droppedCount = 0;
  for (const command of commands) {
    const { result, dropped } = run.apply(command);
    results.push(result);
    droppedCount += dropped.length;
  }
  stepHistory = [];
  const forked = playheadMs < before.lab.reachedMs;
  const refused = results.find((r): r is { ok: false; error: string } => !r.ok);
  appStore.setState((state) => ({
    ...state,
    ui: { ...state.ui, message: refused ? { kind: 'error', text: refused.error } : null },
    lab: {
      ...state.lab,
      forkPrompt: null,
      reachedMs: forked ? playheadMs : state.lab.reachedMs,
      rebalances: forked ? state.lab.rebalances.filter((m) => m.atMs <= playheadMs) : state.lab.rebalances,
      undo:
        droppedCount > 0
          ? { interventions: interventionsBefore, playheadMs, reachedMs: before.lab.reachedMs, rebalances: before.lab.rebalances, droppedCount }
          : null,
    },
  }));
  publish();
  return results;
}

export function applyCommand(command: Command): ApplyResult {
  return applyCommands([command])[0]!;
}

/**
 * Commands from the UI: applied at once, unless later interventions exist, in which case
 * playback pauses and the user is asked to confirm the fork first (null until then).
 */
export function requestCommands(commands: readonly Command[]): ApplyResult[] | null {
  if (commands.length === 0) return [];
  const later = run.laterInterventions();
  if (later.length === 0) return applyCommands(commands);
  pause();
  appStore.setState((state) => ({ ...state, lab: { ...state.lab, forkPrompt: { commands: [...commands], atMs: run.now, dropped: later } } }));
  return null;
}

export function requestCommand(command: Command): ApplyResult[] | null {
  return requestCommands([command]);
}

export function confirmFork(): ApplyResult[] | null {
  const prompt = appStore.getState().lab.forkPrompt;
  if (!prompt) return null;
  if (run.now !== prompt.atMs) run.seek(prompt.atMs);
  return applyCommands(prompt.commands);
}

export function cancelFork(): void {
  appStore.setState((state) => ({ ...state, lab: { ...state.lab, forkPrompt: null } }));
}

/** Restores the interventions a fork dropped and the playhead where the fork happened. */
export function undoFork(): void {
  const undo = appStore.getState().lab.undo;
  if (!undo) return;
  pause();
  stepHistory = [];
  run.replaceInterventions(undo.interventions, undo.playheadMs);
  appStore.setState((state) => ({
    ...state,
    ui: { ...state.ui, message: { kind: 'info', text: `Undone: the ${undo.droppedCount === 1 ? 'dropped intervention is' : `${undo.droppedCount} dropped interventions are`} back.` } },
    lab: { ...state.lab, undo: null, reachedMs: undo.reachedMs, rebalances: undo.rebalances },
  }));
  publish();
}

export function dismissUndo(): void {
  appStore.setState((state) => ({ ...state, lab: { ...state.lab, undo: null } }));
}

export function play(): void {
  appStore.setState((state) => ({ ...state, playback: { ...state.playback, playing: true } }));
}

export function pause(): void {
  if (!appStore.getState().playback.playing) return;
  appStore.setState((state) => ({ ...state, playback: { ...state.playback, playing: false } }));
}

export function togglePlay(): void {
  if (appStore.getState().playback.playing) pause();
  else play();
}

export function setSpeed(speed: number): void {
  appStore.setState((state) => ({ ...state, playback: { ...state.playback, speed: clampSpeed(speed) } }));
}

export function showMessage(message: AppState['ui']['message']): void {
  appStore.setState((state) => ({ ...state, ui: { ...state.ui, message } }));
}

export function select(selection: Selection): void {
  if (appStore.getState().ui.selection === selection) return;
  appStore.setState((state) => ({ ...state, ui: { ...state.ui, selection } }));
}

/** Sets one view setting (they travel in share links: primitives only). */
export function setView(key: string, value: ViewSettings[string]): void {
  appStore.setState((state) => ({ ...state, ui: { ...state.ui, view: { ...state.ui.view, [key]: value } } }));
}
