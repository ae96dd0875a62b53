/**
 * Retention for `cleanup.policy` containing `delete` (UnifiedLog.deletableSegments): whole
 * segments, oldest first, stopping at the first segment that may not go. A segment may go only
 * when it lies entirely below the high watermark. The active segment may go too once it is
 * non-empty and expired (a new empty segment is rolled first), so a quiet topic still empties.
 */
import type { SimTimeMs } from '../types';
import type { PartitionLog } from './partitionLog';

export interface RetentionDeletion {
  reason: 'retention.ms' | 'retention.bytes';
  fromOffset: number;
  toOffset: number;
  segments: number;
  logStartBefore: number;
  logStartAfter: number;
}

export function applyRetention(log: PartitionLog, nowMs: SimTimeMs): RetentionDeletion | null {
  const { retentionMs, retentionBytes, cleanupPolicy } = log.config;
  if (!cleanupPolicy.includes('delete')) return null;
  if (retentionMs >= 0) {
    const result = deleteWhile(log, 'retention.ms', (segment) => nowMs - segment.maxTimestampMs > retentionMs);
    if (result) return result;
  }
  if (retentionBytes >= 0) {
    let excess = log.sizeBytes - retentionBytes;
    return deleteWhile(log, 'retention.bytes', (segment) => {
      if (excess - segment.sizeBytes < 0) return false;
      excess -= segment.sizeBytes;
      return true;
    });
  }
  return null;
}

function deleteWhile(
  log: PartitionLog,
  reason: RetentionDeletion['reason'],
  predicate: (segment: PartitionLog['segments'][number]) => boolean,
): RetentionDeletion | null {
  const segments = log.segments;
  let count = 0;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const isLast = i === segments.length - 1;
    if (isLast && segment.records.length === 0) break;
    const upperBound = isLast ? log.logEndOffset : segments[i + 1]!.baseOffset;
    if (log.highWatermark < upperBound || !predicate(segment)) break;
    count++;
  }
  if (count === 0) return null;
  const logStartBefore = log.logStartOffset;
  const fromOffset = segments[0]!.baseOffset;
  log.deleteOldestSegments(count);
  return {
    reason,
    fromOffset,
    toOffset: log.logStartOffset,
    segments: count,
    logStartBefore,
    logStartAfter: log.logStartOffset,
  };
}
