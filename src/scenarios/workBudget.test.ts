import { describe, expect, it } from 'vitest';
import { MAX_STEPS_AT_ONE_INSTANT, type Scenario } from '../engine';
import { budgetEdgeScenario } from './budgetEdge';
import { parseScenario } from './parseScenario';
import { emailOutage } from './presets/storyPresets';
import { checkout } from './presets/checkout';
import { PRESETS } from './presets';
import { estimateWork, unitsPerSec, WORK_BUDGET, workBudgetEndMs, workUntil } from './workBudget';

const HOUR = 3_600_000;

describe('the work budget', () => {
  it('lets every preset run for 24 hours', () => {
    for (const preset of PRESETS) expect(workBudgetEndMs(estimateWork(preset.scenario)), preset.id).toBe(86_400_000);
  });

  it('holds the engine benchmark (an hour at 1,000 orders/s, three groups) and an hour of the outage story at 100 orders/s well within', () => {
    const bench: Scenario = {
      ...checkout,
      actions: [],
      producers: [{ ...checkout.producers[0]!, ratePerSec: 1000 }],
      services: checkout.services.filter((s) => s.id !== 'shipping').map(({ emitTo: _e, ...s }) => ({ ...s, handler: 'noop', processingMs: 0 })),
    };
    expect(workUntil(estimateWork(bench), HOUR)).toBeLessThanOrEqual(WORK_BUDGET * 0.4);
    const outage: Scenario = { ...emailOutage, producers: emailOutage.producers.map((p) => ({ ...p, ratePerSec: 100 })) };
    const estimate = estimateWork(outage);
    // orders 100/s read by inventory, billing and email (one instance at 20 ms: at most 50/s);
    // billing's payments 100/s read by shipping.
    expect(estimate.recordsPerSec + estimate.deliveriesPerSec).toBe(100 + 100 + 100 + 50 + 100 + 100);
    // Heartbeats, idle polls, lag samples and retention checks of four groups: a few dozen a second.
    expect(estimate.timersPerSec).toBeGreaterThan(10);
    expect(estimate.timersPerSec).toBeLessThan(50);
    expect(unitsPerSec(estimate)).toBe(550 + estimate.timersPerSec);
    expect(workUntil(estimate, HOUR)).toBeLessThanOrEqual(WORK_BUDGET * 0.1);
  });

  it('refuses every limit at once over a whole day, naming the figure and the limit', () => {
    const scenario = budgetEdgeScenario();
    const far = { ...scenario, notes: [{ atMs: 86_400_000, text: 'the end of the day' }] };
    const result = parseScenario(far);
    expect(result.ok).toBe(false);
    const message = !result.ok ? result.errors[0]!.message : '';
    expect(message).toMatch(/needs about 236.6 billion units of work/);
    expect(message).toMatch(/24:00:00/);
    expect(message).toMatch(/2,7\d\d,\d\d\d units per virtual second at its highest rates \(160,000 records\/s appended, 2,560,000 records\/s processed by its services, [\d,]+ timer events\/s\)/);
    expect(message).toMatch(/the work budget is 40 million/);
  });

  it('accepts the most expensive scenario within the budget, whose run ends where the budget does', () => {
    const scenario = budgetEdgeScenario();
    expect(parseScenario(scenario).ok).toBe(true);
    const estimate = estimateWork(scenario);
    const endMs = workBudgetEndMs(estimate);
    expect(endMs).toBeGreaterThan(10_000);
    expect(workUntil(estimate, endMs)).toBeLessThanOrEqual(WORK_BUDGET);
    expect(workUntil(estimate, endMs + 1)).toBeGreaterThan(WORK_BUDGET);
  });

  it('counts capacity: consumers that take time cannot process more than they can', () => {
    const slowReaders: Scenario = {
      ...checkout,
      actions: [],
      topics: [{ name: 'orders', partitions: 2 }],
      producers: [{ ...checkout.producers[0]!, ratePerSec: 10_000 }],
      services: [{ id: 'email', subscribe: ['orders'], instances: 8, processingMs: 100 }],
    };
    // Two partitions: at most two consumers, each 10 records/s.
    expect(estimateWork(slowReaders).deliveriesPerSec).toBe(20);
  });

  it('counts a loop of services that take time at their capacity, and bursts with their fan-out', () => {
    const loop: Scenario = {
      ...checkout,
      actions: [{ atMs: 5_000, type: 'burst', producer: 'checkout', count: 1000 }],
      topics: [{ name: 'orders', partitions: 1 }],
      producers: [{ ...checkout.producers[0]!, ratePerSec: 1 }],
      services: [
        { id: 'a', subscribe: ['orders'], handler: 'chargePayment', emitTo: 'orders', processingMs: 10 },
        { id: 'b', subscribe: ['orders'], handler: 'chargePayment', emitTo: 'orders', processingMs: 10 },
      ],
    };
    const estimate = estimateWork(loop);
    expect(estimate.deliveriesPerSec).toBe(200);
    expect(estimate.recordsPerSec).toBe(201);
    expect(estimate.extras).toHaveLength(1);
    expect(estimate.extras[0]!.units).toBeGreaterThan(1000 * 3);
  });

  it('refuses a loop of services that take no time, naming the loop and the service', () => {
    const result = parseScenario({
      ...checkout,
      actions: [],
      services: [{ id: 'billing', subscribe: ['orders'], handler: 'chargePayment', emitTo: 'orders', processingMs: 0 }],
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]!.path).toBe('services[0]');
    expect(!result.ok && result.errors[0]!.message).toMatch(/billing → billing.*clock could never move/);
  });

  it('refuses a slow action that would make a loop take no time', () => {
    const result = parseScenario({
      ...checkout,
      actions: [{ atMs: 1000, type: 'slow', target: 'billing-0', factor: 0.01 }],
      services: [{ id: 'billing', subscribe: ['orders'], handler: 'chargePayment', emitTo: 'orders', processingMs: 10 }],
    });
    expect(result.ok).toBe(false);
  });

  it('counts timed events that come with no record: heartbeat.interval.ms = 1 on 32 instances is a lot of work', () => {
    const chatty: Scenario = {
      ...checkout,
      actions: [],
      producers: [{ ...checkout.producers[0]!, ratePerSec: 0.01 }],
      services: [{ id: 'email', subscribe: ['orders'], instances: 32, config: { 'heartbeat.interval.ms': 1, 'max.poll.interval.ms': 1 } }],
    };
    const estimate = estimateWork(chatty);
    // 32 × (2 × 1000 heartbeats and session checks + 1000 poll timers + 2 idle polls) per second.
    expect(estimate.timersPerSec).toBeGreaterThan(32 * 3000);
    expect(workBudgetEndMs(estimate)).toBeLessThan(86_400_000);
  });

  it('keeps the engine guard above anything a scenario within the budget does at one instant', () => {
    expect(MAX_STEPS_AT_ONE_INSTANT).toBeGreaterThan(WORK_BUDGET);
  });
});
