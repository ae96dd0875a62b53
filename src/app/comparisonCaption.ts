/**
 * The caption of a comparison at this moment: the latest comparison note in its hold window
 * whose claims hold, each of run A (`when.a`) and of run B (`when.b`), judged as scenario
 * notes are (captions.ts), so a caption never says what either half of the screen contradicts.
 */
import type { Condition, Simulation, Summary } from '../engine';
import type { ComparisonNote } from '../scenarios/presets/comparisonPresets';
import { captionAt, currentCaption } from './captions';

export interface ComparedRun {
  simulation: Simulation;
  /** The run's summary at t = 0 (for claims comparing with it), made on first need. */
  startSummary: () => Summary;
}

export function comparisonCaption(notes: readonly ComparisonNote[], a: ComparedRun, b: ComparedRun): ComparisonNote | null {
  const nowMs = Math.min(a.simulation.now, b.simulation.now);
  // Newest first; of two notes at the same time, the later one in the list.
  const candidates = notes.filter((note) => captionAt([{ atMs: note.atMs, text: note.text }], nowMs) !== null).reverse();
  candidates.sort((x, y) => y.atMs - x.atMs);
  return candidates.find((note) => holdsOf(a, note, note.when?.a) && holdsOf(b, note, note.when?.b)) ?? null;
}

function holdsOf(run: ComparedRun, note: ComparisonNote, when: Condition | undefined): boolean {
  if (when === undefined) return true;
  return currentCaption(run.simulation, [{ atMs: note.atMs, text: note.text, when }], run.startSummary) !== null;
}
