/**
 * Partitions added to a topic are seen by clients only when their metadata is refreshed
 * (doc/kafka.md §1.5): every `metadata.max.age.ms` (300000 by default) after the client
 * started. A producer writes to the new partitions only after its refresh; the group's leader
 * rejoins to assign them only after its own, and any rebalance before that assigns only the
 * partitions the leader knows.
 */
import { describe, expect, it } from 'vitest';
import { nextMetadataRefreshMs } from '../metadataRefresh';
import type { Scenario, TimedCommand } from '../scenario';
import { createSimulation, type Simulation } from '../simulation';
import { orderScenario } from '../testing/scenarios';
import { checked, emailService } from '../testing/groupServices';

function grown(actions: TimedCommand[], producerMaxAgeMs?: number, consumerMaxAgeMs?: number, reset: 'earliest' | 'latest' = 'earliest'): Scenario {
  const base = orderScenario({ actions }, [
    emailService({ instances: 2, processingMs: 1 }, { 'auto.offset.reset': reset, ...(consumerMaxAgeMs !== undefined && { 'metadata.max.age.ms': consumerMaxAgeMs }) }),
  ]);
  return {
    ...base,
    producers: base.producers.map((p) => ({ ...p, ...(producerMaxAgeMs !== undefined && { config: { 'metadata.max.age.ms': producerMaxAgeMs } }) })),
  };
}

const growAt12s: TimedCommand = { atMs: 12_000, type: 'addPartitions', topic: 'orders', partitions: 4 };

function recordsIn(sim: Simulation, partition: number): number {
  return sim.summary().topics['orders']!.partitions[partition]?.highWatermark ?? 0;
}

function ownerOf(sim: Simulation, partition: string): string | undefined {
  const members = sim.summary().groups['email']!.members;
  return Object.keys(members).find((name) => members[name]!.assignment.includes(partition));
}

describe('the next metadata refresh', () => {
  it('falls on the client start plus a multiple of metadata.max.age.ms, at or after the change', () => {
    expect(nextMetadataRefreshMs(0, 300_000, 12_000)).toBe(300_000);
    expect(nextMetadataRefreshMs(0, 5000, 10_000)).toBe(10_000);
    expect(nextMetadataRefreshMs(0, 5000, 10_001)).toBe(15_000);
    expect(nextMetadataRefreshMs(2500, 5000, 10_000)).toBe(12_500);
    // metadata.max.age.ms 0: Kafka refreshes at every chance, so at once.
    expect(nextMetadataRefreshMs(2500, 0, 10_000)).toBe(10_000);
  });
});

describe('a producer after partitions were added', () => {
  it('writes only to the partitions it knows until its metadata refresh, then to the new one too', () => {
    const sim = createSimulation(grown([growAt12s], 10_000, 60_000), checked);
    sim.runUntil(19_999);
    expect(sim.summary().topics['orders']!.partitions).toHaveLength(4);
    expect(recordsIn(sim, 3)).toBe(0);
    sim.runUntil(25_000);
    expect(recordsIn(sim, 3)).toBeGreaterThan(0);
    const seen = sim.events().filter((e) => e.code === 'producer.metadata');
    expect(seen.map((e) => [e.atMs, e.fields])).toEqual([[20_000, { producer: 'checkout', topic: 'orders', partitions: 4, before: 3 }]]);
    expect(seen[0]!.text).toBe(
      'checkout refreshes its metadata (metadata.max.age.ms 10 s): it now sees 4 partitions of orders, not 3, and writes to the new ones too (keys map by murmur2 % 4).',
    );
  });

  it("waits Kafka's default five minutes", () => {
    const sim = createSimulation(grown([growAt12s]), checked);
    sim.runUntil(299_999);
    expect(recordsIn(sim, 3)).toBe(0);
    expect(ownerOf(sim, 'orders-3')).toBeUndefined();
    sim.runUntil(300_500);
    expect(recordsIn(sim, 3)).toBeGreaterThan(0);
  });

  it('fetches metadata at once for a record sent to a partition it does not know, as waitOnMetadata does', () => {
    const sim = createSimulation(grown([growAt12s]), checked);
    sim.runUntil(13_000);
    expect(sim.apply({ type: 'produce', producer: 'checkout', key: 'order-x', value: { amount: 1 }, partition: 3 })).toEqual({ ok: true });
    expect(recordsIn(sim, 3)).toBe(1);
    const seen = sim.events().filter((e) => e.code === 'producer.metadata');
    expect(seen.map((e) => e.atMs)).toEqual([13_000]);
    expect(seen[0]!.text).toMatch(/^checkout fetches metadata at once for a record to partition 3: it now sees 4 partitions of orders/);
    // Its own records now use all four partitions too.
    sim.runUntil(20_000);
    expect(recordsIn(sim, 3)).toBeGreaterThan(1);
  });
});

