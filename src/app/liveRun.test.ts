import { describe, expect, it } from 'vitest';
import { createSimulation, type Scenario, type TimedCommand } from '../engine';
import { checkout } from '../scenarios/presets/checkout';
import { estimateWork, workBudgetEndMs } from '../scenarios/workBudget';
import { LiveRun } from './liveRun';

const scenario: Scenario = { ...checkout, producers: [{ ...checkout.producers[0]!, ratePerSec: 20 }] };
const crash: TimedCommand = { atMs: 12_000, type: 'crash', target: 'email-0' };
const start: TimedCommand = { atMs: 30_000, type: 'start', target: 'email-0' };

function played(interventions: TimedCommand[], untilMs: number): LiveRun {
  const run = new LiveRun(scenario, interventions, { intervalMs: 5_000, overheadBudget: 1 });
  for (let t = 250; t <= untilMs; t += 250) run.forwardTo(t);
  return run;
}

describe('LiveRun', () => {
  it('applies recorded interventions at their times, the same as applying them live', () => {
    const live = new LiveRun(scenario);
    live.forwardTo(12_000);
    live.apply({ type: 'crash', target: 'email-0' });
    live.forwardTo(30_000);
    live.apply({ type: 'start', target: 'email-0' });
    live.forwardTo(45_000);
    const replayed = new LiveRun(scenario, [crash, start]);
    replayed.seek(45_000);
    expect(replayed.simulation.traceHash()).toBe(live.simulation.traceHash());
    expect(replayed.simulation.summary()).toEqual(live.simulation.summary());
  });

  it('seeks backwards exactly: the state at t is the same whether reached by playing or by seeking back', () => {
    const reference = played([crash, start], 20_000);
    const run = played([crash, start], 50_000);
    expect(run.checkpoints.count).toBeGreaterThan(3);
    run.seek(20_000);
    expect(run.simulation.traceHash()).toBe(reference.simulation.traceHash());
    expect(run.nextIntervention).toBe(1);
    run.seek(50_000);
    expect(run.simulation.traceHash()).toBe(played([crash, start], 50_000).simulation.traceHash());
  });

  it('matches a fresh engine run when there are no interventions', () => {
    const run = new LiveRun(scenario);
    run.seek(40_000);
    run.seek(7_321);
    const engine = createSimulation(scenario);
    engine.runUntil(7_321);
    expect(run.simulation.traceHash()).toBe(engine.traceHash());
  });

  it('forks when an intervention is placed before later ones, and undo restores the original run', () => {
    const run = played([crash, start], 40_000);
    const originalHash = run.simulation.traceHash();
    run.seek(5_000);
    expect(run.laterInterventions()).toEqual([crash, start]);
    const { result, dropped } = run.apply({ type: 'slow', target: 'billing-0', factor: 5 });
    expect(result.ok).toBe(true);
    expect(dropped).toEqual([crash, start]);
    expect(run.interventions).toEqual([{ type: 'slow', target: 'billing-0', factor: 5, atMs: 5_000 }]);
    run.forwardTo(40_000);
    expect(run.simulation.summary().groups['email']!.members['email-0']!.status).toBe('running');
    run.replaceInterventions([crash, start], 40_000);
    expect(run.simulation.traceHash()).toBe(originalHash);
  });

  it('drops checkpoints made stale by a fork', () => {
    const run = played([], 30_000);
    const before = run.checkpoints.times();
    expect(before.some((t) => t > 10_000)).toBe(true);
    run.seek(10_000);
    run.apply({ type: 'crash', target: 'email-0' });
    expect(run.checkpoints.times().every((t) => t <= 10_000)).toBe(true);
  });

  it('keeps at most maxCount checkpoints by widening the grid', () => {
    const run = new LiveRun(scenario, [], { intervalMs: 1_000, maxCount: 4 });
    run.seek(30_000);
    expect(run.checkpoints.count).toBeLessThanOrEqual(4);
    expect(run.checkpoints.intervalMs).toBeGreaterThanOrEqual(8_000);
  });

  it('skips checkpoints during playback when copying would exceed the overhead budget', () => {
    let wall = 0;
    const run = new LiveRun(scenario, [], {
      intervalMs: 1_000,
      overheadBudget: 0.1,
      wallClock: () => (wall += 10),
      maxCopyMs: Number.POSITIVE_INFINITY,
    });
    run.forwardTo(10_000);
    // Each copy "costs" 10 ms, so the next may come only 90 ms of wall time later.
    expect(run.checkpoints.count).toBeLessThan(10);
    run.seek(20_000);
    expect(run.checkpoints.count).toBeGreaterThanOrEqual(10);
  });
});

