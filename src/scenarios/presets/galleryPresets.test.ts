import { describe, expect, it } from 'vitest';
import { createSimulation, type Scenario, type Summary } from '../../engine';
import { parseScenario } from '../parseScenario';
import { PRESETS, findPreset } from './index';

const GALLERY_IDS = [
  'checkout',
  'email-outage',
  'late-fraud-check',
  'cqrs-rebuild',
  'commands-vs-events',
  'pubsub-vs-queue',
  'at-least-once-vs-at-most-once',
  'hang-vs-session-timeout',
  'eager-vs-cooperative',
  'hot-partition',
  'retention-loses-data',
  'compacted-profiles',
  'adding-partitions-breaks-order',
];

function summaryAt(scenario: Scenario, timeMs: number): Summary {
  const simulation = createSimulation(scenario);
  simulation.runUntil(timeMs);
  return simulation.summary();
}

function preset(id: string): Scenario {
  const found = findPreset(id);
  if (found === undefined) throw new Error(`no preset ${id}`);
  return found.scenario;
}

describe('the preset gallery', () => {
  it('holds every preset the gallery promises, with unique ids', () => {
    const ids = PRESETS.map((entry) => entry.id);
    for (const id of GALLERY_IDS) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(PRESETS.map((entry) => [entry.id, entry] as const))(
    '%s parses with no warnings, has a description, a concept and timed notes',
    (_id, entry) => {
      const parsed = parseScenario(entry.scenario);
      expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      if (parsed.ok) expect(parsed.warnings).toEqual([]);
      expect(entry.description.length).toBeGreaterThan(10);
      expect(entry.concept.length).toBeGreaterThan(10);
      expect(entry.scenario.notes?.length ?? 0).toBeGreaterThanOrEqual(1);
    },
  );

  it.each(PRESETS.map((entry) => [entry.id, entry.scenario] as const))(
    '%s runs 60 s with invariants checked after every event',
    (_id, scenario) => {
      const simulation = createSimulation(scenario, { checkInvariants: true });
      simulation.runUntil(60_000);
      expect(simulation.now).toBe(60_000);
    },
  );
});

describe('what the gallery presets teach', () => {
  it('at-least-once-vs-at-most-once: committing after processing duplicates, before processing skips', () => {
    const { stats } = summaryAt(preset('at-least-once-vs-at-most-once'), 60_000);
    expect(stats['billing-after']).toMatchObject({ skipped: 0 });
    expect(stats['billing-after']!.duplicates).toBeGreaterThan(0);
    expect(stats['billing-before']).toMatchObject({ duplicates: 0 });
    expect(stats['billing-before']!.skipped).toBeGreaterThan(0);
  });

  it('hang-vs-session-timeout: a 5 s hang keeps the generation, a 25 s hang causes rebalances', () => {
    expect(summaryAt(preset('hang-vs-session-timeout'), 30_000).groups['email']!.generation).toBe(1);
    expect(summaryAt(preset('hang-vs-session-timeout'), 90_000).groups['email']!.generation).toBeGreaterThanOrEqual(3);
  });

  it('eager-vs-cooperative: both groups end with three members sharing six partitions', () => {
    const { groups } = summaryAt(preset('eager-vs-cooperative'), 40_000);
    for (const id of ['eager', 'cooperative']) {
      const assigned = Object.values(groups[id]!.members).flatMap((member) => member.assignment);
      expect(Object.keys(groups[id]!.members)).toHaveLength(3);
      expect(new Set(assigned).size).toBe(6);
    }
  });

  it('hot-partition: one partition receives more than twice the records of any other', () => {
    const partitions = summaryAt(preset('hot-partition'), 60_000).topics['clicks']!.partitions;
    const ends = partitions.map((partition) => partition.logEndOffset).sort((a, b) => b - a);
    expect(ends[0]!).toBeGreaterThan(2 * ends[1]!);
  });

  it('retention-loses-data: the slowed consumer skips records deleted by retention', () => {
    const summary = summaryAt(preset('retention-loses-data'), 90_000);
    expect(summary.topics['events']!.partitions[0]!.logStartOffset).toBeGreaterThan(0);
    expect(summary.stats['reporting']!.skipped).toBeGreaterThan(0);
  });

  it('compacted-profiles: the late reader reads far fewer records and builds the same table', () => {
    const { stats, readModels } = summaryAt(preset('compacted-profiles'), 120_000);
    expect(stats['profile-cache']!.processed * 2).toBeLessThan(stats['profile-view']!.processed);
    const rows = (id: string) => (readModels[id] as { rows: Record<string, unknown> }).rows;
    expect(rows('profile-cache')).toEqual(rows('profile-view'));
  });

  it('adding-partitions-breaks-order: keys that move partition are processed out of order', () => {
    const summary = summaryAt(preset('adding-partitions-breaks-order'), 60_000);
    expect(summary.topics['accounts']!.partitions).toHaveLength(4);
    expect(summary.stats['ledger']!.orderViolations).toBeGreaterThan(0);
  });

  it('adding-partitions-breaks-order: the new partitions fill from bank\'s metadata refresh but are read only after ledger\'s leader refreshes and rebalances', () => {
    const sim = createSimulation(preset('adding-partitions-breaks-order'));
    sim.runUntil(31_999);
    const unseen = sim.summary();
    expect(unseen.topics['accounts']!.partitions.slice(2).map((p) => p.highWatermark)).toEqual([0, 0]);
    sim.runUntil(34_999);
    const window = sim.summary();
    expect(window.topics['accounts']!.partitions[3]!.highWatermark).toBeGreaterThan(0);
    const assigned = Object.values(window.groups['ledger']!.members).flatMap((m) => m.assignment);
    expect(assigned.sort()).toEqual(['accounts-0', 'accounts-1']);
    sim.runUntil(45_000);
    const noticed = sim.events().filter((e) => e.code === 'producer.metadata' || e.code === 'group.metadataChanged');
    expect(noticed.map((e) => [e.atMs, e.code])).toEqual([
      [32_000, 'producer.metadata'],
      [35_000, 'group.metadataChanged'],
    ]);
    const after = Object.values(sim.summary().groups['ledger']!.members).flatMap((m) => m.assignment);
    expect(after.sort()).toEqual(['accounts-0', 'accounts-1', 'accounts-2', 'accounts-3']);
  });
});
