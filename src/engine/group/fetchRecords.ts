/**
 * The fetch inside one poll: up to `max.poll.records` records from the assigned partitions,
 * each read from its position up to the high watermark, starting one partition further at each
 * poll (round-robin) so that a busy partition cannot starve the others. Positions advance past
 * the records returned. A position outside the log (OFFSET_OUT_OF_RANGE) goes to the
 * consumer's `resetOutOfRange`, which returns the new position, or null when the consumer
 * stopped: the fetch then returns nothing.
 */
import type { LogRecord } from '../log/record';
import type { PartitionLog } from '../log/partitionLog';
import type { Topic } from '../log/topic';
import type { TopicPartition } from '../types';

export interface FetchedRecords {
  records: LogRecord[];
  /** The partition of each record, and its `topic-partition` key. */
  partitions: PartitionLog[];
  keys: string[];
}

export interface FetchRequest {
  /** The assigned partitions and their `topic-partition` keys, index for index. */
  assignment: readonly TopicPartition[];
  assignmentKeys: readonly string[];
  /** Next offset to read per `topic-partition` key; updated in place. */
  positions: Map<string, number>;
  /** Index in `assignment` of the partition read first. */
  startIndex: number;
  maxRecords: number;
}

export function fetchRecords(
  topics: ReadonlyMap<string, Topic>,
  request: FetchRequest,
  resetOutOfRange: (log: PartitionLog, key: string, position: number) => number | null,
): FetchedRecords {
  const records: LogRecord[] = [];
  const partitions: PartitionLog[] = [];
  const keys: string[] = [];
  const { assignment, assignmentKeys, positions, startIndex, maxRecords } = request;
  const count = assignment.length;
  for (let i = 0; i < count && records.length < maxRecords; i++) {
    const index = (startIndex + i) % count;
    const tp = assignment[index]!;
    const log = topics.get(tp.topic)?.partitions[tp.partition];
    if (!log || !log.leaderReachable) continue;
    const key = assignmentKeys[index]!;
    let position = positions.get(key);
    if (position === undefined) continue;
    if (position < log.logStartOffset || position > log.highWatermark) {
      const reset = resetOutOfRange(log, key, position);
      if (reset === null) return { records: [], partitions: [], keys: [] };
      position = reset;
    }
    const before = records.length;
    log.read(position, maxRecords - records.length, records);
    for (let r = before; r < records.length; r++) {
      partitions.push(log);
      keys.push(key);
    }
    if (records.length > before) positions.set(key, records[records.length - 1]!.offset + 1);
  }
  return { records, partitions, keys };
}
