import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario';
import { createSimulation } from '../simulation';
import { logInvariantProblem } from './logInvariants';
import { applyRetention, describeRetention } from './retention';
import { contents, put, segmentRanges, testLog } from './testLog';
import { worldOf } from '../testing/worldOf';

/** 35 records of 100 bytes at t = 0, 1000, ..., 34000 in segments of 10 records. */
function thirtyFiveRecords(config: Parameters<typeof testLog>[0]) {
  const log = testLog({ 'segment.bytes': 1000, ...config });
  for (let i = 0; i < 35; i++) put(log, { timestampMs: i * 1000 });
  return log;
}

describe('segments', () => {
  it('rolls when the next record would exceed segment.bytes', () => {
    const log = thirtyFiveRecords({});
    expect(segmentRanges(log)).toEqual(['[0..10)', '[10..20)', '[20..30)', '[30..)']);
    expect(log.sizeBytes).toBe(3500);
  });

  it('rolls when a record is more than segment.ms after the segment’s first record', () => {
    const log = testLog({ 'segment.ms': 2000 });
    for (const t of [0, 1000, 2000, 2001, 3000, 4001, 4002]) put(log, { timestampMs: t });
    expect(segmentRanges(log)).toEqual(['[0..3)', '[3..6)', '[6..)']);
  });

  it('takes Kafka’s defaults literally when config is omitted: one segment for a small log', () => {
    const log = testLog({});
    for (let i = 0; i < 1000; i++) put(log, { timestampMs: i * 1000 });
    expect(segmentRanges(log)).toEqual(['[0..)']);
    expect(applyRetention(log, 1_000_000)).toEqual([]);
  });
});

describe('retention by time (retention.ms)', () => {
  it('deletes whole segments, oldest first, once now − their largest timestamp exceeds retention.ms', () => {
    const log = thirtyFiveRecords({ 'retention.ms': 60_000 });
    expect(applyRetention(log, 69_000)).toEqual([]);
    expect(log.logStartOffset).toBe(0);
    const [deletion] = applyRetention(log, 69_001);
    expect(log.logStartOffset).toBe(10);
    expect(deletion).toMatchObject({ reason: 'retention.ms', fromOffset: 0, toOffset: 10, segments: 1, records: 10 });
    expect(describeRetention('orders-0', deletion!, log.config)).toBe(
      'Segment of orders-0 [0..10) deleted: retention.ms 60 s passed; log start offset 0 → 10.',
    );
    applyRetention(log, 89_001);
    expect(log.logStartOffset).toBe(30);
    expect(segmentRanges(log)).toEqual(['[30..)']);
    expect(log.sizeBytes).toBe(500);
  });

  it('deletes the active segment too once everything in it expired, and never renumbers offsets', () => {
    const log = thirtyFiveRecords({ 'retention.ms': 60_000 });
    applyRetention(log, 94_001);
    expect(log.logStartOffset).toBe(35);
    expect(log.logEndOffset).toBe(35);
    expect(contents(log)).toEqual([]);
    expect(segmentRanges(log)).toEqual(['[35..)']);
    expect(put(log, { timestampMs: 95_000 }).offset).toBe(35);
    expect(logInvariantProblem(log)).toBeNull();
  });

  it('stops at the first segment that may not go, even if a later one has older timestamps', () => {
    const log = testLog({ 'segment.bytes': 200, 'retention.ms': 1000 });
    for (const t of [0, 5000, 0, 0, 9000]) put(log, { timestampMs: t });
    applyRetention(log, 5500);
    expect(log.logStartOffset).toBe(0);
  });
});

describe('retention by size (retention.bytes)', () => {
  it('deletes oldest segments while the rest still holds at least retention.bytes', () => {
    const log = thirtyFiveRecords({ 'retention.bytes': 2500 });
    const [deletion] = applyRetention(log, 0);
    expect(deletion).toMatchObject({ reason: 'retention.bytes', fromOffset: 0, toOffset: 10 });
    expect(log.logStartOffset).toBe(10);
    expect(log.sizeBytes).toBe(2500);
    put(log, { timestampMs: 35_000 });
    expect(applyRetention(log, 0)).toEqual([]);
    expect(log.logStartOffset).toBe(10);
  });

  it('can empty the whole log, active segment included, with retention.bytes 0', () => {
    const log = thirtyFiveRecords({ 'retention.bytes': 0 });
    applyRetention(log, 0);
    expect(log.logStartOffset).toBe(35);
    expect(log.sizeBytes).toBe(0);
  });

  it('applies retention.bytes and then retention.ms in the same check, as Kafka’s deleteOldSegments does', () => {
    // At 79 001 ms the segments [0..10) and [10..20) are both older than retention.ms; size alone
    // would delete only [0..10). Size runs first, so it is credited with [0..10) and time with
    // [10..20); the other order would credit time with both and leave nothing to size.
    const log = thirtyFiveRecords({ 'retention.ms': 60_000, 'retention.bytes': 2500 });
    const deletions = applyRetention(log, 79_001);
    expect(deletions.map((d) => [d.reason, d.fromOffset, d.toOffset])).toEqual([
      ['retention.bytes', 0, 10],
      ['retention.ms', 10, 20],
    ]);
    expect(log.logStartOffset).toBe(20);
  });

  it('leaves a compact-only topic alone', () => {
    const log = thirtyFiveRecords({ 'cleanup.policy': 'compact', 'retention.ms': 1, 'retention.bytes': 0 });
    expect(applyRetention(log, 1_000_000)).toEqual([]);
    expect(log.logStartOffset).toBe(0);
  });
});

