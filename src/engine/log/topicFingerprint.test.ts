import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TraceHasher } from '../traceHash';
import type { LogRecord } from './record';
import { put } from './testLog';
import { Topic } from './topic';
import { topicFingerprint, topicFingerprintWork, type FingerprintWork, type TopicFingerprint } from './topicFingerprint';

/** The plain walk the stepped work replaces: every segment's records, read at once. */
function plainFingerprint(topic: Topic): TopicFingerprint {
  const hasher = new TraceHasher();
  let records = 0;
  for (const log of topic.partitions) {
    hasher.int(log.partition);
    for (const segment of log.segments) {
      for (const record of segment.allRecords()) {
        if (record.offset >= log.highWatermark) break;
        if (record.offset < log.logStartOffset) continue;
        records++;
        hasher.int(record.offset);
        hasher.int(record.timestampMs);
        hasher.string(record.key ?? '\u0000null');
        hasher.string(record.eventType ?? '\u0000tombstone');
        if (record.payload !== null) {
          for (const name of Object.keys(record.payload).sort()) {
            hasher.string(name);
            hasher.string(JSON.stringify(record.payload[name]));
          }
        }
      }
    }
  }
  return { hash: hasher.digest(), records };
}

type Op =
  | readonly ['append', number, number]
  | readonly ['roll', number]
  | readonly ['delete', number, number]
  | readonly ['truncate', number, number]
  | readonly ['compact', number, number]
  | readonly ['hw', number, number]
  | readonly ['begin']
  | readonly ['step', number];

const PARTITIONS = 3;

const opArbitrary = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(fc.constant('append' as const), fc.nat(PARTITIONS - 1), fc.nat(7)) },
  { weight: 2, arbitrary: fc.tuple(fc.constant('roll' as const), fc.nat(PARTITIONS - 1)) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('delete' as const), fc.nat(PARTITIONS - 1), fc.integer({ min: 1, max: 2 })) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('truncate' as const), fc.nat(PARTITIONS - 1), fc.nat(20)) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('compact' as const), fc.nat(PARTITIONS - 1), fc.nat(5)) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('hw' as const), fc.nat(PARTITIONS - 1), fc.nat(6)) },
  { weight: 3, arbitrary: fc.constant(['begin'] as const) },
  { weight: 6, arbitrary: fc.tuple(fc.constant('step' as const), fc.integer({ min: 1, max: 9 })) },
);

/**
 * Plays `ops` on a topic (appends with tombstones, rolls, retention, truncation, compaction,
 * a lagging high watermark) while works begun along the way take steps; each work, once done,
 * must give the plain fingerprint of the moment it began, and the whole one the plain one now.
 */
function check(ops: readonly Op[], columnar: boolean): void {
  const topic = new Topic({ name: 'orders', partitions: PARTITIONS, config: columnar ? {} : { 'cleanup.policy': 'compact' } });
  const works: Array<{ work: FingerprintWork; expected: TopicFingerprint }> = [];
  for (const op of ops) {
    const log = topic.partitions[op[0] === 'begin' || op[0] === 'step' ? 0 : op[1]]!;
    switch (op[0]) {
      case 'append':
        for (let i = 0; i <= op[2]; i++) put(log, { key: `k${(log.nextOffset * 7) % 5}`, timestampMs: log.nextOffset * 10, tombstone: (log.nextOffset + op[2]) % 6 === 0 });
        break;
      case 'roll':
        if (log.activeSegment.recordCount > 0) log.roll();
        break;
      case 'delete':
        if (log.segments.length > 1) log.deleteOldestSegments(Math.min(op[2], log.segments.length - 1));
        break;
      case 'truncate':
        log.truncateTo(Math.max(log.logStartOffset, log.logEndOffset - op[2]));
        break;
      case 'compact': {
        const rolled = log.segments.slice(0, -1);
        const segment = rolled[op[2] % Math.max(1, rolled.length)];
        if (segment) log.replaceRecords(segment, segment.allRecords().filter((r: LogRecord) => r.offset % 3 !== 0));
        break;
      }
      case 'hw':
        log.replicatedHighWatermark = Math.max(log.logStartOffset, log.logEndOffset - op[2]);
        break;
      case 'begin':
        works.push({ work: topicFingerprintWork(topic), expected: plainFingerprint(topic) });
        break;
      case 'step':
        for (const { work, expected } of works) {
          const result = work.step(op[1]);
          if (result !== null) expect(result).toEqual(expected);
        }
        break;
    }
  }
  for (const { work, expected } of works) expect(work.step(Number.POSITIVE_INFINITY)).toEqual(expected);
  expect(topicFingerprint(topic)).toEqual(plainFingerprint(topic));
}

describe('topicFingerprintWork', () => {
  it('gives the plain fingerprint of the moment it began, whatever the log does between its steps', () => {
    fc.assert(fc.property(fc.array(opArbitrary, { maxLength: 120 }), fc.boolean(), (ops, columnar) => check(ops, columnar)), { numRuns: 300, seed: 15 });
  });

  it('answers the same in one step and in steps of one record', () => {
    const topic = new Topic({ name: 'orders', partitions: 2 });
    for (let i = 0; i < 30; i++) put(topic.partitions[i % 2]!, { timestampMs: i });
    topic.partitions[1]!.roll();
    const stepped = topicFingerprintWork(topic);
    let result: TopicFingerprint | null = null;
    let steps = 0;
    while (result === null) {
      result = stepped.step(1);
      steps++;
    }
    expect(result).toEqual(plainFingerprint(topic));
    expect(result.records).toBe(30);
    expect(steps).toBeGreaterThanOrEqual(30);
  });
});
