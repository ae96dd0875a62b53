/**
 * Interventions and forks: commands applied at the playhead become the run's interventions.
 * Placed before later interventions they fork the run — the later ones are dropped, after the
 * user confirms — and the fork can be undone. A lesson's Back puts the run back at an earlier
 * moment of its own history the same way (exact: the live run replays from a checkpoint).
 */
import type { ApplyResult, Command, TimedCommand } from '../engine';
import { formatClock, millions, WORK_BUDGET } from '../scenarios/workBudget';
import type { LiveRun } from './liveRun';
import type { AppStore } from './store';

/** What interventions need from their lab. */
export interface ForkHost {
  store: AppStore;
  run(): LiveRun;
  guarded(task: () => void): boolean;
  publish(): void;
  pause(): void;
  /** Ends long work at once, where it is. */
  stopWork(): void;
  /** The moments stepped back to belong to the run as it was: forget them. */
  forgetSteps(): void;
}

export function createForks(host: ForkHost) {
  const { store: appStore, guarded, publish, pause, stopWork } = host;

  /**
   * Applies commands at the playhead and records them as interventions (the browser API and
   * confirmed UI commands). Placed before later interventions they fork the run; an undo is kept.
   */
  function applyCommands(commands: readonly Command[]): ApplyResult[] {
    const run = host.run();
    const before = appStore.getState();
    const playheadMs = run.now;
    const interventionsBefore = [...run.interventions];
    const results: ApplyResult[] = [];
    let droppedCount = 0;
    stopWork();
    for (const command of commands) {
      const overBudget = run.endMsWith(command) < run.now;
      const applied = overBudget ? null : guardedApply(command);
      const result: ApplyResult = applied?.result ?? {
        ok: false,
        error: overBudget
          ? `${command.type} refused: from ${formatClock(run.now)} on it would need more work than the lab's budget (${millions(WORK_BUDGET)} units: records appended and processed, commands, timed events)`
          : `${command.type} failed: the run could not go on`,
      };
      results.push(result);
      droppedCount += applied?.dropped.length ?? 0;
    }
    host.forgetSteps();
    const forked = playheadMs < before.lab.reachedMs;
    const refused = results.find((r): r is { ok: false; error: string } => !r.ok);
    appStore.setState((state) => ({
      ...state,
      ui: { ...state.ui, message: refused ? { kind: 'error', text: refused.error } : null },
      lab: {
        ...state.lab,
        endMs: run.endMs,
        forkPrompt: null,
        reachedMs: forked ? playheadMs : state.lab.reachedMs,
        rebalances: forked
          ? state.lab.rebalances.filter((m) => m.atMs <= playheadMs)
          : state.lab.rebalances,
        undo:
          droppedCount > 0
            ? {
                interventions: interventionsBefore,
                playheadMs,
                reachedMs: before.lab.reachedMs,
                rebalances: before.lab.rebalances,
                droppedCount,
              }
            : null,
      },
    }));
    publish();
    return results;
  }

  function guardedApply(command: Command): { result: ApplyResult; dropped: TimedCommand[] } | null {
    const run = host.run();
    let applied: { result: ApplyResult; dropped: TimedCommand[] } | null = null;
    guarded(() => {
      applied = run.apply(command);
    });
    return applied;
  }

  function applyCommand(command: Command): ApplyResult {
    return applyCommands([command])[0]!;
  }

  /**
   * Commands from the UI: applied at once, unless later interventions exist, in which case
   * playback pauses and the user is asked to confirm the fork first (null until then).
   */
  function requestCommands(commands: readonly Command[]): ApplyResult[] | null {
    const run = host.run();
    if (commands.length === 0) return [];
    const later = run.laterInterventions();
    if (later.length === 0) return applyCommands(commands);
    pause();
    appStore.setState((state) => ({
      ...state,
      lab: { ...state.lab, forkPrompt: { commands: [...commands], atMs: run.now, dropped: later } },
    }));
    return null;
  }

  function requestCommand(command: Command): ApplyResult[] | null {
    return requestCommands([command]);
  }

  function confirmFork(): ApplyResult[] | null {
    const run = host.run();
    const prompt = appStore.getState().lab.forkPrompt;
    if (!prompt) return null;
    if (run.now !== prompt.atMs) guarded(() => run.seek(prompt.atMs));
    return applyCommands(prompt.commands);
  }

  function cancelFork(): void {
    appStore.setState((state) => ({ ...state, lab: { ...state.lab, forkPrompt: null } }));
  }

  /**
   * Puts the run back at an earlier moment of its own history: these interventions, this
   * playhead (a lesson's Back restores the step's start this way). Exact: the live run replays
   * from a checkpoint.
   */
  function restoreMoment(interventions: readonly TimedCommand[], playheadMs: number): void {
    const run = host.run();
    pause();
    stopWork();
    host.forgetSteps();
    guarded(() => run.replaceInterventions(interventions, playheadMs));
    appStore.setState((state) => ({
      ...state,
      // What lay beyond belonged to the branch given up: the scrubber's extent ends here.
      lab: {
        ...state.lab,
        undo: null,
        forkPrompt: null,
        reachedMs: playheadMs,
        rebalances: state.lab.rebalances.filter((m) => m.atMs <= playheadMs),
      },
    }));
    publish();
  }

  /** Restores the interventions a fork dropped and the playhead where the fork happened. */
  function undoFork(): void {
    const run = host.run();
    const undo = appStore.getState().lab.undo;
    if (!undo) return;
    pause();
    stopWork();
    host.forgetSteps();
    guarded(() => run.replaceInterventions(undo.interventions, undo.playheadMs));
    appStore.setState((state) => ({
      ...state,
      ui: {
        ...state.ui,
        message: {
          kind: 'info',
          text: `Undone: the ${undo.droppedCount === 1 ? 'dropped intervention is' : `${undo.droppedCount} dropped interventions are`} back.`,
        },
      },
      lab: { ...state.lab, undo: null, reachedMs: undo.reachedMs, rebalances: undo.rebalances },
    }));
    publish();
  }

  function dismissUndo(): void {
    appStore.setState((state) => ({ ...state, lab: { ...state.lab, undo: null } }));
  }

  return {
    applyCommands,
    applyCommand,
    requestCommands,
    requestCommand,
    confirmFork,
    cancelFork,
    restoreMoment,
    undoFork,
    dismissUndo,
  };
}
