import { describe, expect, it } from 'vitest';
import { createSimulation, type Scenario, type Simulation, type Summary } from '../engine';
import { COMPARISON_PRESETS } from '../scenarios/presets/comparisonPresets';
import { comparisonDifferences, type ClientCounts, type ComparisonDifferences } from './comparisonDifferences';

type Reference = { label: string; scenario: Scenario; topic: string } | undefined;

/** The plain table the stepped work replaces: both runs' summaries and whole-log fingerprints, at once. */
function plainDifferences(a: Simulation, b: Simulation, reference: Reference): ComparisonDifferences {
  const summaryA = a.summary();
  const summaryB = b.summary();
  const atMs = Math.min(a.now, b.now);
  const keysOf = (...records: Array<Record<string, unknown>>) => [...new Set(records.flatMap((record) => Object.keys(record)))].sort();
  const topics = keysOf(summaryA.topics, summaryB.topics).map((topic) => {
    const fingerprintA = a.topicFingerprint(topic);
    const fingerprintB = b.topicFingerprint(topic);
    let referenced = null;
    if (reference && reference.topic === topic) {
      const run = createSimulation(reference.scenario);
      run.runUntil(atMs);
      referenced = { label: reference.label, fingerprint: run.topicFingerprint(topic) };
    }
    return { topic, a: fingerprintA, b: fingerprintB, reference: referenced, identical: fingerprintA !== null && fingerprintB !== null && fingerprintA.hash === fingerprintB.hash };
  });
  const counts = (summary: Summary, group: string) => {
    const stats = summary.stats[group];
    return stats ? { processed: stats.processed, duplicates: stats.duplicates, skipped: stats.skipped } : null;
  };
  const groups = keysOf(summaryA.stats, summaryB.stats).map((group) => ({ group, a: counts(summaryA, group), b: counts(summaryB, group) }));
  const requestsA = summaryA.requests ?? {};
  const requestsB = summaryB.requests ?? {};
  const clientOf = (requests: Record<string, ClientCounts>, client: string): ClientCounts | null => {
    const found = requests[client];
    return found ? { attempted: found.attempted, succeeded: found.succeeded, failed: found.failed, timedOut: found.timedOut } : null;
  };
  const clients = keysOf(requestsA, requestsB).map((client) => ({ client, a: clientOf(requestsA, client), b: clientOf(requestsB, client) }));
  return { atMs, topics, groups, clients };
}

describe('comparisonDifferences', () => {
  it.each(COMPARISON_PRESETS.map((preset) => [preset.id, preset] as const))(
    '%s: stepped while both runs play on, gives the plain table of the moment it began',
    (_id, preset) => {
      const a = createSimulation(preset.a.scenario);
      const b = createSimulation(preset.b.scenario);
      const differencesOf = comparisonDifferences(preset.reference);
      for (const atMs of [42_000, 61_000]) {
        a.runUntil(atMs);
        b.runUntil(atMs);
        const expected = plainDifferences(a, b, preset.reference);
        const work = differencesOf({ simulation: a, snapshot: a.snapshot() }, { simulation: b, snapshot: b.snapshot() });
        let result: ComparisonDifferences | null = null;
        let steps = 0;
        while (result === null) {
          result = work.step(97);
          steps++;
          // The runs go on between steps, as they do during playback.
          a.runUntil(a.now + 50);
          b.runUntil(b.now + 50);
        }
        expect(result).toEqual(expected);
        expect(work.atMs).toBe(atMs);
        expect(steps).toBeGreaterThan(2);
      }
    },
    30_000,
  );

  it('restarts the reference run when the playhead went back', () => {
    const preset = COMPARISON_PRESETS.find((p) => p.reference !== undefined)!;
    const differencesOf = comparisonDifferences(preset.reference);
    const tableAt = (atMs: number) => {
      const a = createSimulation(preset.a.scenario);
      const b = createSimulation(preset.b.scenario);
      a.runUntil(atMs);
      b.runUntil(atMs);
      const work = differencesOf({ simulation: a, snapshot: a.snapshot() }, { simulation: b, snapshot: b.snapshot() });
      let result = work.step(Number.POSITIVE_INFINITY);
      while (result === null) result = work.step(Number.POSITIVE_INFINITY);
      return { result, expected: plainDifferences(a, b, preset.reference) };
    };
    for (const atMs of [20_000, 8_000]) {
      const { result, expected } = tableAt(atMs);
      expect(result).toEqual(expected);
      expect(result.topics.some((topic) => topic.reference?.fingerprint)).toBe(true);
    }
  });
});
