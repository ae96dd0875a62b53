import { describe, expect, it } from 'vitest';
import { createSimulation, type Scenario, type SimSnapshot, type TimedCommand } from '../engine';
import { checkout } from '../scenarios/presets/checkout';
import { copySizeOf } from './checkpoints';
import { LiveRun } from './liveRun';

const scenario: Scenario = { ...checkout, producers: [{ ...checkout.producers[0]!, ratePerSec: 20 }] };
const MiB = 2 ** 20;

/** A wall clock for tests: each reading is 1 ms after the last, so every copy "takes" 1 ms. */
function tickingClock(): () => number {
  let wall = 0;
  return () => (wall += 1);
}

/** Fine grid 1 s, dense within 3 s of the playhead, each copy "holding" 1 MiB of 16. */
function budgetedRun(interventions: TimedCommand[] = []): LiveRun {
  return new LiveRun(scenario, interventions, {
    intervalMs: 1_000,
    denseSpanMs: 3_000,
    maxTotalBytes: 16 * MiB,
    sizeOf: () => ({ ownBytes: MiB, tableEntries: 0 }),
    wallClock: tickingClock(),
  });
}

function playedInSteps(run: LiveRun, untilMs: number): LiveRun {
  for (let t = 1_000; t <= untilMs; t += 1_000) run.seek(t);
  return run;
}

/** Gaps between consecutive checkpoints (from t = 0) before `untilMs`. */
function gapsBefore(times: number[], untilMs: number): number[] {
  const before = times.filter((t) => t <= untilMs);
  return before.map((t, i) => t - (before[i - 1] ?? 0));
}

describe('Checkpoints: a fine grid near the playhead, a coarse one elsewhere', () => {
  it('keeps every fine slot within the dense span of the playhead and one checkpoint per coarse slot elsewhere, within the byte budget', () => {
    const run = playedInSteps(budgetedRun(), 120_000);
    const checkpoints = run.checkpoints;
    const times = checkpoints.times();
    expect(checkpoints.totalBytes()).toBeLessThanOrEqual(16 * MiB);
    expect(checkpoints.count).toBeLessThanOrEqual(16);
    expect(times.filter((t) => t >= 117_000)).toEqual([117_000, 118_000, 119_000, 120_000]);
    // The coarse grid covers the rest: no stretch longer than one coarse slot, twice over at worst
    // (earliest of one slot to the end of the next).
    expect(checkpoints.intervalMs).toBeGreaterThan(1_000);
    expect(Math.max(...gapsBefore(times, 117_000))).toBeLessThan(2 * checkpoints.intervalMs);
  });

  it('moves the dense span to where the user seeks, one fine copy a seek: scrubbing back there replays at most one fine interval', () => {
    const run = playedInSteps(budgetedRun(), 120_000);
    /** Seeks to `target`; returns the fine copies the seek took (off the coarse grid, or in a coarse slot already held). */
    const fineCopiesOf = (target: number) => {
      const before = run.checkpoints.times();
      run.seek(target);
      const coarse = run.checkpoints.intervalMs;
      const taken = run.checkpoints.times().filter((t) => !before.includes(t));
      return taken.filter((t) => t % coarse !== 0 || before.some((b) => Math.floor(b / coarse) === t / coarse));
    };
    // From the end of the run back to 40.5 s: one copy, at the fine slot just before the target.
    expect(fineCopiesOf(40_500)).toEqual([40_000]);
    for (const target of [39_700, 38_200, 40_400, 37_100, 44_900]) {
      expect(fineCopiesOf(target).length).toBeLessThanOrEqual(1);
      expect(target - run.checkpoints.nearest(target)!.timeMs).toBeLessThan(1_000);
    }
    expect(run.checkpoints.times().filter((t) => t > 37_000 && t <= 40_500)).toEqual([38_000, 39_000, 40_000]);
    // Where the dense span was before (the end of the run), the coarse grid is left.
    expect(run.checkpoints.times().filter((t) => t >= 117_000).length).toBeLessThanOrEqual(1);
    expect(run.checkpoints.totalBytes()).toBeLessThanOrEqual(16 * MiB);
  });

  it('seeks exactly after thinning: each moment has the trace hash of one straight run to it', () => {
    const crash: TimedCommand = { atMs: 12_000, type: 'crash', target: 'email-0' };
    const start: TimedCommand = { atMs: 30_000, type: 'start', target: 'email-0' };
    const run = playedInSteps(budgetedRun([crash, start]), 90_000);
    for (const target of [45_300, 12_700, 89_999, 3_100, 30_000, 29_999, 61_000]) {
      run.seek(target);
      const straight = new LiveRun(scenario, [crash, start]);
      straight.forwardTo(target);
      expect(run.simulation.traceHash()).toBe(straight.simulation.traceHash());
      expect(run.nextIntervention).toBe(straight.nextIntervention);
    }
    const engine = createSimulation({ ...scenario, actions: [crash, start] });
    engine.runUntil(61_000);
    expect(run.simulation.traceHash()).toBe(engine.traceHash());
  });

  it('takes copies only for the coarse grid where copying is slow', () => {
    let wall = 0;
    // Every copy "takes" 150 ms: over the 100 ms allowed for the dense span, under the 200 ms for the grid.
    const run = new LiveRun(scenario, [], {
      intervalMs: 1_000,
      denseSpanMs: 3_000,
      maxTotalBytes: 16 * MiB,
      sizeOf: () => ({ ownBytes: MiB, tableEntries: 0 }),
      wallClock: () => (wall += 150),
    });
    playedInSteps(run, 120_000);
    const coarse = run.checkpoints.intervalMs;
    expect(coarse).toBeGreaterThan(1_000);
    const times = run.checkpoints.times();
    const slots = times.map((t) => Math.floor(t / coarse));
    expect(new Set(slots).size).toBe(slots.length);
    expect(Math.max(...gapsBefore(times, 120_000))).toBeLessThan(2 * coarse);
  });

  it('keeps copying after one slow copy: the cost is predicted from the cheapest of the recent copies', () => {
    // Each copy takes 1 ms of the injected clock, except the fourth, which takes 500 ms.
    let wall = 0;
    let readings = 0;
    const run = new LiveRun(scenario, [], {
      intervalMs: 1_000,
      maxCopyMs: 100,
      sizeOf: () => ({ ownBytes: MiB, tableEntries: 0 }),
      wallClock: () => {
        readings++;
        // Readings come in pairs around each copy (an explicit seek skips the overhead budget).
        if (readings % 2 === 0) wall += readings === 8 ? 500 : 1;
        return wall;
      },
    });
    run.seek(20_000);
    expect(run.checkpoints.times()).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * 1_000));
  });
});

