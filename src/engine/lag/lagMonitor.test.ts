// The lag Burrow stores with each commit (the checkout preset's healthy startup is checked in
// src/scenarios/presets/burrowStartup.test.ts, which can import the preset).
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import { orderScenario } from '../testing/scenarios';
import { worldOf } from '../testing/worldOf';

const opts = { checkInvariants: true };

describe('Burrow’s lag per commit', () => {
  it('drops a commit made before any high watermark was sampled, as Burrow drops it', () => {
    const sim = createSimulation(orderScenario(), opts);
    sim.runUntil(500);
    // An admin commit (the path resetOffsets takes) before the first sample at 1000 ms.
    worldOf(sim).services.get('email')!.group.store(new Map([['orders-0', 0]]), 0);
    expect(worldOf(sim).lag.burrowWindow('email', 'orders-0')).toBeNull();
    expect(sim.lagExplanation('email')['orders-0']!.status).toBe('OK');
  });

  it('measures a commit against the last sampled high watermark, not the live one, and floors it at 0', () => {
    const sim = createSimulation(orderScenario(), opts);
    const log = worldOf(sim).topics.get('orders')!.partitions[0]!;
    sim.runUntil(1000);
    const sampled = log.highWatermark;
    sim.runUntil(1999);
    const live = log.highWatermark;
    // Records arrived since the sample, so the two measures differ.
    expect(live).toBeGreaterThan(sampled);
    const group = worldOf(sim).services.get('email')!.group;
    group.store(new Map([['orders-0', sampled - 2]]), 0);
    expect(worldOf(sim).lag.burrowWindow('email', 'orders-0')!.offsets.at(-1)!.lag).toBe(2);
    // Ahead of the sample (caught up with the live log): lag 0, not negative.
    group.store(new Map([['orders-0', live]]), 0);
    expect(worldOf(sim).lag.burrowWindow('email', 'orders-0')!.offsets.at(-1)!.lag).toBe(0);
  });
});
