/**
 * What a replicated partition's lane shows beyond the records consumers can read (issue 17):
 * the leader's records at or above the high watermark (written, not yet committed, so no
 * consumer reads them: doc/kafka.md §7) and the offsets whose records were acknowledged and
 * then cut from the log by a truncation (truncation.ts). Both are read-only copies, bounded.
 */
import type { LostOffsets, PartitionReplicas } from './broker/partitionReplicas';
import type { PartitionLog } from './log/partitionLog';
import type { LogRecord } from './log/record';

/** The leader's records in [max(HW, LEO − max), LEO), oldest first (PartitionLog.read stops at the HW). */
export function recordsAboveHighWatermark(log: PartitionLog, max: number): LogRecord[] {
  const out: LogRecord[] = [];
  const from = Math.max(log.highWatermark, log.logStartOffset, log.logEndOffset - max);
  let si = log.segmentIndexFor(from);
  if (si < 0) return out;
  let ri = log.segments[si]!.indexAtOrAfter(from);
  for (; si < log.segments.length; si++, ri = 0) {
    const segment = log.segments[si]!;
    for (; ri < segment.recordCount; ri++) out.push(segment.recordAt(ri));
  }
  return out;
}

/** Copies of the partition's runs of acknowledged-then-lost offsets (the engine extends its last run in place). */
export function lostOffsetsOf(replicas: PartitionReplicas): LostOffsets[] {
  return replicas.lostAcked.map((run) => ({ ...run }));
}

/** What decides whether the lost runs changed since the last snapshot. */
export function lostOffsetsSource(replicas: PartitionReplicas | undefined): number[] {
  const runs = replicas?.lostAcked;
  const last = runs?.[runs.length - 1];
  return last ? [runs!.length, last.fromOffset, last.toOffset, last.atMs] : [0];
}
