/**
 * No engine error escapes into the page: the lab keeps the last good moment, the run ends
 * before the moment that failed, and an alert says what happened. Commands that would take the
 * run past the work budget are refused; playback stops at the run's end with a message.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoProgressError, type Scenario } from '../engine';
import { checkout } from '../scenarios/presets/checkout';
import { createLab } from './lab';

/** This file's own lab: nothing it does reaches another test file's. */
// A wall clock that never moves: a frame's engine work runs to its target, however busy the
// machine is (what a frame does is then the same on every run).
const lab = createLab({ scenario: checkout, presetId: 'checkout', wallClock: () => 0 });
const run = { ...lab, appStore: lab.store };

const state = () => run.appStore.getState();

afterEach(() => {
  vi.restoreAllMocks();
  run.loadScenario(checkout, 'checkout');
});

describe('engine errors in the lab', () => {
  it('keeps the last good moment when playback meets an error, stops, and says so', () => {
    run.loadScenario(checkout, 'checkout');
    run.seek(10_000);
    const good = state().sim.traceHash;
    const simulation = run.currentSimulation();
    vi.spyOn(simulation, 'runSteps').mockImplementation(() => {
      throw new NoProgressError(10_250, 60_000_000);
    });
    run.play();
    expect(() => run.playTo(10_500, 10)).not.toThrow();
    expect(state().playback.playing).toBe(false);
    expect(state().ui.message?.kind).toBe('error');
    expect(state().ui.message?.text).toMatch(/^The run stopped at 0:10: the run cannot make progress: .* It ends there; the lab shows the last good moment, 0:10\.$/);
    // A fresh simulation stands at the last good moment: same state, and it goes on working.
    expect(run.currentSimulation()).not.toBe(simulation);
    expect(state().sim.snapshot.nowMs).toBe(10_000);
    expect(state().sim.traceHash).toBe(good);
    expect(state().lab.endMs).toBe(10_249);
    run.seek(5_000);
    expect(state().sim.snapshot.nowMs).toBe(5_000);
    run.seek(60_000);
    expect(state().sim.snapshot.nowMs).toBe(10_249);
  });

  it('recovers from an error thrown by any other engine call too', () => {
    run.loadScenario(checkout, 'checkout');
    run.seek(4_000);
    vi.spyOn(run.currentSimulation(), 'runUntil').mockImplementation(() => {
      throw new TypeError('something broke');
    });
    expect(() => run.seek(6_000)).not.toThrow();
    expect(state().ui.message?.text).toMatch(/^The run stopped at 0:04: something broke\./);
    expect(state().sim.snapshot.nowMs).toBeLessThanOrEqual(4_000);
  });
});

describe('the work budget in the lab', () => {
  // Sixteen producers at 1 record/s, each record read by sixteen services that take no time.
  const wide: Scenario = {
    ...checkout,
    notes: [],
    actions: [],
    topics: [{ name: 'orders', partitions: 64 }],
    producers: Array.from({ length: 16 }, (_, i) => ({ ...checkout.producers[0]!, id: `p${i}`, ratePerSec: 1 })),
    services: Array.from({ length: 16 }, (_, i) => ({ id: `s${i}`, subscribe: ['orders'], processingMs: 0 })),
  };

  it('refuses a command that would take the run past the budget from here on, and keeps the run', () => {
    run.loadScenario(wide);
    // Lag samples of 16 groups over 64 partitions and their instances' timers: hours of budget.
    expect(state().lab.endMs).toBeGreaterThan(3_600_000);
    run.seek(30_000);
    const results = wide.producers.map((p) => run.applyCommand({ type: 'setRate', producer: p.id, ratePerSec: 10_000 }));
    // Each producer at 10,000/s adds 170,000 units per virtual second: after seven, the budget
    // still reaches past 30 s; the eighth would end it before the playhead.
    expect(results.slice(0, 7).every((r) => r.ok)).toBe(true);
    const refused = results[7]!;
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatch(/^setRate refused: from 0:30 on it would need more work than the lab's budget \(40 million units/);
    expect(state().run.interventions).toHaveLength(7);
    expect(state().lab.endMs).toBeGreaterThan(30_000);
    expect(state().sim.snapshot.nowMs).toBe(30_000);
  });

  it('pauses at the run end with a message saying why', () => {
    // A run whose interventions raise every rate late: the budget is counted at the highest
    // rates from the start, so this run ends early although little happens before its end.
    const late = wide.producers.map((p) => ({ atMs: 80_000_000, type: 'setRate' as const, producer: p.id, ratePerSec: 10_000 }));
    void run.loadRun(wide, late, 0);
    const endMs = state().lab.endMs;
    expect(endMs).toBeGreaterThan(14_000);
    expect(endMs).toBeLessThan(15_000);
    run.play();
    run.playTo(20_000, 1_000);
    expect(state().sim.snapshot.nowMs).toBe(endMs);
    expect(state().playback.playing).toBe(false);
    expect(state().ui.message?.text).toMatch(/^This run ends at 0:14: going further would need more work than the lab's budget/);
  });
});
