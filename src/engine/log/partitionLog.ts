/**
 * One partition's log: append-only segments, log start offset, log end offset (LEO) and high
 * watermark (HW). Unreplicated, the HW equals the LEO; replicated (broker/), this log is the
 * leader's and the HW is the leader's, which trails the LEO until the in-sync replicas have copied.
 *
 * Invariants: offsets are unique and increasing; the log start offset only moves forward;
 * segments are contiguous ([base, end) ranges that touch); the last segment is the active one;
 * `sizeBytes` is the sum of the segments' sizes. Compaction state (checkpoint, tombstone
 * horizons, gaps) lives here so a fork of the world copies it with the log.
 */
import type { InstanceRef } from '../engineEvents';
import type { ResolvedTopicConfig } from '../config';
import { tpKey, type Offset, type SimTimeMs } from '../types';
import { CompactedOffsets } from './compactedOffsets';
import type { LogRecord } from './record';
import { Segment } from './segment';

export class PartitionLog {
  segments: Segment[] = [new Segment(0)];
  logStartOffset: Offset = 0;
  logEndOffset: Offset = 0;
  /** Total bytes of all retained segments. */
  sizeBytes = 0;
  /** Kafka's cleaner-offset-checkpoint: offsets below it were cleaned by a compaction pass. */
  cleanerCheckpoint: Offset = 0;
  /** Delete horizon of each tombstone a compaction pass has seen: it goes in a pass after that time. */
  readonly tombstoneHorizons = new Map<Offset, SimTimeMs>();
  /** Offsets compaction removed (gaps), kept after retention so stats can tell superseded from lost. */
  readonly compactedAway = new CompactedOffsets();
  /**
   * Consumers parked on an empty fetch, woken by the next append (fetch.min.bytes = 1): by
   * instance name, in the order they parked, each named by id (the world finds its fetcher).
   */
  readonly fetchWaiters = new Map<string, InstanceRef>();
  /** `topic-partition`, the key of per-partition maps, built once (lag sampling reads it for every partition). */
  readonly key: string;
  /**
   * The high watermark the partition's leader computed from its in-sync replicas (broker/), or
   * null when the partition is not replicated: then the HW is the log end offset.
   */
  replicatedHighWatermark: Offset | null = null;
  /** False while the partition's leader is down or missing (broker/): consumers' fetches get nothing. */
  leaderReachable = true;

  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly config: ResolvedTopicConfig,
  ) {
    this.key = tpKey(topic, partition);
  }

  /** The one accessor every reader of the HW uses: consumers read only below it. */
  get highWatermark(): Offset {
    return this.replicatedHighWatermark ?? this.logEndOffset;
  }

  get activeSegment(): Segment {
    return this.segments[this.segments.length - 1]!;
  }

  /** Appends a record (the caller has built it with `nextOffset`), rolling the segment first when due. */
  append(record: LogRecord): void {
    const active = this.activeSegment;
    if (active.recordCount > 0 && this.shouldRoll(active, record)) this.roll();
    this.activeSegment.append(record);
    this.logEndOffset = record.offset + 1;
    this.sizeBytes += record.sizeBytes;
  }

  get nextOffset(): Offset {
    return this.logEndOffset;
  }

  /** Kafka's LogSegment.shouldRoll, for size and time (no index-full or jitter rules). */
  private shouldRoll(active: Segment, record: LogRecord): boolean {
    if (active.sizeBytes + record.sizeBytes > this.config.segmentBytes) return true;
    return record.timestampMs - active.firstTimestampMs > this.config.segmentMs;
  }

  /** Starts a new, empty active segment at the log end offset. */
  roll(): void {
    this.activeSegment.endOffset = this.logEndOffset;
    // A rolled segment's records never change again (compaction replaces them whole): in columns
    // or frozen, checkpoint copies share them instead of copying.
    this.activeSegment.seal(!this.config.cleanupPolicy.includes('compact'));
    this.segments.push(new Segment(this.logEndOffset));
  }

  /**
   * Reads up to `maxRecords` records at or after `fromOffset` and below the high watermark.
   * Gaps (compaction) are skipped over, as a real fetch skips them.
   */
  read(fromOffset: Offset, maxRecords: number, out: LogRecord[]): void {
    const hw = this.highWatermark;
    let si = this.segmentIndexFor(fromOffset);
    if (si < 0) return;
    let remaining = maxRecords;
    let ri = this.segments[si]!.indexAtOrAfter(fromOffset);
    while (remaining > 0 && si < this.segments.length) {
      const segment = this.segments[si]!;
      const count = segment.recordCount;
      while (ri < count && remaining > 0) {
        if (segment.offsetAt(ri) >= hw) return;
        out.push(segment.recordAt(ri));
        remaining--;
        ri++;
      }
      si++;
      ri = 0;
    }
  }

  /** The first record at or after `offset`, if any remains. */
  recordAtOrAfter(offset: Offset): LogRecord | undefined {
    const out: LogRecord[] = [];
    this.read(offset, 1, out);
    return out[0];
  }

  /** Index of the segment whose range holds `offset`, or -1 when it is outside the log. */
  segmentIndexFor(offset: Offset): number {
    if (offset < this.logStartOffset || offset >= this.logEndOffset) return -1;
    const segments = this.segments;
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (segments[mid]!.baseOffset <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Kafka's ListOffsets by timestamp: the first offset whose timestamp is ≥ `timestampMs`. */
  offsetForTimestamp(timestampMs: SimTimeMs): Offset {
    for (const segment of this.segments) {
      if (segment.maxTimestampMs < timestampMs) continue;
      for (let i = 0; i < segment.recordCount; i++) if (segment.timestampAt(i) >= timestampMs) return segment.offsetAt(i);
    }
    return this.logEndOffset;
  }

  /** Removes the oldest `count` segments; the log start offset jumps to the next base offset. */
  deleteOldestSegments(count: number): void {
    if (count <= 0) return;
    if (count >= this.segments.length) this.roll();
    const removed = this.segments.splice(0, count);
    for (const segment of removed) this.sizeBytes -= segment.sizeBytes;
    this.logStartOffset = Math.max(this.logStartOffset, this.segments[0]!.baseOffset);
    for (const offset of this.tombstoneHorizons.keys()) if (offset < this.logStartOffset) this.tombstoneHorizons.delete(offset);
    this.compactedAway.trimBelow(this.logStartOffset);
  }

  /** Compaction's result for one segment: the records it keeps (same offsets, gaps between). */
  replaceRecords(segment: Segment, kept: LogRecord[]): void {
    this.sizeBytes -= segment.sizeBytes;
    segment.replaceRecords(kept);
    this.sizeBytes += segment.sizeBytes;
  }

  get recordCount(): number {
    let count = 0;
    for (const segment of this.segments) count += segment.recordCount;
    return count;
  }

  /**
   * Removes every record at or after `offset` (a replica truncating to its new leader's log,
   * doc/kafka.md §7.1); returns the removed records, oldest first. The HW never passes the new end.
   */
  truncateTo(offset: Offset): LogRecord[] {
    if (offset >= this.logEndOffset) return [];
    const removed: LogRecord[] = [];
    while (this.segments.length > 1 && this.activeSegment.baseOffset >= offset && this.activeSegment.baseOffset > this.logStartOffset) {
      const segment = this.segments.pop()!;
      removed.unshift(...segment.allRecords());
      this.sizeBytes -= segment.sizeBytes;
    }
    const active = this.activeSegment;
    this.sizeBytes -= active.sizeBytes;
    removed.unshift(...active.truncateTo(offset));
    this.sizeBytes += active.sizeBytes;
    this.logEndOffset = Math.max(offset, this.logStartOffset);
    active.endOffset = this.logEndOffset;
    if (active.cleanedUpTo > this.logEndOffset) active.cleanedUpTo = this.logEndOffset;
    if (this.cleanerCheckpoint > this.logEndOffset) this.cleanerCheckpoint = this.logEndOffset;
    for (const tombstone of [...this.tombstoneHorizons.keys()]) if (tombstone >= offset) this.tombstoneHorizons.delete(tombstone);
    if (this.replicatedHighWatermark !== null && this.replicatedHighWatermark > this.logEndOffset) this.replicatedHighWatermark = this.logEndOffset;
    return removed;
  }
}
