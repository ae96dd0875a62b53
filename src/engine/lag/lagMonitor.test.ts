// The lag Burrow stores with each commit, and what that means for healthy groups at startup.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario';
import { createSimulation } from '../simulation';
import { orderScenario } from '../testing/scenarios';

const opts = { checkInvariants: true };

/** A copy of the checkout preset (src/scenarios/presets/checkout.ts): the engine cannot import presets. */
const checkout: Scenario = {
  format: 'logscope-scenario',
  version: 1,
  seed: 7,
  topics: [
    { name: 'orders', partitions: 3, config: { 'retention.ms': 600_000, 'segment.ms': 60_000 } },
    { name: 'payments', partitions: 2, config: { 'retention.ms': 600_000, 'segment.ms': 60_000 } },
  ],
  producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 5, event: 'OrderPlaced', keys: { kind: 'sequence', prefix: 'order-' } }],
  services: [
    { id: 'inventory', subscribe: ['orders'], handler: 'reserveStock', config: { 'auto.offset.reset': 'earliest' } },
    { id: 'billing', subscribe: ['orders'], handler: 'chargePayment', emitTo: 'payments', config: { 'auto.offset.reset': 'earliest' } },
    {
      id: 'email',
      subscribe: ['orders'],
      handler: 'sendReceipt',
      processingMs: 20,
      config: { 'auto.offset.reset': 'earliest', 'session.timeout.ms': 10_000 },
    },
    { id: 'shipping', subscribe: ['payments'], handler: 'shipOrder', config: { 'auto.offset.reset': 'earliest' } },
  ],
};

describe('Burrow’s lag per commit', () => {
  it('drops a commit made before any high watermark was sampled, as Burrow drops it', () => {
    const sim = createSimulation(orderScenario(), opts);
    sim.runUntil(500);
    // An admin commit (the path resetOffsets takes) before the first sample at 1000 ms.
    sim.world.services.get('email')!.group.store(new Map([['orders-0', 0]]), 0);
    expect(sim.world.lag.burrowWindow('email', 'orders-0')).toBeNull();
    expect(sim.lagExplanation('email')['orders-0']!.status).toBe('OK');
  });

  it('measures a commit against the last sampled high watermark, not the live one, and floors it at 0', () => {
    const sim = createSimulation(orderScenario(), opts);
    const log = sim.world.topics.get('orders')!.partitions[0]!;
    sim.runUntil(1000);
    const sampled = log.highWatermark;
    sim.runUntil(1999);
    const live = log.highWatermark;
    // Records arrived since the sample, so the two measures differ.
    expect(live).toBeGreaterThan(sampled);
    const group = sim.world.services.get('email')!.group;
    group.store(new Map([['orders-0', sampled - 2]]), 0);
    expect(sim.world.lag.burrowWindow('email', 'orders-0')!.offsets.at(-1)!.lag).toBe(2);
    // Ahead of the sample (caught up with the live log): lag 0, not negative.
    group.store(new Map([['orders-0', live]]), 0);
    expect(sim.world.lag.burrowWindow('email', 'orders-0')!.offsets.at(-1)!.lag).toBe(0);
  });

  it('keeps every group of the checkout preset OK throughout its first 60 s', () => {
    const sim = createSimulation(checkout, opts);
    const services = checkout.services.map((service) => service.id);
    const notOk: string[] = [];
    for (let t = 1000; t <= 60_000; t += 1000) {
      sim.runUntil(t);
      for (const id of services) {
        const status = sim.health(id)!.status;
        if (status !== 'OK') notOk.push(`${t} ${id} ${status}`);
      }
    }
    expect(notOk).toEqual([]);
    for (const id of services) {
      const history = sim.lagHistory(id);
      expect(history).toHaveLength(60);
      expect(history.filter((sample) => sample.status !== 'OK')).toEqual([]);
    }
  });
});
