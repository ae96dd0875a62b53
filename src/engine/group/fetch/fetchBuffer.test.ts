// A buffered fetch is a range of the log read when poll drains it, against the plain structure
// it replaced: the records copied out of the log when the response was read.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { put, testLog } from '../../log/testLog';
import type { PartitionLog } from '../../log/partitionLog';
import type { LogRecord } from '../../log/record';
import { readResponse, type FetchLimits, type FetchTopics } from './delayedFetch';
import { drain, FetchBuffer, keepRecords, type CompletedFetch } from './fetchBuffer';

type Op =
  | readonly ['append', number[]]
  | readonly ['fetch', number]
  | readonly ['drain', number]
  | readonly ['compact', number, number]
  | readonly ['truncate', number]
  | readonly ['retain', number];

const opArbitrary = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constant('append' as const), fc.array(fc.integer({ min: 40, max: 400 }), { minLength: 1, maxLength: 12 })) },
  { weight: 3, arbitrary: fc.tuple(fc.constant('fetch' as const), fc.integer({ min: 1, max: 1500 })) },
  { weight: 4, arbitrary: fc.tuple(fc.constant('drain' as const), fc.integer({ min: 1, max: 6 })) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('compact' as const), fc.nat(8), fc.nat(0xffff)) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('truncate' as const), fc.nat(6)) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('retain' as const), fc.integer({ min: 1, max: 2 })) },
);

/** What a response copied before (delayedFetch.ts's old walk): records from `offset` below the HW within `maxBytes`, the first one always. */
function copiedResponse(log: PartitionLog, offset: number, maxBytes: number): LogRecord[] {
  const out: LogRecord[] = [];
  let bytes = 0;
  for (const segment of log.segments) {
    for (const record of segment.allRecords()) {
      if (record.offset < offset || record.offset >= log.highWatermark) continue;
      if (bytes + record.sizeBytes > maxBytes && out.length > 0) return out;
      out.push(record);
      bytes += record.sizeBytes;
    }
  }
  return out;
}

/** Plays `ops` on one partition with one consumer: its buffered range and a copy made at fetch time hand out the same records. */
function checkAgainstCopies(ops: readonly Op[]): void {
  const log = testLog({ 'segment.bytes': 1000 });
  const topics: FetchTopics = new Map([['orders', { partitions: [log] }]]);
  const buffer = new FetchBuffer();
  let position = 0;
  let copy: LogRecord[] = [];
  const response: CompletedFetch[] = [];
  for (const op of ops) {
    if (op[0] === 'append') {
      for (const sizeBytes of op[1]) put(log, { sizeBytes });
    } else if (op[0] === 'fetch') {
      if (!buffer.isEmpty) continue;
      const limits: FetchLimits = { fetchMinBytes: 1, maxPartitionFetchBytes: op[1], fetchMaxBytes: 52_428_800 };
      readResponse(topics, { topics: ['orders'], partitions: [0], keys: ['orders-0'], offsets: [position] }, limits, buffer, response);
      const fetch = response.pop();
      if (fetch === undefined) continue;
      if (fetch.error !== null) {
        // OFFSET_OUT_OF_RANGE: the consumer resets to the log start (auto.offset.reset=earliest).
        position = log.logStartOffset;
        buffer.release(fetch);
        continue;
      }
      copy = copiedResponse(log, position, op[1]);
      expect(fetch.remaining).toBe(copy.length);
      expect(fetch.endOffset).toBe(copy[copy.length - 1]!.offset + 1);
      buffer.add(fetch);
    } else if (op[0] === 'drain') {
      const fetch = buffer.peek();
      if (fetch === undefined) continue;
      const count = Math.min(op[1], fetch.remaining);
      const out: LogRecord[] = [];
      drain(fetch, log, count, out);
      expect(out).toEqual(copy.splice(0, count));
      position = fetch.nextFetchOffset;
      if (fetch.remaining === 0) buffer.poll();
      expect(buffer.bufferedRecords).toBe(copy.length);
    } else {
      // Records leave the log only after the fetches buffered on it kept theirs (world.ts).
      buffer.keep(log);
      for (const fetch of response) keepRecords(fetch, log);
      if (op[0] === 'retain') log.deleteOldestSegments(Math.min(op[1], log.segments.length - 1));
      else if (op[0] === 'truncate') log.truncateTo(Math.max(log.logStartOffset, log.logEndOffset - op[1]));
      else {
        const sealed = log.segments.slice(0, -1);
        const segment = sealed[op[1] % Math.max(1, sealed.length)];
        if (segment === undefined) continue;
        // Compaction keeps some of a rolled segment's records, at the same offsets.
        const kept = segment.allRecords().filter((_, i) => ((op[2] >> i % 16) & 1) === 1);
        log.replaceRecords(segment, kept);
      }
      if (position > log.logEndOffset) position = log.logEndOffset;
    }
  }
}

describe('a buffered fetch read from the log', () => {
  it('hands out what a copy made at fetch time hands out, through compaction, truncation and retention', () => {
    fc.assert(fc.property(fc.array(opArbitrary, { maxLength: 120 }), (ops) => checkAgainstCopies(ops)), { numRuns: 400, seed: 20_207 });
  });

  it('fails loudly when records it did not keep have left the log', () => {
    const log = testLog({});
    for (let i = 0; i < 5; i++) put(log);
    const buffer = new FetchBuffer();
    const out: CompletedFetch[] = [];
    readResponse(new Map([['orders', { partitions: [log] }]]), { topics: ['orders'], partitions: [0], keys: ['orders-0'], offsets: [0] }, { fetchMinBytes: 1, maxPartitionFetchBytes: 1_048_576, fetchMaxBytes: 52_428_800 }, buffer, out);
    log.truncateTo(2);
    expect(() => drain(out[0]!, log, 5, [])).toThrow(/no longer in the log/);
  });
});
