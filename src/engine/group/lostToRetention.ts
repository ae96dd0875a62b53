/**
 * How many records a consumer lost to retention when its offset fell below the log start
 * offset. Offsets that compaction had already emptied held no record to lose, so they do not
 * count.
 */
import type { PartitionLog } from '../log/partitionLog';

/** Records in [from, to) that retention deleted; 0 when `from` is not below `to`. */
export function lostToRetention(log: PartitionLog, from: number, to: number): number {
  return from < to ? to - from - log.compactedAway.countIn(from, to) : 0;
}
