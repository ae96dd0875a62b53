/**
 * A record in a partition log. Offsets are assigned by the log on append and never change;
 * retention removes whole segments and compaction removes records, leaving gaps.
 */
import type { Offset, SimTimeMs } from '../types';

export type Payload = Readonly<Record<string, string | number | boolean | null>>;

export interface LogRecord {
  readonly offset: Offset;
  /** null = no key (Kafka's null key); "" is a real, empty key. */
  readonly key: string | null;
  /** The event type, e.g. `OrderPlaced`; null for a tombstone (null value). */
  readonly eventType: string | null;
  readonly payload: Payload | null;
  readonly timestampMs: SimTimeMs;
  readonly sizeBytes: number;
  /** The producer or service that appended it. */
  readonly producer: string;
  /** Stable id of the fact this record carries, used by idempotent handlers to dedupe. */
  readonly eventId: string;
  /**
   * Global production order across the run, one number per append: the per-key order checker
   * orders by it and the consistency tracker finds a record's fact by it.
   */
  readonly produceSeq: number;
}

/** Record size in bytes as a v2 record batch would roughly carry it (header + key + value). */
export function estimateRecordSize(key: string | null, eventType: string | null, payload: Payload | null): number {
  let size = 70 + (key === null ? 0 : key.length);
  if (eventType !== null) size += eventType.length;
  if (payload !== null) {
    for (const name in payload) {
      const value = payload[name];
      size += name.length + 4 + (typeof value === 'string' ? value.length : 8);
    }
  }
  return size;
}

/** A tombstone: a keyed record with a null value (no event type, no payload), deleting its key. */
export function isTombstone(record: LogRecord): boolean {
  return record.eventType === null && record.payload === null;
}
