/**
 * Captions must be true of the run: for every preset, each note that claims something about the
 * run (`when`) is shown within its caption window, played as the preset is; while it is shown
 * its claim holds (the caption bar checks it every time). Notes without a claim are only those
 * at t = 0, questions, or descriptions of the preset's own scripted action at its time (listed
 * below with why), so a new claim cannot slip in unchecked.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine';
import { PRESETS } from '../scenarios/presets';
import { currentCaption, summaryAtStart } from './captions';

/** Notes that claim nothing checkable about the run at their time, and why. */
const WITHOUT_CLAIM: Record<string, string> = {
  'email-outage@20000': 'a question, at the scripted crash',
  'late-fraud-check@60000': 'describes the scripted addService at its time',
  'late-fraud-check@70000': 'compares with a run without fraud-check (checked in stories.test.ts)',
  'late-fraud-check-latest@60000': 'describes the scripted addService at its time',
  'late-fraud-check-latest@75000': 'points to another preset',
  'cqrs-rebuild@31000': 'describes the scripted reset at its time',
  'commands-vs-events@5000': 'a definition',
  'at-least-once-vs-at-most-once@21000': 'describes the scripted crashes at their time',
  'at-least-once-vs-at-most-once@26000': 'describes the scripted restarts at their time',
  'hang-vs-session-timeout@20000': 'describes the scripted hang at its time',
  'hang-vs-session-timeout@40000': 'describes the scripted hang at its time',
  'eager-vs-cooperative@30000': 'describes the scripted scale-out at its time',
  'hot-partition@60000': 'a general rule about groups',
  'retention-loses-data@10000': 'describes the scripted slow-down at its time',
  'compacted-profiles@20000': 'a definition of cleanup.policy=compact',
  'compacted-profiles@45000': 'describes the scripted tombstone at its time',
  'compacted-profiles@90000': 'describes the scripted addService at its time',
  'adding-partitions-breaks-order@30000': 'describes the scripted addPartitions at its time',
};

const STEP_MS = 250;
const HOLD_MS = 20_000;

describe.each(PRESETS.map((preset) => [preset.id, preset] as const))('preset %s', (id, preset) => {
  const notes = preset.scenario.notes ?? [];

  it('claims something checkable in every note after t = 0, or is listed with why not', () => {
    const unchecked = notes.filter((n) => n.atMs > 0 && !n.when).map((n) => `${id}@${n.atMs}`);
    expect(unchecked.filter((key) => !(key in WITHOUT_CLAIM))).toEqual([]);
  });

  it.runIf(notes.some((n) => n.when))('shows each claiming note within its window, and only while its claim holds', () => {
    const start = summaryAtStart(preset.scenario);
    const simulation = createSimulation(preset.scenario);
    const shown = new Set<number>();
    const lastMs = Math.max(...notes.filter((n) => n.when).map((n) => n.atMs)) + HOLD_MS;
    for (let t = 0; t <= lastMs; t += STEP_MS) {
      simulation.runUntil(t);
      const caption = currentCaption(simulation, notes, () => start);
      if (caption) shown.add(notes.indexOf(caption));
    }
    const neverShown = notes.filter((n, i) => n.when && !shown.has(i)).map((n) => `@${n.atMs} ${n.text}`);
    expect(neverShown).toEqual([]);
  });
});
