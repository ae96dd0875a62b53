import { describe, expect, it } from 'vitest';
import type { Scenario, ServiceSpec, TopicConfig } from '../scenario';
import { createSimulation } from '../simulation';
import { worldOf } from '../testing/worldOf';

const compact: TopicConfig = { 'cleanup.policy': 'compact', 'segment.ms': 1000, 'min.cleanable.dirty.ratio': 0.1 };

/** Two partitions, 20 records/s over 5 keys, exactly 50 ms apart. */
function profiles(config: TopicConfig, services: ServiceSpec[] = [], extra: Partial<Scenario> = {}): Scenario {
  return {
    format: 'logscope-scenario',
    version: 1,
    seed: 11,
    topics: [{ name: 'profiles', partitions: 2, config }],
    producers: [
      { id: 'accounts', topic: 'profiles', ratePerSec: 20, arrival: 'fixed', event: 'ProfileUpdated', keys: { kind: 'uniform', prefix: 'user-', count: 5 } },
    ],
    services,
    ...extra,
  };
}

describe('a compacted topic in a running simulation', () => {
  it('keeps at most one record per key in the cleaned part and explains each pass', () => {
    const sim = createSimulation(profiles(compact), { checkInvariants: true });
    sim.runUntil(30_000);
    for (const log of worldOf(sim).topics.get('profiles')!.partitions) {
      expect(log.cleanerCheckpoint).toBeGreaterThan(0);
      const cleaned = sim.readRecords('profiles', log.partition, 0, 10_000).filter((r) => r.offset < log.cleanerCheckpoint);
      expect(new Set(cleaned.map((r) => r.key)).size).toBe(cleaned.length);
      expect(cleaned.length).toBeLessThanOrEqual(5);
      expect(log.recordCount).toBeLessThan(log.logEndOffset);
    }
    const passes = sim.events().filter((e) => e.kind === 'compaction');
    expect(passes.length).toBeGreaterThan(0);
    expect(passes[0]!.text).toMatch(/^profiles-\d compacted \[0\.\.\d+\): \d+ records → \d+ \(latest per key; offsets kept, gaps left\)/);
  });

  it('gives a late reader the latest value of every key from far fewer records', () => {
    const late: ServiceSpec = { id: 'profile-cache', subscribe: ['profiles'], processingMs: 1, config: { 'auto.offset.reset': 'earliest' } };
    const sim = createSimulation(profiles(compact, [], { actions: [{ atMs: 60_000, type: 'addService', service: late }] }), { checkInvariants: true });
    sim.runUntil(70_000);
    const stats = sim.summary().stats['profile-cache']!;
    const produced = sim.summary().producers['accounts']!.sent;
    expect(stats.uniqueProcessed).toBeGreaterThan(0);
    expect(stats.uniqueProcessed).toBeLessThan(produced / 2);
  });

  it('does not count offsets compaction removed as skipped when the group rebalances', () => {
    const reader: ServiceSpec = { id: 'profile-view', subscribe: ['profiles'], instances: 1, processingMs: 1, config: { 'auto.offset.reset': 'earliest' } };
    const actions: Scenario['actions'] = [
      { atMs: 30_000, type: 'addService', service: reader },
      { atMs: 40_000, type: 'scale', service: 'profile-view', instances: 2 },
      { atMs: 50_000, type: 'scale', service: 'profile-view', instances: 1 },
    ];
    const sim = createSimulation(profiles(compact, [], { actions }), { checkInvariants: true });
    sim.runUntil(60_000);
    const stats = sim.summary().stats['profile-view']!;
    expect(sim.events().some((e) => e.kind === 'rebalance' && e.atMs >= 40_000)).toBe(true);
    expect(stats.uniqueProcessed).toBeGreaterThan(0);
    expect(stats.skipped).toBe(0);
  });

  it('refuses records without a key, with an error event naming the rule', () => {
    const sim = createSimulation({
      ...profiles(compact),
      producers: [{ id: 'anonymous', topic: 'profiles', ratePerSec: 10, arrival: 'fixed', event: 'ProfileUpdated', keys: { kind: 'none' } }],
    });
    sim.runUntil(1000);
    expect(worldOf(sim).topics.get('profiles')!.partitions.map((p) => p.logEndOffset)).toEqual([0, 0]);
    const errors = sim.events().filter((e) => e.kind === 'error');
    expect(errors).toHaveLength(10);
    expect(errors[0]!.text).toBe('anonymous: record refused by compacted topic profiles: "Compacted topic cannot accept message without key".');
    sim.apply({ type: 'produce', producer: 'anonymous', key: null, value: { name: 'x' } });
    sim.apply({ type: 'produce', producer: 'anonymous', key: 'user-1', value: { name: 'x' } });
    expect(worldOf(sim).topics.get('profiles')!.partitions.reduce((n, p) => n + p.logEndOffset, 0)).toBe(1);
  });

  it('removes a tombstone produced with value null after delete.retention.ms, not at the first pass', () => {
    // accounts stops after the tombstone (a newer user-3 value would supersede it at once);
    // sessions keeps other keys coming, so later passes run.
    const config: TopicConfig = { ...compact, 'delete.retention.ms': 10_000 };
    const base = profiles(config);
    const sessions = { id: 'sessions', topic: 'profiles', ratePerSec: 20, arrival: 'fixed' as const, event: 'SessionSeen', keys: { kind: 'uniform' as const, prefix: 'session-', count: 5 } };
    const actions: Scenario['actions'] = [
      { atMs: 5000, type: 'produce', producer: 'accounts', key: 'user-3', value: null },
      { atMs: 5000, type: 'pauseProducer', producer: 'accounts' },
    ];
    const sim = createSimulation({ ...base, producers: [...base.producers, sessions], actions }, { checkInvariants: true });
    const find = () =>
      worldOf(sim).topics.get('profiles')!.partitions.flatMap((p) => sim.readRecords('profiles', p.partition, 0, 10_000)).find((r) => r.key === 'user-3' && r.payload === null);
    sim.runUntil(5000);
    const record = find()!;
    expect(record.key).toBe('user-3');
    expect(record.payload).toBeNull();
    sim.runUntil(14_000);
    expect(find()).toBeDefined();
    sim.runUntil(40_000);
    expect(find()).toBeUndefined();
  });

  it('forks with its cleaner state: checkpoint, tombstone horizons and gaps carry over exactly', () => {
    const reader: ServiceSpec = { id: 'profile-view', subscribe: ['profiles'], processingMs: 1, config: { 'auto.offset.reset': 'earliest' } };
    const actions: Scenario['actions'] = [{ atMs: 12_000, type: 'produce', producer: 'accounts', key: 'retired', value: null }];
    const original = createSimulation(profiles({ ...compact, 'delete.retention.ms': 15_000 }, [reader], { actions }));
    original.runUntil(20_000);
    const fork = original.fork();
    original.runUntil(50_000);
    fork.runUntil(50_000);
    expect(fork.traceHash()).toBe(original.traceHash());
    expect(fork.summary()).toEqual(original.summary());
  });
});

