import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import { orderScenario } from '../testing/scenarios';
import { worldOf } from '../testing/worldOf';
import type { LogRecord } from '../log/record';
import { clusterScenario } from './clusterScenarios';

function recordsOf(sim: ReturnType<typeof createSimulation>, partition = 0): LogRecord[] {
  const log = worldOf(sim).topics.get('orders')!.partitions[partition]!;
  return log.segments.flatMap((s) => s.allRecords());
}

describe('replication', () => {
  it('gives a run without brokers the same run as brokers: 1 with replication factor 1', () => {
    for (const seed of [1, 2, 3]) {
      const actions = [
        { atMs: 5000, type: 'crash' as const, target: 'email-0' },
        { atMs: 9000, type: 'burst' as const, producer: 'checkout', count: 50 },
        { atMs: 20_000, type: 'start' as const, target: 'email-0' },
      ];
      const plain = createSimulation(orderScenario({ seed, actions }));
      const base = orderScenario({ seed, actions });
      const one = createSimulation({ ...base, brokers: 1, topics: base.topics.map((t) => ({ ...t, config: { 'replication.factor': 1 } })) });
      plain.runUntil(30_000);
      one.runUntil(30_000);
      expect(one.traceHash()).toBe(plain.traceHash());
      expect(one.summary()).toEqual(plain.summary());
    }
  });

  it('keeps the HW at or below every ISR replica and lets it trail the leader while followers copy', () => {
    const sim = createSimulation(clusterScenario({ actions: [{ atMs: 1000, type: 'delayNetwork', broker: 2, extraMs: 200 }] }), { checkInvariants: true });
    let trailed = false;
    for (let t = 1000; t <= 10_000; t += 37) {
      sim.runUntil(t);
      const p = sim.summary().topics['orders']!.partitions[0]!;
      if (p.highWatermark < p.logEndOffset) trailed = true;
      const world = worldOf(sim);
      const replicas = world.cluster!.replicasOf(world, 'orders', 0);
      for (const broker of replicas.isr) expect(p.highWatermark).toBeLessThanOrEqual(replicas.state(broker).leo);
    }
    expect(trailed).toBe(true);
  });

  it('never loses an acknowledged record with acks=all and min.insync.replicas=2 when the leader is lost', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const sim = createSimulation(
        clusterScenario({ seed, topicConfig: { 'min.insync.replicas': 2 }, actions: [{ atMs: 5000 + seed * 37, type: 'crashBroker', broker: 0 }] }),
        { checkInvariants: true },
      );
      sim.runUntil(30_000);
      const summary = sim.summary();
      const partition = summary.topics['orders']!.partitions[0]!;
      expect(partition.leader).toBe(1);
      expect(partition.leaderEpoch).toBe(1);
      const producer = summary.producers['checkout']!;
      expect(producer.acked).toBeGreaterThan(1000);
      expect(producer.ackedThenLost).toBe(0);
      // Every acknowledged record is in the log (checkout numbers its records checkout#0, #1, ...).
      const ids = new Set(recordsOf(sim).map((r) => r.eventId));
      expect(ids.size).toBeGreaterThanOrEqual(producer.acked);
    }
  });

  it('loses the unreplicated tail with acks=1 when the leader dies before a lagging follower copied it', () => {
    const run = (acks: '1' | 'all') => {
      const sim = createSimulation(
        clusterScenario({
          brokers: 2,
          topicConfig: { 'replication.factor': 2 },
          producerConfig: { acks },
          actions: [
            { atMs: 1000, type: 'delayNetwork', broker: 1, extraMs: 3000 },
            { atMs: 8000, type: 'crashBroker', broker: 0 },
          ],
        }),
        { checkInvariants: true },
      );
      sim.runUntil(40_000);
      return sim;
    };
    const acksOne = run('1');
    const lost = acksOne.summary().producers['checkout']!.ackedThenLost;
    expect(lost).toBeGreaterThan(0);
    const truncation = acksOne.events().find((e) => e.code === 'log.truncated');
    expect(truncation?.fields?.['ackedLost']).toBe(lost);
    expect(acksOne.summary().topics['orders']!.partitions[0]!.leader).toBe(1);
    // With acks=all the same failure loses nothing: only what the follower holds was acknowledged.
    expect(run('all').summary().producers['checkout']!.ackedThenLost).toBe(0);
  });

  it('loses acknowledged records in an unclean election and keeps the partition offline without one', () => {
    const run = (unclean: boolean) => {
      const sim = createSimulation(
        clusterScenario({
          brokers: 2,
          topicConfig: { 'replication.factor': 2, 'unclean.leader.election.enable': unclean },
          actions: [
            // The follower falls behind, leaves the ISR, and acks=all then needs only the leader.
            { atMs: 1000, type: 'delayNetwork', broker: 1, extraMs: 10_000 },
            { atMs: 60_000, type: 'crashBroker', broker: 0 },
          ],
        }),
        { checkInvariants: true },
      );
      sim.runUntil(90_000);
      return sim;
    };
    const unclean = run(true);
    const uncleanSummary = unclean.summary();
    expect(unclean.events().some((e) => e.code === 'isr.shrunk')).toBe(true);
    expect(uncleanSummary.topics['orders']!.partitions[0]!.leader).toBe(1);
    expect(uncleanSummary.producers['checkout']!.ackedThenLost).toBeGreaterThan(0);
    expect(unclean.events().some((e) => e.code === 'leader.elected' && e.fields?.['unclean'] === true)).toBe(true);

    const clean = run(false);
    const cleanSummary = clean.summary();
    expect(cleanSummary.topics['orders']!.partitions[0]!.leader).toBeNull();
    expect(cleanSummary.producers['checkout']!.ackedThenLost).toBe(0);
    expect(clean.events().some((e) => e.code === 'partition.offline')).toBe(true);
  });

  it('refuses acks=all writes with NOT_ENOUGH_REPLICAS below min.insync.replicas, appending nothing, and resumes when a broker returns', () => {
    const sim = createSimulation(
      clusterScenario({
        topicConfig: { 'min.insync.replicas': 2 },
        actions: [
          { atMs: 2000, type: 'crashBroker', broker: 1 },
          { atMs: 2000, type: 'crashBroker', broker: 2 },
          { atMs: 60_000, type: 'startBroker', broker: 1 },
        ],
      }),
      { checkInvariants: true },
    );
    // The requests appended before the crash wait for followers that never fetch, until their
    // request.timeout.ms (30 s); their resends and every later write are refused.
    sim.runUntil(40_000);
    const during = sim.summary();
    expect(sim.events().some((e) => e.code === 'produce.notEnoughReplicas')).toBe(true);
    const endDuring = during.topics['orders']!.partitions[0]!.logEndOffset;
    expect(during.topics['orders']!.partitions[0]!.isr).toEqual([0]);
    sim.runUntil(59_000);
    // Nothing appended while refused.
    expect(sim.summary().topics['orders']!.partitions[0]!.logEndOffset).toBe(endDuring);
    sim.runUntil(80_000);
    const after = sim.summary();
    expect(after.topics['orders']!.partitions[0]!.isr).toEqual([0, 1]);
    expect(after.topics['orders']!.partitions[0]!.logEndOffset).toBeGreaterThan(endDuring + 500);
    expect(after.producers['checkout']!.retries).toBeGreaterThan(0);
    expect(after.producers['checkout']!.ackedThenLost).toBe(0);
  });

  it('writes a record twice when a resend follows a late answer without idempotence, and once, in order, with it', () => {
    const run = (idempotent: boolean) => {
      const sim = createSimulation(
        clusterScenario({
          topicConfig: { 'replication.factor': 1 },
          producerConfig: { 'enable.idempotence': idempotent, 'request.timeout.ms': 2000, ...(idempotent ? {} : { acks: '1' }) },
          actions: [
            { atMs: 3000, type: 'delayNetwork', broker: 0, extraMs: 1500 },
            { atMs: 6000, type: 'restoreNetwork', broker: 0 },
          ],
        }),
        { checkInvariants: true },
      );
      sim.runUntil(20_000);
      return sim;
    };
    const plain = run(false);
    const duplicates = plain.summary().producers['checkout']!.duplicatesWritten;
    expect(duplicates).toBeGreaterThan(0);
    const ids = recordsOf(plain).map((r) => r.eventId);
    expect(ids.length - new Set(ids).size).toBe(duplicates);

    const idempotent = run(true);
    const summary = idempotent.summary().producers['checkout']!;
    expect(summary.retries).toBeGreaterThan(0);
    expect(summary.duplicatesWritten).toBe(0);
    const sequence = recordsOf(idempotent).map((r) => Number(r.eventId.split('#')[1]));
    expect(new Set(sequence).size).toBe(sequence.length);
    expect([...sequence].sort((a, b) => a - b)).toEqual(sequence);
  });

  it('truncates a returning leader to the new leader by leader epoch and catches it up into the ISR', () => {
    const sim = createSimulation(
      clusterScenario({
        brokers: 2,
        topicConfig: { 'replication.factor': 2 },
        producerConfig: { acks: '1' },
        actions: [
          { atMs: 1000, type: 'delayNetwork', broker: 1, extraMs: 3000 },
          { atMs: 8000, type: 'crashBroker', broker: 0 },
          { atMs: 20_000, type: 'restoreNetwork', broker: 1 },
          { atMs: 25_000, type: 'startBroker', broker: 0 },
        ],
      }),
      { checkInvariants: true },
    );
    sim.runUntil(30_000);
    const returning = sim.events().find((e) => e.code === 'log.truncated' && e.fields?.['broker'] === 0);
    expect(returning).toBeDefined();
    const p = sim.summary().topics['orders']!.partitions[0]!;
    expect(p.leader).toBe(1);
    expect(p.isr).toEqual([0, 1]);
    expect(p.highWatermark).toBe(p.logEndOffset);
  });

  it('refuses broker commands on a one-broker scenario and unknown broker ids', () => {
    const one = createSimulation(orderScenario());
    expect(one.apply({ type: 'crashBroker', broker: 0 })).toMatchObject({ ok: false });
    const three = createSimulation(clusterScenario());
    expect(three.apply({ type: 'crashBroker', broker: 3 })).toMatchObject({ ok: false });
    expect(three.apply({ type: 'crashBroker', broker: 2 })).toEqual({ ok: true });
    expect(three.apply({ type: 'crashBroker', broker: 2 })).toMatchObject({ ok: false });
  });

  it('runs the same when forked mid-failure', () => {
    const scenario = clusterScenario({ consumer: true, actions: [{ atMs: 3000, type: 'crashBroker', broker: 0 }, { atMs: 20_000, type: 'startBroker', broker: 0 }] });
    const sim = createSimulation(scenario);
    sim.runUntil(5000);
    const fork = sim.fork();
    sim.runUntil(30_000);
    fork.runUntil(30_000);
    expect(fork.traceHash()).toBe(sim.traceHash());
  });

  it('fails commits while the group coordinator\'s broker is down and moves the coordinator without a rebalance', () => {
    // Group "billing" hashes to __consumer_offsets partition 39, led by broker 39 % 3 = 0.
    const scenario = {
      ...clusterScenario({ partitions: 3, consumer: true, actions: [{ atMs: 10_000, type: 'crashBroker' as const, broker: 0 }] }),
    };
    scenario.services = [{ id: 'billing', subscribe: ['orders'], config: { 'auto.offset.reset': 'earliest' as const, 'auto.commit.interval.ms': 1000, 'session.timeout.ms': 6000, 'heartbeat.interval.ms': 2000 } }];
    const sim = createSimulation(scenario, { checkInvariants: true });
    sim.runUntil(10_000);
    const committedBefore = sim.summary().groups['billing']!.offsets['orders-1']!.committed;
    sim.runUntil(18_000);
    expect(sim.events().some((e) => e.kind === 'commit' && e.text.includes('COORDINATOR_NOT_AVAILABLE'))).toBe(true);
    expect(sim.summary().groups['billing']!.offsets['orders-1']!.committed).toBe(committedBefore);
    sim.runUntil(30_000);
    const moved = sim.events().find((e) => e.code === 'coordinator.moved');
    expect(moved?.fields?.['broker']).toBe(1);
    // Found within one heartbeat interval of the fencing at 19 s.
    expect(moved!.atMs).toBeLessThanOrEqual(19_000 + 2000);
    const group = sim.summary().groups['billing']!;
    expect(group.generation).toBe(1);
    expect(group.offsets['orders-1']!.committed!).toBeGreaterThan(committedBefore!);
  });
});
