import { describe, expect, it } from 'vitest';
import type { TopicConfig } from '../scenario';
import { applyCompaction, cleanableRange, describeCompaction } from './compaction';
import { logInvariantProblem } from './logInvariants';
import type { PartitionLog } from './partitionLog';
import type { LogRecord } from './record';
import { applyRetention } from './retention';
import { contents, put, segmentRanges, testLog } from './testLog';

/** Appends records with the given keys ("a=∅" is a tombstone for a), 100 bytes each. */
function putKeys(log: PartitionLog, keys: string, timestampMs = 0): void {
  for (const token of keys.split(' ')) {
    const tombstone = token.endsWith('=∅');
    put(log, { key: tombstone ? token.slice(0, -2) : token, tombstone, timestampMs });
  }
}

/** Segments of 5 records: [0..5) a b a c b, [5..10) a d c b e, active [10..) a b. */
function twelveRecords(config: TopicConfig = {}): PartitionLog {
  const log = testLog({ 'cleanup.policy': 'compact', 'segment.bytes': 500, ...config });
  putKeys(log, 'a b a c b a d c b e a b');
  return log;
}

function readAll(log: PartitionLog, from = 0): LogRecord[] {
  const out: LogRecord[] = [];
  log.read(from, 1000, out);
  return out;
}

describe('compaction keeps the latest record per key', () => {
  it('removes older records of a key and keeps the survivors’ offsets, leaving gaps', () => {
    const log = twelveRecords();
    const pass = applyCompaction(log, 0)!;
    expect(contents(log)).toEqual(['5:a', '6:d', '7:c', '8:b', '9:e', '10:a', '11:b']);
    expect(segmentRanges(log)).toEqual(['[0..5)', '[5..10)', '[10..)']);
    expect(pass).toMatchObject({ fromOffset: 0, toOffset: 10, recordsBefore: 10, recordsAfter: 5, superseded: 5 });
    expect(log.cleanerCheckpoint).toBe(10);
    expect(log.compactedAway.countIn(0, 12)).toBe(5);
    expect(log.sizeBytes).toBe(700);
    expect(log.logStartOffset).toBe(0);
    expect(log.logEndOffset).toBe(12);
    expect(logInvariantProblem(log)).toBeNull();
    expect(describeCompaction('orders-0', pass, log.config)).toBe(
      'orders-0 compacted [0..10): 10 records → 5 (latest per key; offsets kept, gaps left); ' +
        'dirty ratio 1.00 > min.cleanable.dirty.ratio 0.5; the active segment is not cleaned.',
    );
  });

  it('lets a reader skip the gaps: a fetch from offset 0 starts at the first survivor', () => {
    const log = twelveRecords();
    applyCompaction(log, 0);
    expect(readAll(log).map((r) => r.offset)).toEqual([5, 6, 7, 8, 9, 10, 11]);
    expect(readAll(log, 2).map((r) => r.offset)[0]).toBe(5);
  });

  it('never cleans the active segment, however many duplicates it holds', () => {
    const log = testLog({ 'cleanup.policy': 'compact' });
    putKeys(log, 'a a a a b b b');
    expect(applyCompaction(log, 0)).toBeNull();
    expect(contents(log)).toHaveLength(7);
    const twelve = twelveRecords();
    applyCompaction(twelve, 0);
    expect(contents(twelve).slice(-2)).toEqual(['10:a', '11:b']);
  });

  it('cleans the older part again on a later pass, so each key appears once below the checkpoint', () => {
    const log = twelveRecords({ 'min.cleanable.dirty.ratio': 0.1 });
    applyCompaction(log, 0);
    putKeys(log, 'c d a x');
    // Dirty: [10..15) a b c d a; clean: [0..10) with 5 survivors.
    applyCompaction(log, 0);
    expect(contents(log)).toEqual(['9:e', '11:b', '12:c', '13:d', '14:a', '15:x']);
    expect(log.cleanerCheckpoint).toBe(15);
    expect(logInvariantProblem(log)).toBeNull();
  });

  it('removes nothing from a log whose keys are all distinct, but still advances the checkpoint', () => {
    const log = testLog({ 'cleanup.policy': 'compact', 'segment.bytes': 300 });
    putKeys(log, 'a b c d e f g');
    const pass = applyCompaction(log, 0)!;
    expect(pass.recordsAfter).toBe(pass.recordsBefore);
    expect(log.cleanerCheckpoint).toBe(6);
  });
});

