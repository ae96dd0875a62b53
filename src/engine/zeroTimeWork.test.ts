/**
 * Work that takes no virtual time (processingMs 0) must never overflow the stack or block one
 * call for long: batches that take no time follow each other in a loop, a long run of them
 * hands over to a continuation at the same instant, and a scenario that can never let the
 * clock move stops with a NoProgressError instead of looping forever.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from './simulation';
import { NoProgressError } from './progress/noProgress';
import type { Scenario } from './scenario';

function zeroTimeBacklog(): Scenario {
  return {
    format: 'logscope-scenario',
    version: 1,
    seed: 3,
    topics: [{ name: 'orders', partitions: 1 }],
    producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 10_000, event: 'OrderPlaced', keys: { kind: 'sequence', prefix: 'order-' } }],
    services: [{ id: 'email', subscribe: ['orders'], processingMs: 0, config: { 'max.poll.records': 1, 'auto.offset.reset': 'earliest' } }],
  };
}

describe('zero-time work', () => {
  it('processes a 30,000-record backlog one record per poll without overflowing the stack', () => {
    const simulation = createSimulation(zeroTimeBacklog());
    simulation.runUntil(10_000);
    const stats = simulation.summary().stats['email']!;
    const end = simulation.summary().topics['orders']!.partitions[0]!.logEndOffset;
    expect(end).toBeGreaterThan(90_000);
    // Caught up: everything appended by now was processed as soon as a fetch brought it (the
    // last round trip, 2 ms at the default latency, is 20 records at 10,000/s).
    expect(stats.uniqueProcessed).toBeGreaterThan(end - 30);
  });

  it('gives the same trace hash however the run is chunked or sliced', () => {
    const whole = createSimulation(zeroTimeBacklog());
    whole.runUntil(6_000);
    const chunked = createSimulation(zeroTimeBacklog());
    for (let t = 0; t <= 6_000; t += 777) chunked.runUntil(t);
    chunked.runUntil(6_000);
    const sliced = createSimulation(zeroTimeBacklog());
    let calls = 0;
    while (!sliced.runSteps(6_000, 500)) calls++;
    expect(calls).toBeGreaterThan(10);
    expect(sliced.now).toBe(6_000);
    expect(chunked.traceHash()).toBe(whole.traceHash());
    expect(sliced.traceHash()).toBe(whole.traceHash());
  });

  it('slices a long run of zero-time batches into steps of bounded size', () => {
    const simulation = createSimulation(zeroTimeBacklog());
    simulation.runUntil(3_000);
    // At 3 s the group's first assignment meets a backlog of ~30,000 records: no single step
    // may process all of them.
    let steps = 0;
    let maxProcessedInOneStep = 0;
    let before = simulation.summary().stats['email']!.processed;
    while (!simulation.runSteps(5_000, 1)) {
      steps++;
      const processed = simulation.summary().stats['email']!.processed;
      maxProcessedInOneStep = Math.max(maxProcessedInOneStep, processed - before);
      before = processed;
    }
    expect(steps).toBeGreaterThan(0);
    expect(maxProcessedInOneStep).toBeLessThanOrEqual(2_000);
  });

  it('stops with a NoProgressError when services that take no time feed each other forever', () => {
    const scenario: Scenario = {
      ...zeroTimeBacklog(),
      producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 5, event: 'OrderPlaced', keys: { kind: 'sequence', prefix: 'order-' } }],
      services: [{ id: 'billing', subscribe: ['orders'], processingMs: 0, handler: 'chargePayment', emitTo: 'orders', config: { 'auto.offset.reset': 'earliest' } }],
      // Without network latency a fetch takes no time either, so nothing lets the clock move.
      network: { latencyMs: 0 },
    };
    // The default bound is far above anything a scenario within the work budget does at one
    // instant (and the validator refuses such loops); a small one keeps this test quick.
    const simulation = createSimulation(scenario, { maxStepsAtOneInstant: 200_000 });
    let error: unknown;
    try {
      simulation.runUntil(10_000);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(NoProgressError);
    expect((error as NoProgressError).atMs).toBeGreaterThanOrEqual(3_000);
    expect((error as Error).message).toMatch(/cannot make progress/);
  });
});

describe('commands that would close a zero-time loop', () => {
  const base = (): Scenario => ({
    ...zeroTimeBacklog(),
    producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 5, event: 'OrderPlaced', keys: { kind: 'sequence', prefix: 'order-' } }],
    services: [{ id: 'billing', subscribe: ['orders'], processingMs: 10, handler: 'chargePayment', emitTo: 'orders', config: { 'auto.offset.reset': 'earliest' } }],
  });

  it('refuses a slow factor that makes a looping service take no time, and keeps running', () => {
    const simulation = createSimulation(base());
    simulation.runUntil(5_000);
    const refused = simulation.apply({ type: 'slow', target: 'billing-0', factor: 0.01 });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatch(/billing → billing/);
    expect(simulation.apply({ type: 'slow', target: 'billing-0', factor: 0.5 }).ok).toBe(true);
    simulation.runUntil(10_000);
    expect(simulation.now).toBe(10_000);
  });

  it('refuses adding a service that closes a zero-time loop', () => {
    const simulation = createSimulation({ ...base(), services: [] });
    const result = simulation.apply({ type: 'addService', service: { id: 'echo', subscribe: ['orders'], processingMs: 0, handler: 'chargePayment', emitTo: 'orders' } });
    expect(result.ok).toBe(false);
    expect(simulation.summary().groups['echo']).toBeUndefined();
  });
});
