/**
 * The caption for this moment: the latest scenario note at or before it, for a while. A note
 * may carry a claim (`when`, the lessons' condition data): it is shown only while the claim holds
 * of this run, so a caption never says something the screen contradicts, however the user
 * changed the run.
 */
import { createSimulation, type Note, type Scenario, type Simulation, type Summary } from '../engine';
import { evaluate } from '../scenarios/conditions/evaluateCondition';
import { withFoldPaths } from '../scenarios/conditions/foldPaths';

const CAPTION_HOLD_MS = 20_000;

export function captionAt(notes: readonly Note[] | undefined, nowMs: number): Note | null {
  let current: Note | null = null;
  for (const note of notes ?? []) {
    if (note.atMs <= nowMs && (current === null || note.atMs >= current.atMs)) current = note;
  }
  if (current && nowMs - current.atMs > CAPTION_HOLD_MS) return null;
  return current;
}

/** Whether a note's claim holds of the run now (events and elapsed time count from the note's time). */
function noteHolds(simulation: Simulation, note: Note, startSummary: Summary): boolean {
  if (!note.when) return true;
  const events = simulation.events();
  return evaluate(note.when, {
    summary: withFoldPaths(simulation.summary(), (serviceId) => simulation.foldComparison(serviceId)),
    stepStart: startSummary,
    lessonStart: startSummary,
    stepEvents: events.filter((e) => e.atMs >= note.atMs),
    lessonEvents: events,
    elapsedMs: simulation.now - note.atMs,
  });
}

/**
 * The caption to show now: the latest note in its hold window whose claim holds (an earlier one
 * stays up while a later claim is not yet true of the run). `startSummary` gives the summary at
 * t = 0, computed only if a claim needs it.
 */
export function currentCaption(simulation: Simulation, notes: readonly Note[] | undefined, startSummary: () => Summary): Note | null {
  const now = simulation.now;
  // Newest first; of two notes at the same time, the later one in the list (as captionAt picks).
  const candidates = (notes ?? []).filter((note) => note.atMs <= now && now - note.atMs <= CAPTION_HOLD_MS).reverse();
  candidates.sort((a, b) => b.atMs - a.atMs);
  for (const note of candidates) {
    if (!note.when || noteHolds(simulation, note, startSummary())) return note;
  }
  return null;
}

/** The summary of a scenario at t = 0 (what `at` and `change` operands of a note compare with). */
export function summaryAtStart(scenario: Scenario): Summary {
  const simulation = createSimulation(scenario);
  simulation.runUntil(0);
  return simulation.summary();
}