describe('Checkpoints copy cost', () => {
  it('skips a copy predicted to take longer than maxCopyMs (one task the page cannot interrupt)', () => {
    let wall = 0;
    let readings = 0;
    // The n-th copy "takes" 5n ms (readings come in pairs around each copy: an explicit seek skips
    // the overhead budget) and holds 1 KiB per virtual ms: the cost per byte grows, so once a copy
    // is predicted over 49 ms (from the cheapest of the last copies) it is skipped, and so is
    // every later one. The byte bound is far (so no thinning hides copies taken).
    const run = new LiveRun(scenario, [], {
      intervalMs: 1_000,
      wallClock: () => {
        readings++;
        if (readings % 2 === 0) wall += 5 * (readings / 2);
        return wall;
      },
      maxCopyMs: 49,
      sizeOf: (simulation) => ({ ownBytes: simulation.now * 1024, tableEntries: 0 }),
    });
    run.seek(30_000);
    const times = run.checkpoints.times();
    expect(times[0]).toBe(1_000);
    expect(times.length).toBeGreaterThan(3);
    expect(times.length).toBeLessThan(20);
    expect(times).toEqual(times.map((_, i) => (i + 1) * 1_000));
    // Seeking back without a checkpoint near still lands on the exact moment (replay from one further back).
    run.seek(25_000);
    const reference = new LiveRun(scenario);
    reference.forwardTo(25_000);
    expect(run.simulation.traceHash()).toBe(reference.simulation.traceHash());
  });
});

describe('Checkpoints memory bound', () => {
  it('widens the grid when the copies together would hold too many records', () => {
    const run = new LiveRun(scenario, [], { intervalMs: 1_000, maxTotalBytes: 2_000_000 });
    run.seek(40_000);
    expect(run.checkpoints.totalBytes()).toBeLessThanOrEqual(2_000_000);
    expect(run.checkpoints.intervalMs).toBeGreaterThan(1_000);
  });
});

describe('LiveRun in slices', () => {
  it('reaches the same run in slices of any size as at once, interventions and checkpoints included', () => {
    const whole = new LiveRun(scenario, [crash, start]);
    whole.seek(45_000);
    for (const steps of [1, 7, 500]) {
      const sliced = new LiveRun(scenario, [crash, start]);
      let calls = 0;
      while (!sliced.forwardInSlices(45_000, steps)) calls++;
      expect(calls).toBeGreaterThan(0);
      expect(sliced.isSettled).toBe(true);
      expect(sliced.simulation.traceHash()).toBe(whole.simulation.traceHash());
      expect(sliced.nextIntervention).toBe(2);
      expect(sliced.checkpoints.count).toBeGreaterThan(3);
      // Seeking back from a sliced run lands on the same moment as the run played to it.
      sliced.seek(20_000);
      expect(sliced.simulation.traceHash()).toBe(played([crash, start], 20_000).simulation.traceHash());
    }
  });

  it('settles a slice that stopped inside a virtual instant before an intervention is applied there', () => {
    const busy: Scenario = {
      ...scenario,
      services: [{ id: 'email', subscribe: ['orders'], processingMs: 0, config: { 'max.poll.records': 1, 'auto.offset.reset': 'earliest' } }],
      producers: [{ ...scenario.producers[0]!, ratePerSec: 10_000 }],
    };
    const sliced = new LiveRun(busy);
    // Stop inside the instant the group first reads its 3 s backlog (30,000 records at 0 ms).
    while (!sliced.forwardInSlices(3_500, 50) && sliced.isSettled);
    expect(sliced.isSettled).toBe(false);
    const reference = new LiveRun(busy);
    reference.forwardTo(sliced.now);
    sliced.apply({ type: 'crash', target: 'email-0' });
    reference.apply({ type: 'crash', target: 'email-0' });
    expect(sliced.simulation.traceHash()).toBe(reference.simulation.traceHash());
  });

  it('ends where the work budget ends, and before a moment that failed', () => {
    const heavy: Scenario = {
      ...scenario,
      topics: [{ name: 'orders', partitions: 64 }],
      producers: [{ ...scenario.producers[0]!, ratePerSec: 10_000 }],
      services: Array.from({ length: 16 }, (_, i) => ({ id: `s${i}`, subscribe: ['orders'], processingMs: 0 })),
    };
    const run = new LiveRun(heavy);
    // 10,000 appended + 160,000 processed per second (and a few timers): 40 million units last
    // about 234 s.
    expect(run.endMs).toBe(workBudgetEndMs(estimateWork(heavy)));
    expect(run.endMs).toBeGreaterThan(230_000);
    expect(run.endMs).toBeLessThan(Math.floor(40_000_000 / 170));
    run.endBefore(800);
    expect(run.endMs).toBe(799);
    run.forwardTo(60_000);
    expect(run.now).toBe(799);
  });
});
