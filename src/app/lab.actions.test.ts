import { beforeEach, describe, expect, it } from 'vitest';
import { checkout } from '../scenarios/presets/checkout';
import { createLab } from './lab';

/** This file's own lab: nothing it does reaches another test file's. */
const lab = createLab();
const run = { ...lab, appStore: lab.store };

const state = () => run.appStore.getState();

beforeEach(() => {
  run.loadScenario(checkout, 'checkout');
});

describe('run controller', () => {
  it('asks before an intervention placed in the past drops later ones, and undo brings them back', () => {
    run.seek(20_000);
    run.applyCommand({ type: 'crash', target: 'email-0' });
    run.seek(40_000);
    run.applyCommand({ type: 'start', target: 'email-0' });
    run.seek(50_000);
    const original = state().sim.traceHash;
    run.seek(10_000);
    expect(run.requestCommand({ type: 'slow', target: 'billing-0', factor: 5 })).toBeNull();
    expect(state().lab.forkPrompt?.dropped.map((c) => c.type)).toEqual(['crash', 'start']);
    expect(state().run.interventions).toHaveLength(2);
    run.confirmFork();
    expect(state().lab.forkPrompt).toBeNull();
    expect(state().run.interventions.map((c) => c.type)).toEqual(['slow']);
    expect(state().lab.reachedMs).toBe(10_000);
    expect(state().lab.undo?.droppedCount).toBe(2);
    run.undoFork();
    expect(state().run.interventions.map((c) => c.type)).toEqual(['crash', 'start']);
    expect(state().sim.snapshot.nowMs).toBe(10_000);
    expect(state().lab.reachedMs).toBe(50_000);
    run.seek(50_000);
    expect(state().sim.traceHash).toBe(original);
  });

  it('cancelling the fork prompt changes nothing', () => {
    run.seek(20_000);
    run.applyCommand({ type: 'crash', target: 'email-0' });
    run.seek(5_000);
    run.requestCommand({ type: 'crash', target: 'billing-0' });
    run.cancelFork();
    expect(state().lab.forkPrompt).toBeNull();
    expect(state().run.interventions).toHaveLength(1);
  });

  it('steps forward and back through the same moments', () => {
    run.seek(5_000);
    run.stepForward();
    const first = state().sim.snapshot.nowMs;
    run.stepForward();
    const second = state().sim.snapshot.nowMs;
    expect(second).toBeGreaterThan(first);
    run.stepBack();
    expect(state().sim.snapshot.nowMs).toBe(first);
    run.stepBack();
    expect(state().sim.snapshot.nowMs).toBe(5_000);
    run.stepBack();
    expect(state().sim.snapshot.nowMs).toBeLessThan(5_000);
  });

  it('shows refused commands as an error message', () => {
    const result = run.applyCommand({ type: 'crash', target: 'nobody-0' });
    expect(result.ok).toBe(false);
    expect(state().ui.message?.kind).toBe('error');
  });

  it('keeps rebalance markers after seeking back', () => {
    run.seek(30_000);
    const marks = state().lab.rebalances.length;
    expect(marks).toBeGreaterThan(0);
    run.seek(1_000);
    expect(state().lab.rebalances).toHaveLength(marks);
    expect(state().lab.reachedMs).toBe(30_000);
  });
});
