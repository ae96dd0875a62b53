/**
 * Kafka's log cleaner for one partition (`cleanup.policy` containing `compact`), run from the
 * broker's periodic check (LogCleanerManager.cleanableOffsets, LogCleaner.cleanSegments).
 *
 * - Cleanable range: from the cleaner checkpoint (or the log start) up to the first uncleanable
 *   offset: the active segment's base, or earlier the base of the first dirty segment holding a
 *   record newer than now − `min.compaction.lag.ms`. The active segment is never cleaned.
 * - A pass runs when dirty bytes / (clean + dirty bytes) > `min.cleanable.dirty.ratio` (Kafka's
 *   comparison is strict); "clean" is what earlier passes cleaned, below the checkpoint.
 * - An offset map of the dirty range gives each key's latest offset; every segment from the log
 *   start to the end of that range is then filtered: a record goes if a later record of its key
 *   is in the map. Survivors keep their offsets, so gaps appear. Keyless records go too.
 * - A tombstone (null value) survives the first pass that sees it, which stamps a delete horizon
 *   of now + `delete.retention.ms` (record format v2, KIP-534); a later pass after the horizon
 *   removes it.
 * Plans and applies in one place; reads no clock but `nowMs`.
 */
import type { ResolvedTopicConfig } from '../config';
import type { Offset, SimTimeMs } from '../types';
import type { PartitionLog } from './partitionLog';
import { isTombstone, type LogRecord } from './record';

export interface CleanableRange {
  firstDirtyOffset: Offset;
  firstUncleanableOffset: Offset;
  cleanBytes: number;
  dirtyBytes: number;
  /** dirty / (clean + dirty), 0 when both are 0. */
  dirtyRatio: number;
}

export interface CompactionPass {
  /** The cleaned range: [log start, first uncleanable offset). */
  fromOffset: Offset;
  toOffset: Offset;
  dirtyRatio: number;
  recordsBefore: number;
  recordsAfter: number;
  /** Removed because a later record of the same key exists. */
  superseded: number;
  /** Tombstones seen for the first time: kept, with a delete horizon. */
  tombstonesMarked: number;
  /** Tombstones kept from earlier passes whose horizon has not passed. */
  tombstonesWaiting: number;
  /** Tombstones removed because their delete horizon passed. */
  tombstonesExpired: number;
  keylessRemoved: number;
}

/** Kafka's LogCleanerManager.cleanableOffsets plus the byte counts of LogToClean. */
export function cleanableRange(log: PartitionLog, nowMs: SimTimeMs): CleanableRange {
  const firstDirtyOffset = Math.max(log.cleanerCheckpoint, log.logStartOffset);
  const activeBase = log.activeSegment.baseOffset;
  let firstUncleanableOffset = Math.max(activeBase, firstDirtyOffset);
  const lagMs = Math.max(0, log.config.minCompactionLagMs);
  let cleanBytes = 0;
  let dirtyBytes = 0;
  for (const segment of log.segments) {
    if (segment.baseOffset < firstDirtyOffset) cleanBytes += segment.sizeBytes;
    else if (segment.baseOffset < firstUncleanableOffset) {
      if (lagMs > 0 && segment.maxTimestampMs > nowMs - lagMs) {
        firstUncleanableOffset = segment.baseOffset;
        break;
      }
      dirtyBytes += segment.sizeBytes;
    }
  }
  const total = cleanBytes + dirtyBytes;
  return { firstDirtyOffset, firstUncleanableOffset, cleanBytes, dirtyBytes, dirtyRatio: total > 0 ? dirtyBytes / total : 0 };
}

/**
 * Runs one cleaning pass when the dirty ratio calls for it; returns what it did, or null.
 * `beforeRemoving` is called before the first record leaves the log (consumers keep what they
 * fetched from it: fetchBuffer.ts), while every segment is still as it was.
 */
