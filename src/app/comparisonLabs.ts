/**
 * A comparison seen as labs, so the lab's own views work unchanged inside it (labContext.ts):
 * the time lab (toolbar, timeline, shortcuts) shows run A's clock and moves both runs; a side's
 * lab shows that run, and its intervention buttons send commands to that run, or to both when
 * the comparison says so. Commands apply at once at the shared playhead (no fork prompt: a
 * comparison has no dialog for it; placed before later interventions they replace them).
 */
import type { Command } from '../engine';
import type { Comparison, RunSide } from './comparison';
import type { Lab } from './lab';

/** Time actions of a comparison, in the lab's shape. */
function timeActions(comparison: Comparison) {
  return {
    play: comparison.play,
    pause: comparison.pause,
    togglePlay: comparison.togglePlay,
    seek: comparison.seek,
    seekInSlices: comparison.seekInSlices,
    advance: comparison.advance,
    stepForward: comparison.stepForward,
    stepBack: comparison.stepBack,
    resetRun: comparison.resetRun,
    setSpeed: comparison.setSpeed,
    scheduleSeek: comparison.scheduleSeek,
    runScheduledSeek: comparison.runScheduledSeek,
    cancelWork: comparison.cancelWork,
    playTo: comparison.playTo,
  };
}

/** Run A's lab with the comparison's time controls: what the toolbar and timeline drive. */
export function comparisonTimeLab(comparison: Comparison): Lab {
  return { ...comparison.a, ...timeActions(comparison) };
}

/** One run's lab inside a comparison: its views, the shared time, routed interventions. */
export function comparisonSideLab(comparison: Comparison, side: RunSide): Lab {
  const applyCommands = (commands: readonly Command[]) => {
    const target = comparison.store.getState().target === 'both' ? 'both' : side;
    return commands.map((command) => {
      const results = comparison.apply(command, target);
      return results[target === 'both' && side === 'b' ? 1 : 0]!;
    });
  };
  return {
    ...comparison[side],
    ...timeActions(comparison),
    applyCommands,
    applyCommand: (command) => applyCommands([command])[0]!,
    requestCommands: applyCommands,
    requestCommand: (command) => applyCommands([command]),
  };
}
