/**
 * Where a consumer starts reading a partition it was just assigned: the group's committed
 * offset while it is still inside the log, else what `auto.offset.reset` says (earliest: the
 * log start offset; latest: the high watermark; none: nowhere, the consumer stops with an
 * error). A committed offset below the log start offset means retention deleted records the
 * group never read. Pure: the caller moves the position and reports it.
 */
import type { PartitionLog } from '../log/partitionLog';
import type { CommittedOffset } from './committedOffset';
import { lostToRetention } from './lostToRetention';

export type StartPosition =
  | { source: 'committed'; position: number }
  /** No committed offset: auto.offset.reset decides. */
  | { source: 'reset-policy'; position: number }
  /** A committed offset outside the log (retention moved the log start past it, or beyond the high watermark). */
  | { source: 'retention'; position: number; committedOffset: number; lostRecords: number };

/** `null` when there is no valid committed offset and auto.offset.reset=none. */
export function startPosition(
  log: PartitionLog,
  committed: CommittedOffset | undefined,
  autoOffsetReset: 'earliest' | 'latest' | 'none',
): StartPosition | null {
  if (committed && committed.offset >= log.logStartOffset && committed.offset <= log.highWatermark) {
    return { source: 'committed', position: committed.offset };
  }
  if (autoOffsetReset === 'none') return null;
  const position = resetPosition(log, autoOffsetReset);
  if (!committed) return { source: 'reset-policy', position };
  return {
    source: 'retention',
    position,
    committedOffset: committed.offset,
    lostRecords: lostToRetention(log, committed.offset, log.logStartOffset),
  };
}

/** The offset auto.offset.reset moves a consumer to. */
export function resetPosition(log: PartitionLog, autoOffsetReset: 'earliest' | 'latest'): number {
  return autoOffsetReset === 'earliest' ? log.logStartOffset : log.highWatermark;
}
