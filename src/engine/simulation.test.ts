import { describe, expect, it } from 'vitest';
import { createSimulation } from './simulation';
import { orderScenario } from './testing/scenarios';
import type { LogRecord } from './log/record';

function allRecords(sim: ReturnType<typeof createSimulation>): LogRecord[] {
  const records: LogRecord[] = [];
  for (const topic of sim.snapshot().topics) {
    for (const p of topic.partitions) records.push(...sim.readRecords(topic.name, p.partition, 0, 1_000_000));
  }
  return records;
}

describe('createSimulation determinism', () => {
  it('gives the same trace hash for the same seed, 200 seeds each run twice, and different hashes across seeds', () => {
    const hashes = new Set<string>();
    for (let seed = 0; seed < 200; seed++) {
      const run = () => {
        const sim = createSimulation(orderScenario({ seed }));
        sim.runUntil(8000);
        return sim.traceHash();
      };
      const first = run();
      expect(run()).toBe(first);
      hashes.add(first);
    }
    expect(hashes.size).toBe(200);
  });

  it('gives the same state and hash however runUntil is chunked', () => {
    const whole = createSimulation(orderScenario({ actions: [{ atMs: 12_000, type: 'crash', target: 'email-0' }] }));
    whole.runUntil(40_000);
    const chunked = createSimulation(orderScenario({ actions: [{ atMs: 12_000, type: 'crash', target: 'email-0' }] }));
    for (const t of [1, 999, 3000, 3001, 12_000, 12_000, 19_999, 25_000, 40_000]) chunked.runUntil(t);
    expect(chunked.traceHash()).toBe(whole.traceHash());
    expect(chunked.summary()).toEqual(whole.summary());
  });

  it('treats a live apply at time t exactly like a scenario action at t', () => {
    const scripted = createSimulation(orderScenario({ actions: [{ atMs: 9000, type: 'crash', target: 'email-0' }] }));
    scripted.runUntil(30_000);
    const live = createSimulation(orderScenario());
    live.runUntil(9000);
    live.apply({ type: 'crash', target: 'email-0' });
    live.runUntil(30_000);
    expect(live.traceHash()).toBe(scripted.traceHash());
  });

  it('sets now to the requested time and never moves it backwards', () => {
    const sim = createSimulation(orderScenario());
    sim.runUntil(1234);
    expect(sim.now).toBe(1234);
    sim.runUntil(1000);
    expect(sim.now).toBe(1234);
  });
});

describe('a late subscriber changes nothing upstream', () => {
  const fraud = { id: 'fraud-check', subscribe: ['orders'], config: { 'auto.offset.reset': 'earliest' as const } };

  it('leaves every record and the topic summary identical when a service is added up front', () => {
    const without = createSimulation(orderScenario());
    without.runUntil(30_000);
    const base = orderScenario();
    const withFraud = createSimulation({ ...base, services: [...base.services, fraud] });
    withFraud.runUntil(30_000);
    expect(withFraud.summary().topics).toEqual(without.summary().topics);
    expect(allRecords(withFraud)).toEqual(allRecords(without));
  });

  it('leaves every record identical when a service is added late by addService', () => {
    const without = createSimulation(orderScenario());
    without.runUntil(30_000);
    const late = createSimulation(orderScenario({ actions: [{ atMs: 15_000, type: 'addService', service: fraud }] }));
    late.runUntil(30_000);
    expect(late.summary().topics).toEqual(without.summary().topics);
    expect(allRecords(late)).toEqual(allRecords(without));
    expect(late.summary().stats['fraud-check']!.uniqueProcessed).toBeGreaterThan(0);
  });
});

