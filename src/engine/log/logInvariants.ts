/**
 * Invariants of one partition log beyond offsets and segment ranges (checked in
 * `invariants.ts`): byte counts stay consistent through appends, compaction and retention, and
 * the cleaned part of a compacted log holds at most one record per key, none of them on an
 * offset compaction removed. Cheap enough for every event: the cleaned part is small.
 */
import type { PartitionLog } from './partitionLog';

/** A sentence describing the first broken invariant, or null. */
export function logInvariantProblem(log: PartitionLog): string | null {
  let logBytes = 0;
  for (const segment of log.segments) {
    let segmentBytes = 0;
    for (let i = 0; i < segment.recordCount; i++) segmentBytes += segment.sizeAt(i);
    if (segmentBytes !== segment.sizeBytes) return `segment ${segment.baseOffset} says ${segment.sizeBytes} bytes, its records hold ${segmentBytes}`;
    logBytes += segmentBytes;
  }
  if (logBytes !== log.sizeBytes) return `log says ${log.sizeBytes} bytes, its segments hold ${logBytes}`;
  if (log.cleanerCheckpoint > log.activeSegment.baseOffset) {
    return `cleaner checkpoint ${log.cleanerCheckpoint} is inside the active segment (base ${log.activeSegment.baseOffset})`;
  }
  for (const offset of log.tombstoneHorizons.keys()) {
    if (offset < log.logStartOffset) return `tombstone horizon kept for offset ${offset} below the log start offset`;
  }
  if (!log.config.cleanupPolicy.includes('compact')) return null;
  const keys = new Set<string | null>();
  for (const segment of log.segments) {
    if (segment.baseOffset >= log.cleanerCheckpoint) break;
    for (const record of segment.allRecords()) {
      if (keys.has(record.key)) return `key ${record.key} appears twice in the cleaned part (offset ${record.offset})`;
      keys.add(record.key);
      if (log.compactedAway.has(record.offset)) return `offset ${record.offset} is both retained and compacted away`;
    }
  }
  return null;
}
