/**
 * A log segment: a contiguous run of offsets starting at `baseOffset`. Records are kept in
 * offset order; compaction may leave gaps inside, so lookups search by offset.
 */
import type { Offset, SimTimeMs } from '../types';
import type { LogRecord } from './record';

export class Segment {
  records: LogRecord[] = [];
  sizeBytes = 0;
  /** Timestamp of the first record, from which `segment.ms` counts (Kafka's rolling base). */
  firstTimestampMs: SimTimeMs = -1;
  /** Largest record timestamp, against which `retention.ms` is checked. */
  maxTimestampMs: SimTimeMs = -1;
  /** Offsets below this have been through a compaction pass (the cleaned part); = base when never cleaned. */
  cleanedUpTo: Offset;
  /** End offset (exclusive): the next segment's base, or the log end for the active one. */
  endOffset: Offset;

  constructor(readonly baseOffset: Offset) {
    this.cleanedUpTo = baseOffset;
    this.endOffset = baseOffset;
  }

  append(record: LogRecord): void {
    if (this.records.length === 0) this.firstTimestampMs = record.timestampMs;
    this.records.push(record);
    this.sizeBytes += record.sizeBytes;
    if (record.timestampMs > this.maxTimestampMs) this.maxTimestampMs = record.timestampMs;
    this.endOffset = record.offset + 1;
  }

  /** Index of the first record with offset ≥ `offset`. */
  indexAtOrAfter(offset: Offset): number {
    const records = this.records;
    const direct = offset - this.baseOffset;
    if (direct >= 0 && direct < records.length && records[direct]!.offset === offset) return direct;
    let lo = 0;
    let hi = records.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (records[mid]!.offset < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Replaces the records after compaction; offsets and the segment's range are unchanged. As
   * Kafka's cleaned segment, the largest timestamp becomes that of the records kept; an emptied
   * segment keeps its old one (Kafka falls back to the file's modification time).
   */
  replaceRecords(records: LogRecord[]): void {
    // Only rolled segments are cleaned, and their record arrays are frozen (shared by forks).
    this.records = Object.freeze(records) as LogRecord[];
    this.sizeBytes = records.reduce((sum, r) => sum + r.sizeBytes, 0);
    if (records.length > 0) this.maxTimestampMs = records.reduce((max, r) => Math.max(max, r.timestampMs), -1);
  }
}