describe('producers', () => {
  it('produces about ratePerSec records per second with Poisson arrivals', () => {
    const sim = createSimulation(orderScenario({ producers: [{ id: 'p', topic: 'orders', ratePerSec: 100, event: 'E' }] }));
    sim.runUntil(60_000);
    const sent = sim.summary().producers['p']!.sent;
    expect(sent).toBeGreaterThan(5700);
    expect(sent).toBeLessThan(6300);
  });

  it('spaces fixed arrivals exactly 1000/rate ms apart', () => {
    const sim = createSimulation(orderScenario({ producers: [{ id: 'p', topic: 'orders', ratePerSec: 4, event: 'E', arrival: 'fixed', keys: { kind: 'sequence' } }] }));
    sim.runUntil(2000);
    const times = allRecords(sim).map((r) => r.timestampMs).sort((a, b) => a - b);
    expect(times).toEqual([250, 500, 750, 1000, 1250, 1500, 1750, 2000]);
  });

  it('sends keyed records to murmur2(key) & 0x7fffffff % partitions', () => {
    const sim = createSimulation(orderScenario());
    sim.runUntil(5000);
    for (const record of allRecords(sim)) expect(record.key).not.toBeNull();
    const snapshot = sim.snapshot();
    for (const p of snapshot.topics[0]!.partitions) {
      for (const record of sim.readRecords('orders', p.partition, 0, 10_000)) {
        expect(p.partition).toBe(partitionOf(record.key!));
      }
    }
  });

  it('keeps unkeyed records on one sticky partition until batch.size bytes, then switches', () => {
    const sim = createSimulation(orderScenario({ producers: [{ id: 'p', topic: 'orders', ratePerSec: 200, event: 'E', arrival: 'fixed' }] }));
    sim.runUntil(10_000);
    const records = allRecords(sim).sort((a, b) => a.produceSeq - b.produceSeq);
    let switches = 0;
    let bytes = 0;
    let previous = -1;
    const partitionByOffsetKey = new Map<number, number>();
    for (const p of sim.snapshot().topics[0]!.partitions) {
      for (const r of sim.readRecords('orders', p.partition, 0, 100_000)) partitionByOffsetKey.set(r.produceSeq, p.partition);
    }
    for (const record of records) {
      const partition = partitionByOffsetKey.get(record.produceSeq)!;
      if (partition !== previous && previous !== -1) {
        expect(bytes).toBeGreaterThanOrEqual(16_384);
        switches++;
        bytes = 0;
      }
      bytes += record.sizeBytes;
      previous = partition;
    }
    expect(switches).toBeGreaterThan(3);
  });

  it('round-robins unkeyed records with the roundrobin partitioner', () => {
    const sim = createSimulation(orderScenario({ producers: [{ id: 'p', topic: 'orders', ratePerSec: 30, event: 'E', partitioner: 'roundrobin' }] }));
    sim.runUntil(10_000);
    const ends = sim.summary().topics['orders']!.partitions.map((p) => p.logEndOffset);
    expect(Math.max(...ends) - Math.min(...ends)).toBeLessThanOrEqual(1);
  });

  it('pauses, resumes, changes rate and bursts on command', () => {
    const sim = createSimulation(orderScenario());
    sim.runUntil(1000);
    sim.apply({ type: 'pauseProducer', producer: 'checkout' });
    const paused = sim.summary().producers['checkout']!.sent;
    sim.runUntil(5000);
    expect(sim.summary().producers['checkout']!.sent).toBe(paused);
    sim.apply({ type: 'burst', producer: 'checkout', count: 50 });
    expect(sim.summary().producers['checkout']!.sent).toBe(paused + 50);
    sim.apply({ type: 'setRate', producer: 'checkout', ratePerSec: 100 });
    sim.apply({ type: 'resumeProducer', producer: 'checkout' });
    sim.runUntil(15_000);
    expect(sim.summary().producers['checkout']!.sent - paused - 50).toBeGreaterThan(800);
  });

  it('produces a chosen record with an explicit key and partition', () => {
    const sim = createSimulation(orderScenario());
    const result = sim.apply({ type: 'produce', producer: 'checkout', key: 'hand-made', partition: 2, value: { note: 'hi' } });
    expect(result).toEqual({ ok: true });
    const record = sim.readRecords('orders', 2, 0, 10).find((r) => r.key === 'hand-made');
    expect(record?.payload).toEqual({ note: 'hi' });
  });
});

import { partitionForKey } from './producer/murmur2';
function partitionOf(key: string): number {
  return partitionForKey(key, 3);
}
