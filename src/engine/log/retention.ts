/**
 * Retention for `cleanup.policy` containing `delete` (UnifiedLog.deleteOldSegments): whole
 * segments, oldest first, stopping at the first segment that may not go. A segment may go only
 * when it lies entirely below the high watermark. The active segment may go too once it is
 * non-empty and expired (a new empty segment is rolled first), so a quiet topic still empties.
 * One check applies `retention.bytes`, then `retention.ms`, in the order of Kafka's
 * UnifiedLog.deleteOldSegments (log start offset breach, then size, then time): when both apply,
 * the oldest segments are reported as deleted for size. (A log start offset breach needs
 * DeleteRecords, which is not modelled.)
 * Offsets are never renumbered: the log start offset jumps to the first remaining segment's base.
 */
import type { ResolvedTopicConfig } from '../config';
import type { SimTimeMs } from '../types';
import type { PartitionLog } from './partitionLog';
import type { Segment } from './segment';

export interface RetentionDeletion {
  reason: 'retention.ms' | 'retention.bytes';
  fromOffset: number;
  toOffset: number;
  segments: number;
  /** Records deleted (fewer than toOffset − fromOffset when compaction left gaps). */
  records: number;
  logStartBefore: number;
  logStartAfter: number;
}

/**
 * `beforeRemoving` is called before any record leaves the log (consumers keep what they fetched
 * from it: fetchBuffer.ts).
 */
export function applyRetention(log: PartitionLog, nowMs: SimTimeMs, beforeRemoving?: (log: PartitionLog) => void): RetentionDeletion[] {
  const { retentionMs, retentionBytes, cleanupPolicy } = log.config;
  const deletions: RetentionDeletion[] = [];
  if (!cleanupPolicy.includes('delete')) return deletions;
  if (retentionBytes >= 0) {
    let excess = log.sizeBytes - retentionBytes;
    const bySize = deleteWhile(log, 'retention.bytes', beforeRemoving, (segment) => {
      if (excess - segment.sizeBytes < 0) return false;
      excess -= segment.sizeBytes;
      return true;
    });
    if (bySize) deletions.push(bySize);
  }
  if (retentionMs >= 0) {
    const byTime = deleteWhile(log, 'retention.ms', beforeRemoving, (segment) => nowMs - segment.maxTimestampMs > retentionMs);
    if (byTime) deletions.push(byTime);
  }
  return deletions;
}

function deleteWhile(
  log: PartitionLog,
  reason: RetentionDeletion['reason'],
  beforeRemoving: ((log: PartitionLog) => void) | undefined,
  predicate: (segment: Segment) => boolean,
): RetentionDeletion | null {
  const segments = log.segments;
  let count = 0;
  let records = 0;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const isLast = i === segments.length - 1;
    if (isLast && segment.recordCount === 0) break;
    const upperBound = isLast ? log.logEndOffset : segments[i + 1]!.baseOffset;
    if (log.highWatermark < upperBound || !predicate(segment)) break;
    count++;
    records += segment.recordCount;
  }
  if (count === 0) return null;
  const logStartBefore = log.logStartOffset;
  const fromOffset = segments[0]!.baseOffset;
  beforeRemoving?.(log);
  log.deleteOldestSegments(count);
  return {
    reason,
    fromOffset,
    toOffset: log.logStartOffset,
    segments: count,
    records,
    logStartBefore,
    logStartAfter: log.logStartOffset,
  };
}

/** "Segment orders-1 [0..120) deleted: retention.ms 60 s passed; log start offset 0 → 120." */
export function describeRetention(where: string, deletion: RetentionDeletion, config: ResolvedTopicConfig): string {
  const what = deletion.segments === 1 ? 'Segment' : `${deletion.segments} segments`;
  const why =
    deletion.reason === 'retention.ms'
      ? `retention.ms ${config.retentionMs / 1000} s passed`
      : `retention.bytes ${config.retentionBytes} bytes exceeded`;
  const gaps = deletion.toOffset - deletion.fromOffset - deletion.records;
  const count = gaps > 0 ? ` (${deletion.records} records; the other offsets were already compacted away)` : '';
  return (
    `${what} of ${where} [${deletion.fromOffset}..${deletion.toOffset})${count} deleted: ${why}; ` +
    `log start offset ${deletion.logStartBefore} → ${deletion.logStartAfter}.`
  );
}
