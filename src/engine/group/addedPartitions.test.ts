import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario';
import { createSimulation } from '../simulation';

function run(reset: 'latest' | 'earliest') {
  const scenario: Scenario = {
    format: 'logscope-scenario',
    version: 1,
    seed: 5,
    topics: [{ name: 'orders', partitions: 1 }],
    producers: [
      { id: 'checkout', topic: 'orders', ratePerSec: 100, event: 'OrderPlaced', keys: { kind: 'sequence', prefix: 'order-' }, config: { 'metadata.max.age.ms': 1000 } },
    ],
    services: [{ id: 'late', subscribe: ['orders'], instances: 1, handler: 'count', config: { 'auto.offset.reset': reset, 'metadata.max.age.ms': 7000 } }],
  };
  const simulation = createSimulation(scenario);
  simulation.runUntil(10_000);
  expect(simulation.apply({ type: 'addPartitions', topic: 'orders', partitions: 4 })).toEqual({ ok: true });
  simulation.runUntil(30_000);
  // How often the group processed the first record of each added partition.
  return [1, 2, 3].map((partition) => simulation.recordDeliveries('orders', partition, 0).find((d) => d.service === 'late')!.times);
}

describe('partitions added to a subscribed topic', () => {
  it('with auto.offset.reset=latest, records written to them before the group is assigned them are skipped, as in Kafka', () => {
    // The producer sees the new partitions at its next metadata refresh (every 1 s here), the
    // group's leader at its own (every 5 s): the group starts them at their log end when the
    // rebalance that assigns them completes, so what was written in between is never read.
    expect(run('latest').some((times) => times === 0)).toBe(true);
  });

  it('with earliest, every record of the added partitions is processed', () => {
    expect(run('earliest')).toEqual([1, 1, 1]);
  });
});