describe('when a partition is cleaned', () => {
  it('cleans only when dirty / (clean + dirty) is above min.cleanable.dirty.ratio (Kafka compares strictly)', () => {
    const build = (ratio: number) => {
      const log = twelveRecords({ 'min.cleanable.dirty.ratio': ratio });
      applyCompaction(log, 0);
      putKeys(log, 'c d a x');
      return log;
    };
    // Clean part: 5 survivors = 500 bytes; dirty [10..15) = 500 bytes: ratio 0.5.
    const atHalf = build(0.5);
    expect(cleanableRange(atHalf, 0)).toMatchObject({ firstDirtyOffset: 10, firstUncleanableOffset: 15, cleanBytes: 500, dirtyBytes: 500, dirtyRatio: 0.5 });
    expect(applyCompaction(atHalf, 0)).toBeNull();
    expect(contents(atHalf)).toHaveLength(11);
    expect(applyCompaction(build(0.49), 0)).not.toBeNull();
    // More dirty data raises the ratio past the threshold.
    putKeys(atHalf, 'y z w v u');
    expect(cleanableRange(atHalf, 0).dirtyRatio).toBeCloseTo(1000 / 1500);
    expect(applyCompaction(atHalf, 0)).not.toBeNull();
  });

  it('leaves segments with records newer than now − min.compaction.lag.ms dirty', () => {
    const log = testLog({ 'cleanup.policy': 'compact', 'segment.bytes': 500, 'min.compaction.lag.ms': 3000 });
    putKeys(log, 'a b a c b', 0);
    putKeys(log, 'a d c b e', 5000);
    putKeys(log, 'a', 6000);
    expect(cleanableRange(log, 6000).firstUncleanableOffset).toBe(5);
    applyCompaction(log, 6000);
    expect(contents(log)).toEqual(['2:a', '3:c', '4:b', '5:a', '6:d', '7:c', '8:b', '9:e', '10:a']);
    expect(log.cleanerCheckpoint).toBe(5);
    expect(cleanableRange(log, 8001).firstUncleanableOffset).toBe(10);
  });

  it('does nothing on a delete-only topic', () => {
    const log = twelveRecords({ 'cleanup.policy': 'delete' });
    expect(applyCompaction(log, 0)).toBeNull();
  });
});

describe('tombstones', () => {
  /** Segments of 3 records; each pass is given fresh dirty data so the ratio lets it run. */
  function tombstoneLog(): PartitionLog {
    const log = testLog({ 'cleanup.policy': 'compact', 'segment.bytes': 300, 'delete.retention.ms': 10_000, 'min.cleanable.dirty.ratio': 0.01 });
    putKeys(log, 'a b a=∅ c d e f');
    return log;
  }

  it('survive the first pass, which removes the older values of their key and stamps a delete horizon', () => {
    const log = tombstoneLog();
    const pass = applyCompaction(log, 1000)!;
    expect(contents(log)).toEqual(['1:b', '2:a=∅', '3:c', '4:d', '5:e', '6:f']);
    expect(log.tombstoneHorizons.get(2)).toBe(11_000);
    expect(pass.tombstonesMarked).toBe(1);
    expect(describeCompaction('orders-0', pass, log.config)).toContain('1 tombstone kept until delete.retention.ms 10 s passes');
  });

  it('stay until delete.retention.ms has passed since that first pass, then a later pass removes them', () => {
    const log = tombstoneLog();
    applyCompaction(log, 1000);
    putKeys(log, 'g h i');
    applyCompaction(log, 10_999);
    expect(contents(log)).toContain('2:a=∅');
    putKeys(log, 'j k l');
    const pass = applyCompaction(log, 11_000)!;
    expect(contents(log)).not.toContain('2:a=∅');
    expect(pass.tombstonesExpired).toBe(1);
    expect(log.tombstoneHorizons.size).toBe(0);
    expect(log.compactedAway.has(0) && log.compactedAway.has(2)).toBe(true);
    expect(describeCompaction('orders-0', pass, log.config)).toContain('1 tombstone removed: delete.retention.ms passed');
    expect(logInvariantProblem(log)).toBeNull();
  });

  it('go at once when a newer value of the key follows them', () => {
    const log = tombstoneLog();
    applyCompaction(log, 1000);
    putKeys(log, 'a h i j');
    applyCompaction(log, 2000);
    expect(contents(log).filter((c) => c.includes(':a'))).toEqual(['7:a']);
    expect(log.tombstoneHorizons.size).toBe(0);
  });
});

describe('compact,delete', () => {
  it('applies both: compaction thins the log, retention deletes old segments by time', () => {
    const log = testLog({ 'cleanup.policy': 'compact,delete', 'segment.bytes': 500, 'retention.ms': 10_000 });
    putKeys(log, 'a b a c b', 0);
    putKeys(log, 'a d c b e', 20_000);
    putKeys(log, 'a', 21_000);
    applyCompaction(log, 21_000);
    expect(contents(log)).toEqual(['5:a', '6:d', '7:c', '8:b', '9:e', '10:a']);
    applyRetention(log, 21_000);
    expect(log.logStartOffset).toBe(5);
    expect(log.compactedAway.countIn(0, 5)).toBe(5);
    expect(logInvariantProblem(log)).toBeNull();
  });
});
