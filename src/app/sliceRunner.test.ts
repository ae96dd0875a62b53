/**
 * Slices and checkpoint copies: a copy costs up to `maxCopyMs`, so it is taken at a slice's
 * start, never after the slice's engine work (one long task of both); any slicing still gives
 * the run that running straight through gives.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, type Scenario } from '../engine';
import { checkout } from '../scenarios/presets/checkout';
import { LiveRun } from './liveRun';
import { SliceRunner } from './sliceRunner';

const scenario: Scenario = { ...checkout, producers: [{ ...checkout.producers[0]!, ratePerSec: 20 }] };

describe('SliceRunner', () => {
  it('takes each checkpoint copy at the start of a slice, and the run is the one runUntil gives', () => {
    let wall = 0;
    const live = new LiveRun(scenario, [], { intervalMs: 5_000, wallClock: () => wall });
    const runner = new SliceRunner(() => (wall += 3));
    const copiesAt: number[] = [];
    const forward = live.forwardInSlices.bind(live);
    let callInSlice = 0;
    live.forwardInSlices = (...args) => {
      const reached = forward(...args);
      if (live.copiedInLastCall) copiesAt.push(callInSlice);
      callInSlice++;
      return reached;
    };
    let slices = 0;
    for (;;) {
      callInSlice = 0;
      slices++;
      if (runner.run(live, 40_000, 40, true)) break;
    }
    expect(live.checkpoints.times()).toEqual([5_000, 10_000, 15_000, 20_000, 25_000, 30_000, 35_000, 40_000]);
    expect(copiesAt.length).toBe(8);
    expect(copiesAt.every((call) => call === 0)).toBe(true);
    expect(slices).toBeGreaterThan(8);
    const straight = createSimulation(scenario);
    straight.runUntil(40_000);
    expect(live.simulation.traceHash()).toBe(straight.traceHash());
  });

  it('makes its engine calls as short as ten steps when steps are expensive (each call over 12 ms halves them)', () => {
    const live = new LiveRun(scenario, [], { intervalMs: 1_000_000, wallClock: () => 0 });
    const asked: number[] = [];
    const forward = live.forwardInSlices.bind(live);
    live.forwardInSlices = (targetMs, maxSteps, ...rest) => {
      asked.push(maxSteps);
      return forward(targetMs, maxSteps, ...rest);
    };
    // Every call appears to take 20 ms of wall time: the runner halves its steps down to the floor.
    let wall = 0;
    const runner = new SliceRunner(() => (wall += 20));
    for (let slice = 0; slice < 12; slice++) runner.run(live, 40_000, 15, true);
    expect(asked.slice(0, 6)).toEqual([200, 100, 50, 25, 12, 10]);
    expect(Math.min(...asked)).toBe(10);
  });

  it('still runs a frame to its target at once when the wall clock stands still (copies included)', () => {
    const live = new LiveRun(scenario, [], { intervalMs: 5_000, wallClock: () => 0 });
    expect(new SliceRunner(() => 0).run(live, 40_000, 10, false)).toBe(true);
    expect(live.now).toBe(40_000);
    expect(live.checkpoints.count).toBeGreaterThan(0);
  });

  it("stops an engine call once the slice's wall budget is spent, before the steps it was allowed", () => {
    const live = new LiveRun(scenario, [], { intervalMs: 1_000_000, wallClock: () => 0 });
    let calls = 0;
    const forward = live.forwardInSlices.bind(live);
    live.forwardInSlices = (...args) => {
      calls++;
      return forward(...args);
    };
    // Every reading of the clock is a millisecond later: a slice of 10 ms reads it ten times.
    let wall = 0;
    const runner = new SliceRunner(() => (wall += 1));
    expect(runner.run(live, 40_000, 10, true)).toBe(false);
    expect(calls).toBe(1);
    // The first call may take 200 steps; the budget stopped it well before (a reading per 8 events).
    expect(live.simulation.stepsTaken()).toBeGreaterThan(0);
    expect(live.simulation.stepsTaken()).toBeLessThan(120);
  });

  it('says the thread is slowed while slices run far below their usual pace, and stops saying so when it recovers or the run stays that slow', () => {
    const live = new LiveRun(scenario, [], { intervalMs: 1_000_000, wallClock: () => 0 });
    let msPerReading = 1;
    let wall = 0;
    const runner = new SliceRunner(() => (wall += msPerReading));
    const slice = () => {
      runner.run(live, 600_000, 40, true);
      return runner.slowed;
    };
    for (let i = 0; i < 5; i++) expect(slice()).toBe(false);
    // Readings twenty times further apart: the same events take twenty times the wall time.
    msPerReading = 20;
    expect(slice()).toBe(true);
    expect(slice()).toBe(true);
    msPerReading = 1;
    expect(slice()).toBe(false);
    // Slow for good: the usual pace follows, and the thread no longer counts as slowed.
    msPerReading = 20;
    const slowed: boolean[] = [];
    for (let i = 0; i < 300; i++) slowed.push(slice());
    expect(slowed[0]).toBe(true);
    expect(slowed.slice(-10)).toEqual(Array(10).fill(false));
    runner.reset();
    expect(runner.slowed).toBe(false);
  });

  it('stops saying the thread is slowed after a slice too short to measure (a small run plays on)', () => {
    const live = new LiveRun(scenario, [], { intervalMs: 1_000_000, wallClock: () => 0 });
    let msPerReading = 1;
    let wall = 0;
    const runner = new SliceRunner(() => (wall += msPerReading));
    for (let i = 0; i < 5; i++) runner.run(live, 600_000, 40, true);
    msPerReading = 20;
    runner.run(live, 600_000, 40, true);
    expect(runner.slowed).toBe(true);
    // The next frame's work is a moment away: one short call, under the 4 ms that are measured.
    msPerReading = 1;
    runner.run(live, live.now + 1, 40, true);
    expect(runner.slowed).toBe(false);
  });
});