/** One partition, one producer at exactly 10 records/s (t = 100, 200, ...), sequence keys. */
function fixedRateScenario(config: Scenario['topics'][number]['config'], services: Scenario['services'] = []): Scenario {
  return {
    format: 'logscope-scenario',
    version: 1,
    seed: 3,
    topics: [{ name: 'orders', partitions: 1, config }],
    producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 10, arrival: 'fixed', event: 'OrderPlaced', keys: { kind: 'sequence' } }],
    services,
  };
}

describe('retention in a running simulation', () => {
  it('moves the log start offset exactly when the periodic check finds a segment expired', () => {
    // Segments of 2000 ms: [0..21) holds t = 100..2100, [21..42) t = 2200..4200. With
    // retention.ms 10 s, the first may go after t = 12100 and the check runs every 1000 ms.
    const sim = createSimulation(fixedRateScenario({ 'retention.ms': 10_000, 'segment.ms': 2000 }), { checkInvariants: true });
    const log = worldOf(sim).topics.get('orders')!.partitions[0]!;
    sim.runUntil(12_999);
    expect(log.logStartOffset).toBe(0);
    sim.runUntil(13_000);
    expect(log.logStartOffset).toBe(21);
    sim.runUntil(14_999);
    expect(log.logStartOffset).toBe(21);
    sim.runUntil(15_000);
    expect(log.logStartOffset).toBe(42);
    const texts = sim.events().filter((e) => e.kind === 'retention').map((e) => `${e.atMs} ${e.text}`);
    expect(texts).toEqual([
      '13000 Segment of orders-0 [0..21) deleted: retention.ms 10 s passed; log start offset 0 → 21.',
      '15000 Segment of orders-0 [21..42) deleted: retention.ms 10 s passed; log start offset 21 → 42.',
    ]);
  });

  it('makes a slow consumer lose records to retention: skipped counts them and an event names them', () => {
    const slow = {
      id: 'reporting',
      subscribe: ['orders'],
      processingMs: 250,
      config: { 'auto.offset.reset': 'earliest' as const, 'max.poll.records': 10 },
    };
    const sim = createSimulation(fixedRateScenario({ 'retention.ms': 5000, 'segment.ms': 1000 }, [slow]), { checkInvariants: true });
    sim.runUntil(40_000);
    const stats = sim.summary().stats['reporting']!;
    expect(stats.skipped).toBeGreaterThan(0);
    const lost = sim.events().filter((e) => e.text.includes('lost to retention'));
    expect(lost.length).toBeGreaterThan(0);
    expect(lost[0]!.text).toMatch(/reporting-0: position \d+ on orders-0 is out of range \(log start offset \d+\); auto\.offset\.reset=earliest moves it to \d+: \d+ records lost to retention\./);
    // The events name exactly the records the stats count as skipped.
    const named = lost.reduce((sum, e) => sum + Number(/(\d+) records lost to retention/.exec(e.text)![1]), 0);
    expect(named).toBe(stats.skipped);
  });

  it('names the records lost when a restarted consumer finds its committed offset deleted', () => {
    const reader = { id: 'reporting', subscribe: ['orders'], processingMs: 1, config: { 'auto.offset.reset': 'earliest' as const } };
    const scenario = {
      ...fixedRateScenario({ 'retention.ms': 5000, 'segment.ms': 1000 }, [reader]),
      actions: [
        { atMs: 8000, type: 'stop' as const, target: 'reporting-0' },
        { atMs: 30_000, type: 'start' as const, target: 'reporting-0' },
      ],
    };
    const sim = createSimulation(scenario, { checkInvariants: true });
    sim.runUntil(40_000);
    const restart = sim.events().find((e) => e.atMs >= 30_000 && e.text.startsWith('reporting-0 starts orders-0'))!;
    expect(restart.text).toMatch(/^reporting-0 starts orders-0 at \d+: committed offset \d+ is out of range, auto\.offset\.reset=earliest: \d+ records lost to retention\.$/);
    const [, start, committed, lost] = /at (\d+): committed offset (\d+).*: (\d+) records/.exec(restart.text)!.map(Number);
    expect(lost).toBe(start! - committed!);
    expect(sim.summary().stats['reporting']!.skipped).toBe(lost);
  });
});
