/**
 * A topic's content fingerprint: a hash of every retained record below the high watermark, in
 * partition and offset order (partition, offset, timestamp, key, event type, payload). Two runs
 * whose topic holds the same records give the same fingerprint, whatever else differs between
 * them (consumers, commits, lag) — how a comparison shows that adding a consumer leaves the log
 * unchanged. Deterministic: payload fields are hashed in sorted order, no wall clock, no
 * randomness. Reads the whole retained log: ask on demand, not every frame, or in steps
 * (`topicFingerprintWork`), which hash the log as it was when the work began.
 */
import { TraceHasher } from '../traceHash';
import type { LogRecord } from './record';
import type { Topic } from './topic';

export interface TopicFingerprint {
  /** 16 hex digits. */
  hash: string;
  /** Retained records below the high watermark, over all partitions. */
  records: number;
}

/** A fingerprint computed in steps, of the topic as it was when the work began. */
export interface FingerprintWork {
  /** Hashes up to `maxRecords` more records: the fingerprint once all are in, else null. */
  step(maxRecords: number): TopicFingerprint | null;
}

interface PartitionNow {
  partition: number;
  logStartOffset: number;
  highWatermark: number;
  segments: Array<{ count: number; recordAt(i: number): LogRecord }>;
}

export function topicFingerprint(topic: Topic): TopicFingerprint {
  return topicFingerprintWork(topic).step(Number.POSITIVE_INFINITY)!;
}

/**
 * The work of `topicFingerprint(topic)` now, done in steps later: it keeps the partitions' log
 * start, high watermark and records as they are now (segment.ts `recordsNow`: nothing copied),
 * so whatever the run does meanwhile (appends, retention, truncation, compaction), the result
 * is the fingerprint of this moment.
 */
export function topicFingerprintWork(topic: Topic): FingerprintWork {
  const partitions: PartitionNow[] = topic.partitions.map((log) => ({
    partition: log.partition,
    logStartOffset: log.logStartOffset,
    highWatermark: log.highWatermark,
    segments: log.segments.map((segment) => segment.recordsNow()),
  }));
  const hasher = new TraceHasher();
  let records = 0;
  // Where the walk is: partition, segment and record index; -1 before a partition's number is hashed.
  let p = 0;
  let s = -1;
  let r = 0;
  let result: TopicFingerprint | null = null;
  return {
    step(maxRecords) {
      let budget = maxRecords;
      while (result === null && budget > 0) {
        const part = partitions[p];
        if (part === undefined) {
          result = { hash: hasher.digest(), records };
          break;
        }
        if (s < 0) {
          hasher.int(part.partition);
          s = 0;
          r = 0;
        }
        const segment = part.segments[s];
        if (segment === undefined) {
          p++;
          s = -1;
          continue;
        }
        if (r >= segment.count) {
          s++;
          r = 0;
          continue;
        }
        const record = segment.recordAt(r);
        if (record.offset >= part.highWatermark) {
          // The rest of this segment is at or above the high watermark (so are later segments').
          s++;
          r = 0;
          continue;
        }
        r++;
        budget--;
        if (record.offset < part.logStartOffset) continue;
        records++;
        hasher.int(record.offset);
        hasher.int(record.timestampMs);
        hasher.string(record.key ?? '\u0000null');
        hasher.string(record.eventType ?? '\u0000tombstone');
        if (record.payload !== null) {
          for (const name of Object.keys(record.payload).sort()) {
            hasher.string(name);
            hasher.string(JSON.stringify(record.payload[name]));
          }
        }
      }
      return result;
    },
  };
}
