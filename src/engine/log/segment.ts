/**
 * A log segment: a contiguous run of offsets starting at `baseOffset`. Records are kept in
 * offset order; compaction may leave gaps inside, so lookups search by offset.
 *
 * The active segment keeps its records as objects. A rolled one never changes again (compaction
 * replaces it whole) and keeps them in columns (recordColumns.ts), made again when read: read
 * records through `recordCount` / `recordAt` / `offsetAt`, or `allRecords()` for whole walks.
 */
import type { Offset, SimTimeMs } from '../types';
import type { LogRecord } from './record';
import { RecordColumns } from './recordColumns';

const NO_RECORDS: readonly LogRecord[] = Object.freeze([]);
const NO_SIZES: readonly number[] = Object.freeze([]);

export class Segment {
  /** The records as objects: the active segment's, or a rolled one's not kept in columns (frozen then). */
  private objects: LogRecord[] = [];
  /**
   * Each object's `sizeBytes`, index for index: a fetch sums sizes over thousands of records,
   * and reading them here keeps it from touching each record object (a cache miss apiece in a
   * large heap). Empty once the records are in columns, which keep their own sizes.
   */
  private sizes: number[] = [];
  /** A rolled segment's records in columns, or null. */
  private columns: RecordColumns | null = null;
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

  get recordCount(): number {
    return this.columns === null ? this.objects.length : this.columns.length;
  }

  /** The record at index `i` (0 ≤ i < recordCount). */
  recordAt(i: number): LogRecord {
    return this.columns === null ? this.objects[i]! : this.columns.recordAt(i);
  }

  /** The offset of the record at index `i`, without making the record. */
  offsetAt(i: number): Offset {
    return this.columns === null ? this.objects[i]!.offset : this.columns.offsetAt(i);
  }

  /** The timestamp of the record at index `i`, without making the record. */
  timestampAt(i: number): SimTimeMs {
    return this.columns === null ? this.objects[i]!.timestampMs : this.columns.timestampAt(i);
  }

  /** The size of the record at index `i`, without making the record. */
  sizeAt(i: number): number {
    return this.columns === null ? this.sizes[i]! : this.columns.sizeAt(i);
  }

  /**
   * Every record, oldest first: the segment's own array, or one made for the caller from the
   * columns (records made anew: whole walks compare values, not objects).
   */
  allRecords(): readonly LogRecord[] {
    if (this.columns === null) return this.objects;
    const out = new Array<LogRecord>(this.columns.length);
    for (let i = 0; i < out.length; i++) out[i] = this.columns.make(i);
    return out;
  }

  /**
   * The records as they are now, to read later by index (the first `count`; made anew from the
   * columns, as `allRecords` makes them). What it reads never changes whatever the segment does
   * afterwards: columns are frozen, and the active segment's array only grows at its end (a
   * truncation, a seal or a compaction gives the segment a new array).
   */
  recordsNow(): { count: number; recordAt(i: number): LogRecord } {
    const columns = this.columns;
    if (columns !== null) return { count: columns.length, recordAt: (i) => columns.make(i) };
    const objects = this.objects;
    return { count: objects.length, recordAt: (i) => objects[i]! };
  }

  append(record: LogRecord): void {
    if (this.objects.length === 0) this.firstTimestampMs = record.timestampMs;
    this.objects.push(record);
    this.sizes.push(record.sizeBytes);
    this.sizeBytes += record.sizeBytes;
    if (record.timestampMs > this.maxTimestampMs) this.maxTimestampMs = record.timestampMs;
    this.endOffset = record.offset + 1;
  }

  /**
   * The segment rolled: its records never change again. In columns when `columnar` (not for
   * compacted logs, whose every cleaning pass walks all records), else a frozen array; either way
   * checkpoint copies share them instead of copying.
   */
  seal(columnar: boolean): void {
    if (columnar && this.objects.length > 0) {
      this.columns = new RecordColumns(this.objects);
      this.objects = NO_RECORDS as LogRecord[];
      this.sizes = NO_SIZES as number[];
    } else {
      Object.freeze(this.objects);
      Object.freeze(this.sizes);
    }
  }

  /** Keeps the records before `offset` as the active segment's (a truncation reopened it); returns the others. */
  truncateTo(offset: Offset): LogRecord[] {
    const all = this.allRecords();
    const keep = all.filter((r) => r.offset < offset);
    const removed = all.filter((r) => r.offset >= offset);
    this.columns = null;
    this.objects = keep;
    this.sizes = keep.map((r) => r.sizeBytes);
    this.sizeBytes = keep.reduce((sum, r) => sum + r.sizeBytes, 0);
    this.maxTimestampMs = keep.reduce((max, r) => Math.max(max, r.timestampMs), -1);
    if (keep.length === 0) this.firstTimestampMs = -1;
    return removed;
  }

  /** Index of the first record with offset ≥ `offset`. */
  indexAtOrAfter(offset: Offset): number {
    const count = this.recordCount;
    const direct = offset - this.baseOffset;
    if (direct >= 0 && direct < count && this.offsetAt(direct) === offset) return direct;
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.offsetAt(mid) < offset) lo = mid + 1;
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
    // Only rolled segments are cleaned, and their records are frozen (shared by forks).
    this.objects = Object.freeze(records) as LogRecord[];
    this.sizes = Object.freeze(records.map((r) => r.sizeBytes)) as number[];
    this.columns = null;
    this.sizeBytes = records.reduce((sum, r) => sum + r.sizeBytes, 0);
    if (records.length > 0) this.maxTimestampMs = records.reduce((max, r) => Math.max(max, r.timestampMs), -1);
  }
}
