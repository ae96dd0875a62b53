import { describe, expect, it } from 'vitest';
import { partitionForKey } from '../producer/murmur2';
import type { Scenario, ServiceSpec } from '../scenario';
import { createSimulation } from '../simulation';

/**
 * 20 keys at exactly 50 records/s over 3 partitions; two instances of 25 records/s each. With
 * range, email-0 owns orders-0 and orders-1 (about 33 records/s: it falls behind) and email-1
 * owns orders-2 (about 17 records/s: it keeps up). After orders grows to 4 partitions, email-1
 * also gets orders-3, where keys that used to live on the lagging partitions now land. Clients
 * refresh their metadata every few seconds here (Kafka's default is five minutes), so they see
 * the new partition soon after it is added.
 */
function keyedScenario(actions: Scenario['actions'], services?: ServiceSpec[]): Scenario {
  return {
    format: 'logscope-scenario',
    version: 1,
    seed: 5,
    topics: [{ name: 'orders', partitions: 3 }],
    producers: [
      {
        id: 'checkout',
        topic: 'orders',
        ratePerSec: 50,
        arrival: 'fixed',
        event: 'OrderUpdated',
        keys: { kind: 'uniform', prefix: 'order-', count: 20 },
        config: { 'metadata.max.age.ms': 1000 },
      },
    ],
    services: services ?? [
      {
        id: 'email',
        subscribe: ['orders'],
        instances: 2,
        processingMs: 40,
        config: { 'auto.offset.reset': 'earliest', 'max.poll.records': 20, 'partition.assignment.strategy': 'range', 'metadata.max.age.ms': 5000 },
      },
    ],
    actions,
  };
}

const grow = { atMs: 20_000, type: 'addPartitions' as const, topic: 'orders', partitions: 4 };

describe('ordering is per partition only', () => {
  it('keeps every key in order while the partition count is unchanged, even with a lagging consumer', () => {
    const sim = createSimulation(keyedScenario([]), { checkInvariants: true });
    sim.runUntil(60_000);
    const stats = sim.summary().stats['email']!;
    expect(stats.uniqueProcessed).toBeGreaterThan(1500);
    expect(stats.orderViolations).toBe(0);
  });

  it('breaks per-key order after addPartitions: a moved key’s new records overtake its backlog', () => {
    const sim = createSimulation(keyedScenario([grow]), { checkInvariants: true });
    sim.runUntil(60_000);
    const summary = sim.summary();
    expect(summary.groups['email']!.members['email-1']!.assignment).toEqual(['orders-2', 'orders-3']);
    expect(summary.stats['email']!.orderViolations).toBeGreaterThan(0);
    expect(sim.events().some((e) => e.kind === 'topic' && e.text.startsWith('orders grows from 3 to 4 partitions'))).toBe(true);
  });

  it('remaps keys with murmur2 over the new partition count', () => {
    const sim = createSimulation(keyedScenario([grow], []), { checkInvariants: true });
    sim.runUntil(30_000);
    const log3 = sim.readRecords('orders', 3, 0, 10_000);
    expect(log3.length).toBeGreaterThan(0);
    for (const record of log3) expect(partitionForKey(record.key!, 4)).toBe(3);
    const moved = new Set(log3.map((r) => r.key));
    for (const key of moved) expect(partitionForKey(key!, 3)).not.toBe(3);
  });

  it('skips what was produced to a new partition before a latest group was assigned it, as Kafka does', () => {
    const latest: ServiceSpec = {
      id: 'audit',
      subscribe: ['orders'],
      instances: 2,
      processingMs: 100,
      config: { 'auto.offset.reset': 'latest', 'max.poll.records': 50, 'metadata.max.age.ms': 7000 },
    };
    const sim = createSimulation(keyedScenario([grow], [latest]), { checkInvariants: true });
    sim.runUntil(19_999);
    expect(sim.summary().stats['audit']!.skipped).toBe(0);
    sim.runUntil(40_000);
    expect(sim.summary().stats['audit']!.skipped).toBeGreaterThan(0);
  });
});
