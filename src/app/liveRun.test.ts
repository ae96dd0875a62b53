import { describe, expect, it } from 'vitest';
import { createSimulation, type Scenario, type TimedCommand } from '../engine';
import { checkout } from '../scenarios/presets/checkout';
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
    });
    run.forwardTo(10_000);
    // Each copy "costs" 10 ms, so the next may come only 90 ms of wall time later.
    expect(run.checkpoints.count).toBeLessThan(10);
    run.seek(20_000);
    expect(run.checkpoints.count).toBeGreaterThanOrEqual(10);
  });
});

describe('Checkpoints memory bound', () => {
  it('widens the grid when the copies together would hold too many records', () => {
    const run = new LiveRun(scenario, [], { intervalMs: 1_000, maxTotalSize: 2_000 });
    run.seek(40_000);
    expect(run.checkpoints.totalSize()).toBeLessThanOrEqual(2_000 + 1_000);
    expect(run.checkpoints.intervalMs).toBeGreaterThan(1_000);
  });
});
