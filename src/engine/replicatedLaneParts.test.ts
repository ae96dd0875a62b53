import { describe, expect, it } from 'vitest';
import { clusterScenario } from './broker/clusterScenarios';
import { createSimulation } from './simulation';
import { RECENT_RECORDS_PER_PARTITION } from './snapshot';
import type { SimSnapshot } from './snapshot';
import { orderScenario } from './testing/scenarios';

/** acks=1 with a follower 3 s behind, then the leader dies: its unreplicated tail is cut. */
const acksOneLoss = () =>
  clusterScenario({
    brokers: 2,
    topicConfig: { 'replication.factor': 2 },
    producerConfig: { acks: '1' },
    consumer: true,
    actions: [
      { atMs: 1000, type: 'delayNetwork', broker: 1, extraMs: 3000 },
      { atMs: 8000, type: 'crashBroker', broker: 0 },
    ],
  });

const orders0 = (snapshot: SimSnapshot) => snapshot.topics[0]!.partitions[0]!;

describe('the snapshot of a replicated partition', () => {
  it('carries the leader records above the high watermark, oldest first, bounded, none below it', () => {
    const sim = createSimulation(acksOneLoss());
    sim.runUntil(6000);
    const p = orders0(sim.snapshot());
    expect(p.highWatermark).toBeLessThan(p.logEndOffset);
    const uncommitted = p.uncommitted!;
    expect(uncommitted.length).toBe(Math.min(RECENT_RECORDS_PER_PARTITION, p.logEndOffset - p.highWatermark));
    expect(uncommitted[uncommitted.length - 1]!.offset).toBe(p.logEndOffset - 1);
    expect(uncommitted.every((r, i) => r.offset >= p.highWatermark && (i === 0 || r.offset > uncommitted[i - 1]!.offset))).toBe(true);
    // `recent` keeps its meaning: what consumers can read, below the HW.
    expect(p.recent.every((r) => r.offset < p.highWatermark)).toBe(true);
  });

  it('lists the acknowledged-then-lost offsets where the truncation cut them, as many as the producer counts', () => {
    const sim = createSimulation(acksOneLoss());
    sim.runUntil(7900);
    expect(orders0(sim.snapshot()).ackedThenLost).toBeUndefined();
    sim.runUntil(40_000);
    const lostCount = sim.summary().producers['checkout']!.ackedThenLost;
    expect(lostCount).toBeGreaterThan(0);
    const truncation = sim.events().find((e) => e.code === 'log.truncated')!;
    const runs = orders0(sim.snapshot()).ackedThenLost!;
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.reduce((n, run) => n + run.toOffset - run.fromOffset, 0)).toBe(lostCount);
    for (const run of runs) {
      expect(run.fromOffset).toBeGreaterThanOrEqual(truncation.fields!['to'] as number);
      expect(run.toOffset).toBeLessThanOrEqual(truncation.fields!['from'] as number);
      expect(run.atMs).toBe(truncation.atMs);
      expect(run.leaderEpoch).toBe(1);
    }
  });

  it('shares an unchanged partition and replication view, and equals a snapshot built from scratch', () => {
    const sim = createSimulation(acksOneLoss());
    for (let t = 2000; t <= 30_000; t += 2000) {
      sim.runUntil(t);
      expect(sim.snapshot()).toEqual(sim.fork().snapshot());
    }
    sim.runUntil(32_000);
    const first = sim.snapshot();
    const again = sim.snapshot();
    expect(again.topics).toBe(first.topics);
    expect(again.replication).toBe(first.replication);
    // The follower, 3 s away, answers in bursts: one lands between 32 s and 33 s.
    sim.runUntil(33_000);
    const later = sim.snapshot();
    expect(orders0(later).logEndOffset).toBeGreaterThan(orders0(first).logEndOffset);
    expect(orders0(later)).not.toBe(orders0(first));
    expect(orders0(later).ackedThenLost).toEqual(orders0(first).ackedThenLost);
    expect(later.replication!.brokers).toBe(first.replication!.brokers);
  });

  it('leaves the snapshot of an unreplicated run without the new fields, and every trace hash as it was', () => {
    const plain = createSimulation(orderScenario({ seed: 5 }));
    const looked = createSimulation(orderScenario({ seed: 5 }));
    for (let t = 1000; t <= 20_000; t += 1000) {
      looked.runUntil(t);
      const p = orders0(looked.snapshot());
      expect(p.uncommitted).toBeUndefined();
      expect(p.ackedThenLost).toBeUndefined();
    }
    plain.runUntil(20_000);
    expect(looked.traceHash()).toBe(plain.traceHash());
    const lossy = createSimulation(acksOneLoss());
    const watched = createSimulation(acksOneLoss());
    for (let t = 500; t <= 30_000; t += 500) {
      watched.runUntil(t);
      watched.snapshot();
    }
    lossy.runUntil(30_000);
    expect(watched.traceHash()).toBe(lossy.traceHash());
  });
});
