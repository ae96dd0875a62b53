/**
 * The broker's side of a consumer's fetch (Kafka's ReplicaManager.fetchMessages and
 * DelayedFetch): what a fetch request asks for, whether the leader can answer it now, and the
 * response it reads. The leader answers at once when fetch.max.wait.ms is 0, when a partition
 * has an error (OFFSET_OUT_OF_RANGE), or when at least fetch.min.bytes are readable below the
 * high watermark (each partition counting at most max.partition.fetch.bytes, as
 * DelayedFetch.tryComplete accumulates); otherwise the request is parked until enough arrives
 * or fetch.max.wait.ms passes (`ConsumerFetcher` keeps that state).
 *
 * A response reads the partitions in request order, each up to max.partition.fetch.bytes and
 * all together up to fetch.max.bytes; the first record of the first partition with data is
 * returned even when it is larger than either limit, so the consumer always makes progress
 * (KIP-74, ReplicaManager.readFromLog's minOneMessage). Sizes are the records' `sizeBytes`
 * (estimateRecordSize: the v2 record's header, key and value); LogScope has no producer
 * batches yet, so each record counts as a batch of its own.
 */
import type { PartitionLog } from '../../log/partitionLog';
import type { CompletedFetch, FetchBuffer } from './fetchBuffer';
import { walkReadable, type WalkedRange } from './logRange';

/**
 * One fetch request: partitions (topic name and partition index, resolved through the topics
 * when read, so the request holds no log) and the offset asked of each, index for index
 * (arrays reused).
 */
export interface FetchRequestData {
  readonly topics: string[];
  readonly partitions: number[];
  readonly keys: string[];
  readonly offsets: number[];
}

/** The topics a request's partitions are found in (the context's `topics`). */
export type FetchTopics = ReadonlyMap<string, { readonly partitions: readonly PartitionLog[] }>;

/** The log of the request's `i`-th partition (topics and partitions are never removed). */
export function requestLog(topics: FetchTopics, request: FetchRequestData, i: number): PartitionLog {
  return topics.get(request.topics[i]!)!.partitions[request.partitions[i]!]!;
}

export interface FetchLimits {
  fetchMinBytes: number;
  maxPartitionFetchBytes: number;
  fetchMaxBytes: number;
}

/** OFFSET_OUT_OF_RANGE: below the log start offset or above the high watermark. */
function outOfRange(log: PartitionLog, offset: number): boolean {
  return offset < log.logStartOffset || offset > log.highWatermark;
}

/** True when the leader answers now rather than parking the request (ReplicaManager.fetchMessages). */
export function canAnswerNow(topics: FetchTopics, request: FetchRequestData, limits: FetchLimits, maxWaitMs: number): boolean {
  if (maxWaitMs <= 0) return true;
  let accumulated = 0;
  for (let i = 0; i < request.keys.length; i++) {
    const log = requestLog(topics, request, i);
    const offset = request.offsets[i]!;
    if (outOfRange(log, offset)) return true;
    accumulated += bytesBelowHighWatermark(log, offset, Math.min(limits.maxPartitionFetchBytes, limits.fetchMinBytes - accumulated));
    if (accumulated >= limits.fetchMinBytes) return true;
  }
  return false;
}

/** Bytes of the records from `offset` up to the high watermark, counting no further than `enough`. */
function bytesBelowHighWatermark(log: PartitionLog, offset: number, enough: number): number {
  if (offset >= log.highWatermark || enough <= 0) return 0;
  return walkReadable(log, offset, enough, null, false);
}

/** Where the last partition's read ended (one walk at a time: the engine is single-threaded). */
const walked: WalkedRange = { count: 0, endOffset: 0 };

/**
 * Reads the response: one completed fetch per partition that has data or an error, in request
 * order, appended to `out` (taken from `buffer`'s free list). A completed fetch is the range of
 * records read (fetchBuffer.ts), not a copy of them.
 */
export function readResponse(topics: FetchTopics, request: FetchRequestData, limits: FetchLimits, buffer: FetchBuffer, out: CompletedFetch[]): void {
  let remainingBytes = limits.fetchMaxBytes;
  let minOneRecord = true;
  for (let i = 0; i < request.keys.length; i++) {
    const log = requestLog(topics, request, i);
    const offset = request.offsets[i]!;
    const fetch = buffer.take(request.topics[i]!, request.partitions[i]!, request.keys[i]!, offset);
    if (outOfRange(log, offset)) {
      fetch.error = 'OFFSET_OUT_OF_RANGE';
      out.push(fetch);
      continue;
    }
    const bytes = walkReadable(log, offset, Math.min(limits.maxPartitionFetchBytes, remainingBytes), walked, minOneRecord);
    if (walked.count === 0) {
      buffer.release(fetch);
      continue;
    }
    fetch.remaining = walked.count;
    fetch.endOffset = walked.endOffset;
    minOneRecord = false;
    remainingBytes = Math.max(0, remainingBytes - bytes);
    out.push(fetch);
  }
}
