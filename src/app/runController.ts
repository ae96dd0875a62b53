/**
 * The run: scenario + seed + timed interventions, and the one live Simulation built from it.
 * Every change goes through here and ends by publishing a fresh snapshot to the store.
 *
 * Seeking backwards rebuilds the run from t = 0 with the interventions as timed actions; the
 * engine applies an action at time t exactly as a live `apply` at t, so the rebuilt run is the
 * same run (same trace hash).
 */
import { createSimulation, type ApplyResult, type Command, type Scenario, type Simulation } from '../engine';
import { findPreset, DEFAULT_PRESET_ID } from '../scenarios/presets';
import { createAppStore, type AppState } from './store';
import { clampSpeed } from './speed';

const MAX_RUN_MS = 86_400_000;

function build(scenario: Scenario, interventions: AppState['run']['interventions']): Simulation {
  return createSimulation({ ...scenario, actions: [...(scenario.actions ?? []), ...interventions] });
}

const defaultScenario = findPreset(DEFAULT_PRESET_ID)!.scenario;
let simulation = build(defaultScenario, []);

export const appStore = createAppStore({
  playback: { playing: false, speed: 1 },
  run: { scenario: defaultScenario, presetId: DEFAULT_PRESET_ID, interventions: [] },
  sim: { snapshot: simulation.snapshot(), traceHash: simulation.traceHash() },
  ui: { message: null, selection: null, view: {} },
});

function publish(): void {
  appStore.setState((state) => ({
    ...state,
    sim: { snapshot: simulation.snapshot(), traceHash: simulation.traceHash() },
  }));
}

export function currentSimulation(): Simulation {
  return simulation;
}

/** Replaces the run with a new scenario, paused at t = 0. */
export function loadScenario(scenario: Scenario, presetId: string | null = null): void {
  simulation = build(scenario, []);
  appStore.setState((state) => ({
    ...state,
    playback: { ...state.playback, playing: false },
    run: { scenario, presetId, interventions: [] },
  }));
  publish();
}

/**
 * Replaces the run with a scenario and recorded interventions, paused at `playheadMs`
 * (how a share link or a saved run is opened).
 */
export function loadRun(
  scenario: Scenario,
  interventions: AppState['run']['interventions'],
  playheadMs: number,
  presetId: string | null = null,
): void {
  simulation = build(scenario, interventions);
  appStore.setState((state) => ({
    ...state,
    playback: { ...state.playback, playing: false },
    run: { scenario, presetId, interventions: [...interventions] },
  }));
  simulation.runUntil(Math.min(MAX_RUN_MS, Math.max(0, Math.round(playheadMs))));
  publish();
}

/** Runs forward to an absolute virtual time (no-op when it is in the past). */
export function runTo(timeMs: number): void {
  const target = Math.min(MAX_RUN_MS, Math.max(0, Math.round(timeMs)));
  if (target <= simulation.now) return;
  simulation.runUntil(target);
  publish();
}

export function advance(deltaMs: number): void {
  if (!Number.isFinite(deltaMs) || deltaMs <= 0) return;
  runTo(simulation.now + deltaMs);
}

/** Moves the playhead to an absolute time: forward by running, backward by replaying from 0. */
export function seek(timeMs: number): void {
  if (!Number.isFinite(timeMs)) return;
  const target = Math.min(MAX_RUN_MS, Math.max(0, Math.round(timeMs)));
  if (target < simulation.now) {
    const { scenario, interventions } = appStore.getState().run;
    simulation = build(scenario, interventions);
  }
  simulation.runUntil(target);
  publish();
}

/** Back to t = 0 of the same run (interventions kept). */
export function resetRun(): void {
  pause();
  seek(0);
}

/** Applies a command at the current virtual time and records it as an intervention. */
export function applyCommand(command: Command): ApplyResult {
  const atMs = simulation.now;
  const result = simulation.apply(command);
  // Refused commands are recorded too: replaying one is refused again identically.
  appStore.setState((state) => ({
    ...state,
    run: { ...state.run, interventions: [...state.run.interventions, { ...command, atMs }] },
    ui: { ...state.ui, message: result.ok ? null : { kind: 'error', text: result.error } },
  }));
  publish();
  return result;
}

export function play(): void {
  appStore.setState((state) => ({ ...state, playback: { ...state.playback, playing: true } }));
}

export function pause(): void {
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
