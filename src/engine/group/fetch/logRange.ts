/**
 * Reads of a partition's log that a fetch needs and the log does not offer: how far a fetch
 * reaches from an offset within a byte limit (`walkReadable`), and the records of a range it
 * fetched, read again when poll hands them out (`readRecords`). Both walk the segments by index
 * and read sizes and offsets without making record objects (segment.ts), so a fetch of
 * thousands of records costs no object per record until poll takes it.
 */
import type { LogRecord } from '../../log/record';
import type { PartitionLog } from '../../log/partitionLog';

/** Where a walk ended: the records it counted and one past the last one's offset. */
export interface WalkedRange {
  count: number;
  endOffset: number;
}

/**
 * Walks the records from `offset` below the high watermark and returns their bytes. Without
 * `into`, counts until the bytes reach `maxBytes` (the record that reaches it included, as
 * DelayedFetch.tryComplete accumulates). With `into`, counts the records that fit in
 * `maxBytes`, and the first one whatever its size when `minOneRecord`, and sets how many and
 * where they end. A loop, not a visitor callback: this runs for every partition of every fetch.
 * Only a segment the high watermark falls in is searched for its index.
 */
export function walkReadable(log: PartitionLog, offset: number, maxBytes: number, into: WalkedRange | null, minOneRecord: boolean): number {
  if (into !== null) {
    into.count = 0;
    into.endOffset = offset;
  }
  const hw = log.highWatermark;
  let si = log.segmentIndexFor(offset);
  if (si < 0) return 0;
  const segments = log.segments;
  let bytes = 0;
  for (let ri = segments[si]!.indexAtOrAfter(offset); si < segments.length; si++, ri = 0) {
    const segment = segments[si]!;
    // Offsets grow within a segment: the records below the high watermark are a prefix.
    const end = segment.endOffset <= hw ? segment.recordCount : segment.indexAtOrAfter(hw);
    if (into === null) {
      for (; ri < end; ri++) {
        bytes += segment.sizeAt(ri);
        if (bytes >= maxBytes) return bytes;
      }
    } else {
      const first = ri;
      for (; ri < end; ri++) {
        const size = segment.sizeAt(ri);
        if (bytes + size > maxBytes && !(minOneRecord && into.count + ri - first === 0)) break;
        bytes += size;
      }
      if (ri > first) {
        into.count += ri - first;
        into.endOffset = segment.offsetAt(ri - 1) + 1;
      }
      if (ri < end) return bytes;
    }
    if (end < segment.recordCount) return bytes;
  }
  return bytes;
}

/**
 * Appends to `out` the `count` records at or after `fromOffset` (compaction's gaps skipped) and
 * returns the offset of the last one. The caller knows they are there: a buffered fetch keeps
 * its own copy before anything removes records from the log (`ConsumerFetcher.keepRecords`).
 */
export function readRecords(log: PartitionLog, fromOffset: number, count: number, out: LogRecord[]): number {
  const segments = log.segments;
  let si = log.segmentIndexFor(fromOffset);
  let last = -1;
  let left = count;
  if (si >= 0) {
    for (let ri = segments[si]!.indexAtOrAfter(fromOffset); left > 0 && si < segments.length; si++, ri = 0) {
      const segment = segments[si]!;
      const end = Math.min(segment.recordCount, ri + left);
      if (ri >= end) continue;
      for (let i = ri; i < end; i++) out.push(segment.recordAt(i));
      left -= end - ri;
      last = segment.offsetAt(end - 1);
    }
  }
  if (left > 0) throw new Error(`${log.key}: ${left} fetched record(s) from offset ${fromOffset} are no longer in the log`);
  return last;
}
