import { describe, expect, it } from 'vitest';
import { createSimulation } from './simulation';
import { orderScenario } from './testing/scenarios';

const scenario = orderScenario({
  actions: [
    { atMs: 12_000, type: 'crash', target: 'email-0' },
    { atMs: 30_000, type: 'start', target: 'email-0' },
  ],
});

describe('Simulation.fork', () => {
  it('continues exactly like the original: same hash and summary later on', () => {
    const original = createSimulation(scenario);
    original.runUntil(20_000);
    const fork = original.fork();
    original.runUntil(50_000);
    fork.runUntil(50_000);
    expect(fork.traceHash()).toBe(original.traceHash());
    expect(fork.summary()).toEqual(original.summary());
  });

  it('is independent: commands applied to the fork leave the original untouched', () => {
    const original = createSimulation(scenario);
    original.runUntil(10_000);
    const fork = original.fork();
    fork.apply({ type: 'crash', target: 'inventory-0' });
    fork.runUntil(40_000);
    original.runUntil(40_000);
    const reference = createSimulation(scenario);
    reference.runUntil(40_000);
    expect(original.traceHash()).toBe(reference.traceHash());
    expect(fork.traceHash()).not.toBe(original.traceHash());
    expect(fork.summary().groups['inventory']!.members['inventory-0']!.status).toBe('crashed');
    expect(original.summary().groups['inventory']!.members['inventory-0']!.status).toBe('running');
  });

  it('can be forked again from a fork', () => {
    const original = createSimulation(scenario);
    original.runUntil(5000);
    const second = original.fork().fork();
    second.runUntil(45_000);
    original.runUntil(45_000);
    expect(second.traceHash()).toBe(original.traceHash());
  });
});
