import { describe, expect, it } from 'vitest';
import { checkInvariants } from './invariants';
import { LAG_LIMITS, type GroupLagSample } from './lag/lagMonitor';
import type { Scenario } from './scenario';
import { createSimulation } from './simulation';
import { worldOf } from './testing/worldOf';

const longRun: Scenario = {
  format: 'logscope-scenario',
  version: 1,
  title: 'two hours of a small pipeline with crashes',
  seed: 7,
  topics: [{ name: 'orders', partitions: 2 }],
  producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 20, event: 'OrderPlaced', keys: { kind: 'sequence', prefix: 'order-' } }],
  services: [{ id: 'email', subscribe: ['orders'], instances: 2, handler: 'sendReceipt', config: { 'enable.auto.commit': true, 'auto.commit.interval.ms': 5000 } }],
  actions: Array.from({ length: 40 }, (_, i) => ({ atMs: (i + 1) * 150_000, type: i % 2 === 0 ? ('crash' as const) : ('start' as const), target: 'email-0' })),
};

describe('bounded buffers', () => {
  it('stay within their caps over a run longer than the longest history (two virtual hours)', () => {
    const simulation = createSimulation(longRun);
    simulation.runUntil(2 * 3_600_000);
    const world = worldOf(simulation);
    expect(() => checkInvariants(world)).not.toThrow();
    // The lag history really was trimmed: an hour of samples, not two.
    expect(simulation.lagHistory('email')).toHaveLength(LAG_LIMITS.historySamples);
    expect(simulation.incidents('email').length).toBeGreaterThan(0);
  });

  it('are checked by the invariants: one sample too many is a breach', () => {
    const simulation = createSimulation(longRun);
    simulation.runUntil(LAG_LIMITS.historySamples * 1000 + 5_000);
    const history = simulation.lagHistory('email') as GroupLagSample[];
    history.push(history[history.length - 1]!);
    expect(() => checkInvariants(worldOf(simulation))).toThrow(/over its bound: email: lag samples: 3601/);
  });
});
