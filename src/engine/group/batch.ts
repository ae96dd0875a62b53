/**
 * The records one poll returned (from the fetch buffer), which the consumer works through one by one, and the offsets
 * to commit for them. The committed offset is the next offset to read: one past the last
 * processed record, or the first record of the batch not processed yet.
 */
import type { LogRecord } from '../log/record';
import { clearArray } from '../clearArray';

export interface Batch {
  records: LogRecord[];
  /** Each record's partition: its topic name and index (the batch holds no log). */
  topics: string[];
  partitions: number[];
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
  return { records: [], topics: [], partitions: [], keys: [], index: 0, currentStartMs: 0, currentRemainingMs: 0 };
}

export function clearBatch(batch: Batch): void {
  clearArray(batch.records);
  clearArray(batch.topics);
  clearArray(batch.partitions);
  clearArray(batch.keys);
  batch.index = 0;
}

/** Offsets once every record of the batch is processed. */
export function offsetsAfter(batch: Batch): Map<string, number> {
  const offsets = new Map<string, number>();
  for (let i = 0; i < batch.records.length; i++) offsets.set(batch.keys[i]!, batch.records[i]!.offset + 1);
  return offsets;
}

/**
 * Moves `positions` (a fresh map of the consumer's positions, updated in place and returned)
 * back to the first record of the batch not processed yet, per partition.
 */
export function rewindToUnprocessed(positions: Map<string, number>, batch: Batch): Map<string, number> {
  for (let i = batch.records.length - 1; i >= batch.index; i--) positions.set(batch.keys[i]!, batch.records[i]!.offset);
  return positions;
}
