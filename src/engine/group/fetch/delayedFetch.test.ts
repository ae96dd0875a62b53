// The broker's side of a fetch: when it answers, and how much one response carries.
import { describe, expect, it } from 'vitest';
import { put, testLog } from '../../log/testLog';
import type { PartitionLog } from '../../log/partitionLog';
import { canAnswerNow, readResponse, type FetchLimits, type FetchRequestData, type FetchTopics } from './delayedFetch';
import { FetchBuffer, type CompletedFetch } from './fetchBuffer';
import { readRecords } from './logRange';
import type { LogRecord } from '../../log/record';

function logWith(sizes: number[], partition = 0): PartitionLog {
  const log = testLog({});
  (log as { partition: number }).partition = partition;
  for (const sizeBytes of sizes) put(log, { sizeBytes });
  return log;
}

const defaults: FetchLimits = { fetchMinBytes: 1, maxPartitionFetchBytes: 1_048_576, fetchMaxBytes: 52_428_800 };

/** The topics holding `logs` (all of topic `orders`, each at its partition index). */
function topicsOf(logs: PartitionLog[]): FetchTopics {
  const partitions: PartitionLog[] = [];
  for (const log of logs) partitions[log.partition] = log;
  return new Map([['orders', { partitions }]]);
}

/** A request for `logs` (a request names each partition by topic and index). */
function requestFor(logs: PartitionLog[], offsets: number[]): FetchRequestData {
  return { topics: logs.map((log) => log.topic), partitions: logs.map((log) => log.partition), keys: logs.map((_, i) => `orders-${i}`), offsets };
}

/** The response's completed fetches, each with the records of its range read from its log. */
function respond(logs: PartitionLog[], offsets: number[], limits: FetchLimits): (CompletedFetch & { records: LogRecord[] })[] {
  const out: CompletedFetch[] = [];
  readResponse(topicsOf(logs), requestFor(logs, offsets), limits, new FetchBuffer(), out);
  return out.map((fetch) => {
    const records: LogRecord[] = [];
    if (fetch.remaining > 0) readRecords(logs.find((log) => log.partition === fetch.partition)!, fetch.fetchOffset, fetch.remaining, records);
    return { ...fetch, records };
  });
}

describe('the broker answers a fetch', () => {
  it('at once when fetch.min.bytes are readable below the high watermark, else it parks it', () => {
    const log = logWith([100, 100, 100]);
    const topics = topicsOf([log]);
    const request = requestFor([log], [0]);
    expect(canAnswerNow(topics, request, { ...defaults, fetchMinBytes: 300 }, 500)).toBe(true);
    expect(canAnswerNow(topics, request, { ...defaults, fetchMinBytes: 301 }, 500)).toBe(false);
    // Each partition counts at most max.partition.fetch.bytes towards fetch.min.bytes (DelayedFetch).
    expect(canAnswerNow(topics, request, { ...defaults, fetchMinBytes: 300, maxPartitionFetchBytes: 200 }, 500)).toBe(false);
    // Nothing readable: parked, unless fetch.max.wait.ms is 0.
    expect(canAnswerNow(topics, { ...request, offsets: [3] }, defaults, 500)).toBe(false);
    expect(canAnswerNow(topics, { ...request, offsets: [3] }, defaults, 0)).toBe(true);
  });

  it('at once with OFFSET_OUT_OF_RANGE when the offset is outside the log', () => {
    const log = logWith([100, 100]);
    expect(canAnswerNow(topicsOf([log]), requestFor([log], [5]), { ...defaults, fetchMinBytes: 10_000 }, 500)).toBe(true);
    expect(respond([log], [5], defaults)[0]!.error).toBe('OFFSET_OUT_OF_RANGE');
  });
});

describe('a fetch response', () => {
  it('reads each partition up to max.partition.fetch.bytes', () => {
    const [fetch] = respond([logWith([100, 100, 100, 100])], [1], { ...defaults, maxPartitionFetchBytes: 250 });
    expect(fetch!.records.map((r) => r.offset)).toEqual([1, 2]);
  });

  it('reads all partitions together up to fetch.max.bytes, in request order', () => {
    const fetches = respond([logWith([100, 100, 100]), logWith([100, 100, 100], 1)], [0, 0], { ...defaults, fetchMaxBytes: 450 });
    expect(fetches.map((f) => f.records.length)).toEqual([3, 1]);
  });

  it('always returns the first record of the first partition with data, however large (KIP-74)', () => {
    const fetches = respond([logWith([]), logWith([5000, 100], 1), logWith([5000], 2)], [0, 0, 0], { ...defaults, maxPartitionFetchBytes: 1000, fetchMaxBytes: 1000 });
    expect(fetches.map((f) => [f.key, f.records.length])).toEqual([['orders-1', 1]]);
  });

  it('stops at the high watermark', () => {
    const log = logWith([100, 100, 100]);
    expect(respond([log], [0], defaults)[0]!.records).toHaveLength(log.highWatermark);
    expect(respond([log], [3], defaults)).toHaveLength(0);
  });
});