describe("the group's leader after partitions were added", () => {
  it('rejoins at its metadata refresh, and the rebalance it starts assigns the new partition', () => {
    const sim = createSimulation(grown([growAt12s], 0, 20_000), checked);
    sim.runUntil(19_999);
    expect(ownerOf(sim, 'orders-3')).toBeUndefined();
    expect(recordsIn(sim, 3)).toBeGreaterThan(0);
    sim.runUntil(30_000);
    expect(ownerOf(sim, 'orders-3')).toBeDefined();
    const noticed = sim.events().filter((e) => e.code === 'group.metadataChanged');
    // Only the leader acts on the refresh; the other member's refresh changes nothing.
    expect(noticed).toHaveLength(1);
    expect(noticed[0]!.atMs).toBe(20_000);
    expect(noticed[0]!.fields).toMatchObject({ group: 'email', topic: 'orders', partitions: 4, before: 3 });
    expect(noticed[0]!.text).toMatch(/^email-\d, the leader of email, finds in its refreshed metadata \(metadata\.max\.age\.ms 20 s\) that orders has 4 partitions, not the 3 it assigned: it rejoins/);
    const rebalance = sim.events().find((e) => e.atMs >= 20_000 && /^Rebalance of email to generation/.test(e.text))!;
    expect(rebalance.text).toMatch(/\(email-\d, the leader, saw orders grow to 4 partitions; assignor range\)/);
  });

  it('assigns only the partitions the leader knows when a rebalance comes first for another reason', () => {
    // email-2 starts with fresh metadata, but the leader assigns with its own.
    const sim = createSimulation(grown([growAt12s, { atMs: 13_000, type: 'scale', service: 'email', instances: 3 }], 0, 30_000), checked);
    sim.runUntil(29_999);
    const group = sim.summary().groups['email']!;
    expect(group.state).toBe('Stable');
    expect(group.generation).toBe(2);
    expect(ownerOf(sim, 'orders-3')).toBeUndefined();
    sim.runUntil(40_000);
    expect(ownerOf(sim, 'orders-3')).toBeDefined();
  });

  it('adds no rebalance of its own when its refresh falls inside a rebalance: the one in progress assigns the new partition', () => {
    // The scale-out at 14 s starts a rebalance; the leader's refresh at 15 s comes while it runs.
    const sim = createSimulation(grown([growAt12s, { atMs: 14_000, type: 'scale', service: 'email', instances: 3 }], 0, 15_000), checked);
    sim.runUntil(40_000);
    const group = sim.summary().groups['email']!;
    expect(group.generation).toBe(2);
    expect(ownerOf(sim, 'orders-3')).toBeDefined();
    expect(sim.events().filter((e) => /^Rebalance of email/.test(e.text))).toHaveLength(2);
  });

  it('with auto.offset.reset=latest, skips what the producer wrote to the new partition before the leader noticed', () => {
    const sim = createSimulation(grown([growAt12s], 0, 20_000, 'latest'), checked);
    sim.runUntil(19_999);
    const writtenBefore = recordsIn(sim, 3);
    expect(writtenBefore).toBeGreaterThan(0);
    sim.runUntil(40_000);
    expect(sim.recordDeliveries('orders', 3, 0).find((d) => d.service === 'email')!.times).toBe(0);
    expect(sim.summary().stats['email']!.skipped).toBeGreaterThanOrEqual(writtenBefore);
  });
});