export function applyCompaction(log: PartitionLog, nowMs: SimTimeMs, beforeRemoving?: (log: PartitionLog) => void): CompactionPass | null {
  const config = log.config;
  if (!config.cleanupPolicy.includes('compact')) return null;
  const range = cleanableRange(log, nowMs);
  if (range.dirtyBytes === 0 || !(range.dirtyRatio > config.minCleanableDirtyRatio)) return null;
  const end = range.firstUncleanableOffset;
  const latestOffsetByKey = buildOffsetMap(log, range.firstDirtyOffset, end);

  const pass: CompactionPass = {
    fromOffset: log.logStartOffset,
    toOffset: end,
    dirtyRatio: range.dirtyRatio,
    recordsBefore: 0,
    recordsAfter: 0,
    superseded: 0,
    tombstonesMarked: 0,
    tombstonesWaiting: 0,
    tombstonesExpired: 0,
    keylessRemoved: 0,
  };
  const removedRuns: number[] = [];
  const horizons = log.tombstoneHorizons;
  for (const segment of log.segments) {
    if (segment.baseOffset >= end) break;
    const kept: LogRecord[] = [];
    const records = segment.allRecords();
    for (const record of records) {
      pass.recordsBefore++;
      const verdict = judge(record, latestOffsetByKey, horizons.get(record.offset), nowMs);
      if (verdict === 'keep' || verdict === 'mark') {
        kept.push(record);
        if (verdict === 'mark') {
          horizons.set(record.offset, nowMs + config.deleteRetentionMs);
          pass.tombstonesMarked++;
        } else if (isTombstone(record)) pass.tombstonesWaiting++;
        continue;
      }
      if (verdict === 'superseded') pass.superseded++;
      else if (verdict === 'expired') pass.tombstonesExpired++;
      else pass.keylessRemoved++;
      horizons.delete(record.offset);
      addToRuns(removedRuns, record.offset);
    }
    pass.recordsAfter += kept.length;
    if (kept.length !== records.length) {
      beforeRemoving?.(log);
      log.replaceRecords(segment, kept);
    }
    segment.cleanedUpTo = segment.endOffset;
  }
  log.compactedAway.addRuns(removedRuns);
  log.cleanerCheckpoint = end;
  return pass;
}

type Verdict = 'keep' | 'mark' | 'superseded' | 'expired' | 'keyless';

/** LogCleaner.shouldRetainRecord for one record. */
function judge(record: LogRecord, latestOffsetByKey: Map<string, Offset>, horizonMs: SimTimeMs | undefined, nowMs: SimTimeMs): Verdict {
  if (record.key === null) return 'keyless';
  const latest = latestOffsetByKey.get(record.key);
  if (latest !== undefined && record.offset < latest) return 'superseded';
  if (!isTombstone(record)) return 'keep';
  if (horizonMs === undefined) return 'mark';
  return nowMs < horizonMs ? 'keep' : 'expired';
}

/** Key → latest offset over the dirty range (Kafka's OffsetMap; here it never fills up). */
function buildOffsetMap(log: PartitionLog, from: Offset, to: Offset): Map<string, Offset> {
  const map = new Map<string, Offset>();
  for (const segment of log.segments) {
    if (segment.baseOffset >= to) break;
    if (segment.endOffset <= from) continue;
    for (const record of segment.allRecords()) {
      if (record.offset >= from && record.offset < to && record.key !== null) map.set(record.key, record.offset);
    }
  }
  return map;
}

/** Appends an offset to flattened [start, end) runs built in increasing order. */
function addToRuns(runs: number[], offset: Offset): void {
  if (runs.length > 0 && runs[runs.length - 1] === offset) runs[runs.length - 1] = offset + 1;
  else runs.push(offset, offset + 1);
}

/**
 * "orders-1 compacted [0..512): 340 records → 41 (latest per key; offsets kept, gaps left);
 * 3 tombstones kept until delete.retention.ms 86400 s passes; dirty ratio 0.62 > 0.5."
 */
export function describeCompaction(where: string, pass: CompactionPass, config: ResolvedTopicConfig): string {
  const parts = [
    `${where} compacted [${pass.fromOffset}..${pass.toOffset}): ${pass.recordsBefore} records → ${pass.recordsAfter}` +
      ` (latest per key; offsets kept, gaps left)`,
  ];
  const waiting = pass.tombstonesMarked + pass.tombstonesWaiting;
  if (waiting > 0) {
    parts.push(`${plural(waiting, 'tombstone')} kept until delete.retention.ms ${config.deleteRetentionMs / 1000} s passes`);
  }
  if (pass.tombstonesExpired > 0) parts.push(`${plural(pass.tombstonesExpired, 'tombstone')} removed: delete.retention.ms passed`);
  if (pass.keylessRemoved > 0) parts.push(`${plural(pass.keylessRemoved, 'record')} without a key removed`);
  parts.push(`dirty ratio ${pass.dirtyRatio.toFixed(2)} > min.cleanable.dirty.ratio ${config.minCleanableDirtyRatio}; the active segment is not cleaned.`);
  return parts.join('; ');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
