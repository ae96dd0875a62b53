/**
 * `runSteps` with `shouldYield`: the app stops an engine call when its wall-time budget is spent
 * (asked between events, once one has run), so a call never runs on for the step count alone.
 * Stopping anywhere still gives exactly the run `runUntil` gives.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from './simulation';
import { orderScenario } from './testing/scenarios';

const scenario = orderScenario();

describe('runSteps asked to yield', () => {
  it('runs one event per call when asked to yield at every question, and still reaches the run runUntil gives', () => {
    const whole = createSimulation(scenario);
    whole.runUntil(20_000);
    const sliced = createSimulation(scenario);
    let calls = 0;
    let asked = 0;
    for (;;) {
      const before = sliced.stepsTaken();
      const reached = sliced.runSteps(20_000, Number.POSITIVE_INFINITY, () => (asked++, true));
      calls++;
      if (reached) break;
      // Progress every call: the question comes only after an event has run.
      expect(sliced.stepsTaken()).toBeGreaterThan(before);
    }
    expect(calls).toBeGreaterThan(1_000);
    // One question per call that stopped early, none before a call's first event.
    expect(asked).toBe(calls - 1);
    expect(sliced.now).toBe(20_000);
    expect(sliced.traceHash()).toBe(whole.traceHash());
  });

  it('runs to the target in one call when never asked to yield', () => {
    const simulation = createSimulation(scenario);
    let asked = 0;
    expect(simulation.runSteps(20_000, Number.POSITIVE_INFINITY, () => (asked++, false))).toBe(true);
    expect(simulation.now).toBe(20_000);
    expect(asked).toBeGreaterThan(1_000);
  });
});
