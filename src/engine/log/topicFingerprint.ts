/**
 * A topic's content fingerprint: a hash of every retained record below the high watermark, in
 * partition and offset order (partition, offset, timestamp, key, event type, payload). Two runs
 * whose topic holds the same records give the same fingerprint, whatever else differs between
 * them (consumers, commits, lag) — how a comparison shows that adding a consumer leaves the log
 * unchanged. Deterministic: payload fields are hashed in sorted order, no wall clock, no
 * randomness. Reads the whole retained log: ask on demand, not every frame.
 */
import { TraceHasher } from '../traceHash';
import type { Topic } from './topic';

export interface TopicFingerprint {
  /** 16 hex digits. */
  hash: string;
  /** Retained records below the high watermark, over all partitions. */
  records: number;
}

export function topicFingerprint(topic: Topic): TopicFingerprint {
  const hasher = new TraceHasher();
  let records = 0;
  for (const log of topic.partitions) {
    hasher.int(log.partition);
    const highWatermark = log.highWatermark;
    for (const segment of log.segments) {
      for (const record of segment.allRecords()) {
        if (record.offset >= highWatermark) break;
        if (record.offset < log.logStartOffset) continue;
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
    }
  }
  return { hash: hasher.digest(), records };
}
