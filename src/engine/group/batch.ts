/**
 * The records one poll returned (from the fetch buffer), which the consumer works through one by one, and the offsets
 * to commit for them. The committed offset is the next offset to read: one past the last
 * processed record, or the first record of the batch not processed yet.
 */
import type { LogRecord } from '../log/record';
import type { PartitionLog } from '../log/partitionLog';
import { tpKey } from '../types';
import { clearArray } from '../clearArray';

export interface Batch {
  records: LogRecord[];
  partitions: PartitionLog[];
  /** `topic-partition` key of each record's partition. */
  keys: string[];
  /** Index of the record being processed. */
  index: number;
  /** When the current record started and how long it needs, for hangs and slow-downs. */
  currentStartMs: number;
  currentRemainingMs: number;
}

/** An empty batch; a consumer keeps one and refills it at every poll (`clearBatch`). */
export function emptyBatch(): Batch {
  return { records: [], partitions: [], keys: [], index: 0, currentStartMs: 0, currentRemainingMs: 0 };
}

export function clearBatch(batch: Batch): void {
  clearArray(batch.records);
  clearArray(batch.partitions);
  clearArray(batch.keys);
  batch.index = 0;
}

/** Offsets once every record of the batch is processed. */
export function offsetsAfter(batch: Batch): Map<string, number> {
  const offsets = new Map<string, number>();
  for (let i = 0; i < batch.records.length; i++) {
    const log = batch.partitions[i]!;
    offsets.set(tpKey(log.topic, log.partition), batch.records[i]!.offset + 1);
  }
  return offsets;
}

/**
 * Moves `positions` (a fresh map of the consumer's positions, updated in place and returned)
 * back to the first record of the batch not processed yet, per partition.
 */
export function rewindToUnprocessed(positions: Map<string, number>, batch: Batch): Map<string, number> {
  for (let i = batch.records.length - 1; i >= batch.index; i--) {
    const log = batch.partitions[i]!;
    positions.set(tpKey(log.topic, log.partition), batch.records[i]!.offset);
  }
  return positions;
}
