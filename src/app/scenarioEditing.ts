/**
 * Applying an edited scenario (the editor's JSON twin): the text is checked as a scenario file
 * is (every problem with its field path; nothing throws), and an invalid edit never replaces the
 * run. A valid one becomes the run, paused at the playhead it had when the new run can reach it
 * (the work budget may end it sooner), else at t = 0 with a message. The run it replaced is kept
 * for one undo.
 */
import type { Scenario, TimedCommand } from '../engine';
import { runFileText } from '../share/scenarioFileText';
import { estimateWork, formatClock, workBudgetEndMs } from '../scenarios/workBudget';
import { loadPresetScenarios, presetScenario } from '../scenarios/presets/presetScenarios';
import { MAX_RUN_MS } from './liveRun';
import type { WorkOutcome } from './longWork';
import type { AppStore } from './store';

/** A blank scenario: one topic, nothing producing or consuming yet. */
const BLANK: Scenario = {
  format: 'logscope-scenario',
  version: 1,
  title: 'New scenario',
  seed: 1,
  topics: [{ name: 'orders', partitions: 3 }],
  producers: [],
  services: [],
};

/**
 * The editor's first text: the current run (its interventions as the scenario's actions), a
 * blank scenario, or a gallery preset by id.
 */
export function startingText(store: AppStore, from: 'current' | 'blank' | string): string {
  if (from === 'current') {
    const { scenario, interventions } = store.getState().run;
    return runFileText(scenario, interventions);
  }
  const preset = from === 'blank' ? undefined : presetScenario(from);
  return runFileText(preset ?? BLANK, []);
}

/** {@link startingText} once the presets' scenarios (loaded on demand, presetScenarios.ts) are in. */
export async function loadStartingText(store: AppStore, from: 'current' | 'blank' | string): Promise<string> {
  if (from !== 'current' && from !== 'blank') await loadPresetScenarios();
  return startingText(store, from);
}

/** What applying needs from its lab. */
export interface EditingHost {
  store: AppStore;
  /** The playhead. */
  now(): number;
  loadRun(scenario: Scenario, interventions: TimedCommand[], playheadMs: number, presetId: string | null): Promise<WorkOutcome>;
  showMessage(message: { kind: 'error' | 'info'; text: string } | null): void;
}

/** The latest time a run of `scenario` may reach (the work budget's end, at most 24 h). */
function endMsOf(scenario: Scenario): number {
  return Math.min(MAX_RUN_MS, workBudgetEndMs(estimateWork(scenario)));
}

/** An edit closed without Apply: given back when the editor opens again, so no edit is lost. */
export interface EditDraft {
  from: string;
  text: string;
}

export function createScenarioEditing(host: EditingHost) {
  const { store } = host;
  let draft: EditDraft | null = null;

  /**
   * The editor closes without applying: keep its text when it differs from where it started
   * (`startText`), so opening the editor again gives it back; an unchanged text keeps nothing.
   */
  function keepDraft(from: string, text: string, startText: string): void {
    draft = text === startText ? null : { from, text };
  }

  /** The kept edit, if any (the editor starts from it). */
  function keptDraft(): EditDraft | null {
    return draft;
  }

  /** Replaces the run with `scenario` (already checked), keeping the playhead where it can. */
  async function applyScenario(scenario: Scenario): Promise<WorkOutcome> {
    draft = null;
    const before = store.getState();
    const playheadMs = host.now();
    const reachable = playheadMs <= endMsOf(scenario);
    const at = reachable ? playheadMs : 0;
    const undo = {
      scenario: before.run.scenario,
      interventions: [...before.run.interventions],
      playheadMs,
      presetId: before.run.presetId,
      appliedAtMs: at,
    };
    const outcome = await host.loadRun(scenario, [], at, null);
    store.setState((state) => ({ ...state, ui: { ...state.ui, editUndo: undo } }));
    if (!reachable)
      host.showMessage({
        kind: 'info',
        text: `The edited run opens at 0:00: it ends at ${formatClock(endMsOf(scenario))} (the work budget), before the playhead was (${formatClock(playheadMs)}).`,
      });
    return outcome;
  }

  /** Puts back the run the last apply replaced, at its playhead. */
  async function undoApply(): Promise<void> {
    const undo = store.getState().ui.editUndo;
    if (!undo) return;
    await host.loadRun(undo.scenario, undo.interventions, undo.playheadMs, undo.presetId);
    host.showMessage({ kind: 'info', text: 'Undone: the run from before your edit is back.' });
  }

  function dismissEditUndo(): void {
    store.setState((state) => ({ ...state, ui: { ...state.ui, editUndo: null } }));
  }

  return { applyScenario, undoApply, dismissEditUndo, keepDraft, keptDraft };
}
