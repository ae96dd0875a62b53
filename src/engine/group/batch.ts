/**
 * The records one poll returned (from the fetch buffer), which the consumer works through one by one, and the offsets
 * to commit for them. The committed offset is the next offset to read: one past the last
 * processed record, or the first record of the batch not processed yet.
 *
 * A poll hands out consecutive records of a few partitions, so each partition's part is one run
 * (its first index in `records`, its topic, index and key) rather than three entries per record:
 * filling and emptying the batch then costs one push and one pop per record.
 */
import type { LogRecord } from '../log/record';
import { clearArray } from '../clearArray';

export interface Batch {
  records: LogRecord[];
  /** Per run of records of one partition: the index in `records` where it starts. */
  runStarts: number[];
  /** Per run: its partition's topic name and index (the batch holds no log). */
  runTopics: string[];
  runPartitions: number[];
  /** Per run: the `topic-partition` key of its partition. */
  runKeys: string[];
  /** Index of the record being processed. */
  index: number;
  /** The run `index` is in (kept by `runAt`). */
  run: number;
  /** When the current record started and how long it needs, for hangs and slow-downs. */
  currentStartMs: number;
  currentRemainingMs: number;
}

/** An empty batch; a consumer keeps one and refills it at every poll (`clearBatch`). */
export function emptyBatch(): Batch {
  return { records: [], runStarts: [], runTopics: [], runPartitions: [], runKeys: [], index: 0, run: 0, currentStartMs: 0, currentRemainingMs: 0 };
}

export function clearBatch(batch: Batch): void {
  clearArray(batch.records);
  clearArray(batch.runStarts);
  clearArray(batch.runTopics);
  clearArray(batch.runPartitions);
  clearArray(batch.runKeys);
  batch.index = 0;
  batch.run = 0;
}

/** Starts a run of records of one partition at the end of the batch (the caller pushes them next). */
export function startRun(batch: Batch, topic: string, partition: number, key: string): void {
  batch.runStarts.push(batch.records.length);
  batch.runTopics.push(topic);
  batch.runPartitions.push(partition);
  batch.runKeys.push(key);
}

/** The run holding record `i`, for a walk that goes forward from the run last found. */
export function runAt(batch: Batch, i: number): number {
  let run = batch.run;
  const starts = batch.runStarts;
  while (run + 1 < starts.length && starts[run + 1]! <= i) run++;
  batch.run = run;
  return run;
}

/** Offsets once every record of the batch is processed. */
export function offsetsAfter(batch: Batch): Map<string, number> {
  const offsets = new Map<string, number>();
  const starts = batch.runStarts;
  for (let run = 0; run < starts.length; run++) {
    // A run is never empty: its last record gives its partition's offset.
    const end = run + 1 < starts.length ? starts[run + 1]! : batch.records.length;
    offsets.set(batch.runKeys[run]!, batch.records[end - 1]!.offset + 1);
  }
  return offsets;
}

/**
 * Moves `positions` (a fresh map of the consumer's positions, updated in place and returned)
 * back to the first record of the batch not processed yet, per partition.
 */
export function rewindToUnprocessed(positions: Map<string, number>, batch: Batch): Map<string, number> {
  const starts = batch.runStarts;
  for (let run = starts.length - 1; run >= 0; run--) {
    const end = run + 1 < starts.length ? starts[run + 1]! : batch.records.length;
    for (let i = end - 1; i >= Math.max(starts[run]!, batch.index); i--) positions.set(batch.runKeys[run]!, batch.records[i]!.offset);
  }
  return positions;
}
