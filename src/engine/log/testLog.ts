/**
 * Test helpers for the log: a partition log built directly from a topic config, and records
 * appended with chosen timestamps and sizes (no simulation, no clock).
 */
import { resolveTopicConfig } from '../config';
import type { TopicConfig } from '../scenario';
import { PartitionLog } from './partitionLog';
import type { LogRecord } from './record';

export function testLog(config: TopicConfig): PartitionLog {
  return new PartitionLog('orders', 0, resolveTopicConfig(config));
}

export interface TestRecord {
  key?: string | null;
  timestampMs?: number;
  sizeBytes?: number;
  /** A tombstone: null value. */
  tombstone?: boolean;
}

let produceSeq = 0;

/** Appends one record at the log end; returns it. */
export function put(log: PartitionLog, record: TestRecord = {}): LogRecord {
  const offset = log.nextOffset;
  const appended: LogRecord = {
    offset,
    key: record.key === undefined ? `k${offset}` : record.key,
    eventType: record.tombstone ? null : 'Put',
    payload: record.tombstone ? null : { n: offset },
    timestampMs: record.timestampMs ?? 0,
    sizeBytes: record.sizeBytes ?? 100,
    producer: 'test',
    eventId: `test#${offset}`,
    produceSeq: produceSeq++,
  };
  log.append(appended);
  return appended;
}

/** The retained records as `offset:key` strings (`offset:key=∅` for a tombstone). */
export function contents(log: PartitionLog): string[] {
  const out: string[] = [];
  for (const segment of log.segments) {
    for (const r of segment.allRecords()) out.push(`${r.offset}:${r.key}${r.payload === null ? '=∅' : ''}`);
  }
  return out;
}

/** Segment ranges as `[base..end)` strings, the active one open-ended. */
export function segmentRanges(log: PartitionLog): string[] {
  return log.segments.map((s, i) => (i === log.segments.length - 1 ? `[${s.baseOffset}..)` : `[${s.baseOffset}..${s.endOffset})`));
}
