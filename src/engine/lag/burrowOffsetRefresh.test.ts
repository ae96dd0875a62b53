// Burrow's input as Burrow gathers it (doc/kafka.md §4.5): high watermarks fetched every
// `offset-refresh` seconds (10 by default) and kept `intervals` deep, while the charts keep
// their samples every second; a scenario's `burrow` object changes the three settings.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import { orderScenario } from '../testing/scenarios';
import { worldOf } from '../testing/worldOf';
import type { Scenario } from '../scenario';

const opts = { checkInvariants: true };

/** The high watermark of orders-0 at each of `times`, running the simulation there. */
function highWatermarksAt(scenario: Scenario, times: number[]): number[] {
  const sim = createSimulation(scenario, opts);
  const log = worldOf(sim).topics.get('orders')!.partitions[0]!;
  return times.map((t) => {
    sim.runUntil(t);
    return log.highWatermark;
  });
}

describe("Burrow's broker offsets", () => {
  it('are fetched at the first sample and then every 10 s (offset-refresh), while the lag charts sample every second', () => {
    const sim = createSimulation(orderScenario(), opts);
    sim.runUntil(35_000);
    const window = worldOf(sim).lag.burrowWindow(worldOf(sim), 'inventory', 'orders-0')!;
    expect(window.brokerOffsets).toEqual(highWatermarksAt(orderScenario(), [1000, 11_000, 21_000, 31_000]));
    expect(sim.lagHistory('inventory')).toHaveLength(35);
  });

  it('measure each commit against the last fetched high watermark, up to offset-refresh old', () => {
    const sim = createSimulation(orderScenario(), opts);
    sim.runUntil(11_000);
    const fetched = worldOf(sim).topics.get('orders')!.partitions[0]!.highWatermark;
    sim.runUntil(20_999);
    const group = worldOf(sim).services.get('email')!.group;
    group.store(worldOf(sim), new Map([['orders-0', fetched - 3]]), 0);
    const window = worldOf(sim).lag.burrowWindow(worldOf(sim), 'email', 'orders-0')!;
    expect(window.offsets.at(-1)!.lag).toBe(3);
    expect(window.currentLag).toBe(3);
  });

  it('keep the last `intervals` fetches, and the window the last `intervals` commits', () => {
    const scenario = orderScenario({ burrow: { 'offset-refresh': 2, intervals: 3 } });
    const sim = createSimulation(scenario, opts);
    sim.runUntil(30_000);
    const window = worldOf(sim).lag.burrowWindow(worldOf(sim), 'inventory', 'orders-0')!;
    expect(window.brokerOffsets).toEqual(highWatermarksAt(scenario, [25_000, 27_000, 29_000]));
    expect(window.offsets).toHaveLength(3);
  });

  it('are judged with the scenario’s allowed-lag', () => {
    // email commits every 5 s; between fetches its current lag is rarely 0, but within 1000 always.
    const lenient = createSimulation(orderScenario({ burrow: { 'allowed-lag': 1000 } }), opts);
    lenient.runUntil(30_000);
    const window = worldOf(lenient).lag.burrowWindow(worldOf(lenient), 'email', 'orders-0')!;
    expect(window.allowedLag).toBe(1000);
    expect(lenient.lagExplanation('email')['orders-0']!.rule).toMatch(/^OK: current lag \d+ is within the allowed lag of 1000\.$|^OK: current lag is 0/);
  });
});