/**
 * What `copySizeOf` reads of the 1-hour seek benchmark's run (bench/seekScenarios.ts: the
 * email-outage topology at 100 orders/s, retention 10 minutes) at `nowMs`: orders and payments
 * at 100 records/s each, 10 minutes of them retained, every group applying every order.
 */
function outageHourSnapshotAt(nowMs: number): SimSnapshot {
  const appended = Math.floor(nowMs / 10);
  const partition = (perTopic: number) => ({ logStartOffset: Math.max(0, perTopic - 60_000) / 6, logEndOffset: perTopic / 6 });
  const topic = () => ({ partitions: Array.from({ length: 6 }, () => partition(appended)) });
  const groups = ['reserveStock', 'chargePayment', 'sendReceipt', 'shipOrder'].map((handler) => ({ handler, readModelApplied: appended }));
  return { topics: [topic(), topic()], groups } as unknown as SimSnapshot;
}

describe('Checkpoints: the 1-hour seek benchmark within the default bound', () => {
  it('keeps a checkpoint every 10 s over the whole hour, within the default byte bound', () => {
    // A small run moves the clock; the sizes are those of the hour's run at each moment.
    const run = new LiveRun({ ...scenario, producers: [{ ...scenario.producers[0]!, ratePerSec: 1 }] }, [], {
      sizeOf: (simulation) => copySizeOf(outageHourSnapshotAt(simulation.now)),
      wallClock: tickingClock(),
    });
    playedInSteps(run, 3_600_000);
    const times = run.checkpoints.times();
    expect(run.checkpoints.intervalMs).toBe(10_000);
    expect(Math.max(...gapsBefore(times, 3_600_000))).toBeLessThanOrEqual(10_000);
    expect(run.checkpoints.totalBytes()).toBeLessThanOrEqual(576 * MiB);
    // Near the bound: a 10 s grid is what the bound was chosen for (a 20 s grid would fit in 400 MiB).
    expect(run.checkpoints.totalBytes()).toBeGreaterThan(480 * MiB);
  });
});

describe('copySizeOf', () => {
  it('counts records retained, not records ever appended: with retention and stateless handlers it stays flat', () => {
    const bounded: Scenario = {
      ...scenario,
      topics: [{ name: 'orders', partitions: 3, config: { 'retention.ms': 10_000, 'segment.ms': 1_000 } }],
      producers: [{ ...scenario.producers[0]!, ratePerSec: 100 }],
      services: [{ id: 'audit', subscribe: ['orders'], config: { 'auto.offset.reset': 'earliest' } }],
    };
    const simulation = createSimulation(bounded);
    const appended = () => simulation.snapshot().topics[0]!.partitions.reduce((sum, p) => sum + p.logEndOffset, 0);
    simulation.runUntil(30_000);
    const early = copySizeOf(simulation.snapshot());
    const appendedEarly = appended();
    simulation.runUntil(120_000);
    const late = copySizeOf(simulation.snapshot());
    expect(appended()).toBeGreaterThan(3.5 * appendedEarly);
    expect(Math.abs(late.ownBytes - early.ownBytes)).toBeLessThan(0.01 * early.ownBytes);
    expect(late.tableEntries).toBe(0);
  });

  it('counts the per-order tables of stateful handlers by their chunk directories, not as CowMaps: their copies share all but a few chunks', () => {
    const simulation = createSimulation(scenario);
    simulation.runUntil(60_000);
    const snapshot = simulation.snapshot();
    const applied = (group: string) => snapshot.groups.find((g) => g.groupId === group)!.readModelApplied;
    expect(applied('billing')).toBeGreaterThan(1_000);
    const size = copySizeOf(snapshot);
    expect(size.tableEntries).toBe(0);
    // Five chunked tables (billing keeps two) of a few chunks each, whatever their size.
    const entries = applied('inventory') + 2 * applied('billing') + applied('email') + applied('shipping');
    const stateless = copySizeOf({ ...snapshot, groups: [] }).ownBytes;
    expect(size.ownBytes - stateless).toBeCloseTo(5 * 16 * 1024 + entries / 64, 0);
  });

  it('counts the records appended since the previous checkpoint and still retained: the checkpoints keep them once the run deletes them', () => {
    const simulation = createSimulation(scenario);
    simulation.runUntil(30_000);
    const size = copySizeOf(simulation.snapshot());
    expect(size.appendedRecords).toBeGreaterThan(1_000);
    expect(size.retainedRecords).toBe(size.appendedRecords);
  });
});
