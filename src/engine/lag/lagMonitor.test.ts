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
    worldOf(sim).services.get('email')!.group.store(worldOf(sim), new Map([['orders-0', 0]]), 0);
    expect(worldOf(sim).lag.burrowWindow(worldOf(sim), 'email', 'orders-0')).toBeNull();
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
    group.store(worldOf(sim), new Map([['orders-0', sampled - 2]]), 0);
    expect(worldOf(sim).lag.burrowWindow(worldOf(sim), 'email', 'orders-0')!.offsets.at(-1)!.lag).toBe(2);
    // Ahead of the sample (caught up with the live log): lag 0, not negative.
    group.store(worldOf(sim), new Map([['orders-0', live]]), 0);
    expect(worldOf(sim).lag.burrowWindow(worldOf(sim), 'email', 'orders-0')!.offsets.at(-1)!.lag).toBe(0);
  });
});

describe('the two lags each sample holds', () => {
  it("keeps Kafka's lag, which saws with each auto-commit, beside the records a healthy consumer has still to process", () => {
    const sim = createSimulation(orderScenario(), opts);
    sim.runUntil(30_000);
    const samples = sim.lagHistory('inventory').filter((s) => s.atMs > 10_000);
    for (const partition of ['orders-0', 'orders-1', 'orders-2']) {
      const committed = samples.map((s) => s.partitions[partition]!.committedLag!);
      const position = samples.map((s) => s.partitions[partition]!.positionLag!);
      // Between commits (every 5 s) the committed lag climbs past 20 records, then falls back.
      expect(Math.max(...committed)).toBeGreaterThan(20);
      expect(committed.some((lag, i) => i > 0 && lag < committed[i - 1]! - 15)).toBe(true);
      // The consumer keeps up all along: at most a record or two appended since its last poll.
      expect(Math.max(...position)).toBeLessThanOrEqual(2);
      // Position never trails the committed offset: it is where the last commit came from.
      position.forEach((lag, i) => expect(lag).toBeLessThanOrEqual(committed[i]!));
    }
  });
});
