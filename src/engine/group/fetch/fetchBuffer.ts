/**
 * A consumer's fetch buffer (Kafka's FetchBuffer of CompletedFetch): the partitions' data that
 * fetch responses brought back and poll has not handed out yet, in the order it arrived. Each
 * completed fetch is one partition's part of a response: its records from `fetchOffset` on, or
 * an error (OFFSET_OUT_OF_RANGE). `nextFetchOffset` moves as poll drains it; poll takes data
 * only while it equals the consumer's position, so data made stale by a seek, a reset or a new
 * assignment is dropped, as Kafka's FetchCollector drops it.
 *
 * A completed fetch holds no records, only their range in the log: `remaining` records from
 * `nextFetchOffset` on (compaction's gaps skipped), below `endOffset`. Poll reads them from the
 * log when it hands them out (logRange.ts), so a consumer keeps no copy of what it fetched (at
 * the limits, hundreds of consumers each buffering up to fetch.max.bytes of records). What a
 * consumer fetched is still its own: before retention, compaction or truncation removes records
 * from a log, the fetches buffered on it copy theirs (`keep`), so removing them from the log does
 * not take them back (Kafka's consumer also processes what it already fetched). Drained completed
 * fetches go to a free list and are reused, so a busy consumer allocates nothing per fetch.
 */
import type { LogRecord } from '../../log/record';
import type { PartitionLog } from '../../log/partitionLog';
import { clearArray } from '../../clearArray';
import { readRecords } from './logRange';

export interface CompletedFetch {
  /** The partition, by topic name and index (the log is found through the context when needed). */
  topic: string;
  partition: number;
  /** The partition's `topic-partition` key. */
  key: string;
  /** The position the fetch asked from; `nextFetchOffset` is where the undrained part begins. */
  fetchOffset: number;
  nextFetchOffset: number;
  /** One past the offset of the last record fetched. */
  endOffset: number;
  /** Records fetched and not handed out yet (from `nextFetchOffset` on). */
  remaining: number;
  error: 'OFFSET_OUT_OF_RANGE' | null;
  /** The records not handed out yet, copied out of the log before it lost some (`keep`); null while they are read from the log. */
  kept: LogRecord[] | null;
  /** Index in `kept` of the next record poll hands out. */
  next: number;
}

export class FetchBuffer {
  private readonly completed: CompletedFetch[] = [];
  private head = 0;
  private readonly free: CompletedFetch[] = [];

  get isEmpty(): boolean {
    return this.head === this.completed.length;
  }

  /** Buffered records not handed out yet (all partitions). */
  get bufferedRecords(): number {
    let count = 0;
    for (let i = this.head; i < this.completed.length; i++) count += this.completed[i]!.remaining;
    return count;
  }

  /** A fresh (or reused) completed fetch, not yet in the buffer. */
  take(topic: string, partition: number, key: string, fetchOffset: number): CompletedFetch {
    const reused = this.free.pop();
    if (reused === undefined) return { topic, partition, key, fetchOffset, nextFetchOffset: fetchOffset, endOffset: fetchOffset, remaining: 0, error: null, kept: null, next: 0 };
    reused.topic = topic;
    reused.partition = partition;
    reused.key = key;
    reused.fetchOffset = fetchOffset;
    reused.nextFetchOffset = fetchOffset;
    reused.endOffset = fetchOffset;
    reused.remaining = 0;
    reused.error = null;
    reused.kept = null;
    reused.next = 0;
    return reused;
  }

  /** Gives back a completed fetch that was taken but not added (an empty partition of a response). */
  release(fetch: CompletedFetch): void {
    fetch.kept = null;
    this.free.push(fetch);
  }

  add(fetch: CompletedFetch): void {
    this.completed.push(fetch);
  }

  peek(): CompletedFetch | undefined {
    return this.completed[this.head];
  }

  /** Drops the completed fetch at the head (drained or stale). */
  poll(): void {
    const fetch = this.completed[this.head];
    if (fetch === undefined) return;
    this.completed[this.head] = undefined as unknown as CompletedFetch;
    this.head++;
    this.release(fetch);
    if (this.head === this.completed.length) {
      clearArray(this.completed);
      this.head = 0;
    }
  }

  /** Kafka's fetchablePartitions excludes a partition that still has buffered data. */
  has(key: string): boolean {
    for (let i = this.head; i < this.completed.length; i++) if (this.completed[i]!.key === key) return true;
    return false;
  }

  /** Records about to leave `log`: the fetches buffered on it copy theirs. */
  keep(log: PartitionLog): void {
    for (let i = this.head; i < this.completed.length; i++) keepRecords(this.completed[i]!, log);
  }

  /** Each buffered completed fetch, oldest first. */
  forEach(visit: (fetch: CompletedFetch) => void): void {
    for (let i = this.head; i < this.completed.length; i++) visit(this.completed[i]!);
  }

  /** The consumer crashed or stopped: everything buffered is gone. */
  clear(): void {
    while (!this.isEmpty) this.poll();
  }
}

/** Whether a completed fetch still has records to hand out that it reads from its log. */
export function readsLog(fetch: CompletedFetch): boolean {
  return fetch.kept === null && fetch.remaining > 0;
}

/** Copies a completed fetch's records not handed out yet out of its log, if it is on `log`. */
export function keepRecords(fetch: CompletedFetch, log: PartitionLog): void {
  if (!readsLog(fetch) || fetch.topic !== log.topic || fetch.partition !== log.partition) return;
  const kept: LogRecord[] = [];
  readRecords(log, fetch.nextFetchOffset, fetch.remaining, kept);
  fetch.kept = kept;
  fetch.next = 0;
}

/**
 * Hands out up to `count` of a completed fetch's records into `out` (from the log, or from its
 * own copy) and moves `nextFetchOffset` past them.
 */
export function drain(fetch: CompletedFetch, log: PartitionLog, count: number, out: LogRecord[]): void {
  const kept = fetch.kept;
  let last: number;
  if (kept === null) last = readRecords(log, fetch.nextFetchOffset, count, out);
  else {
    const end = fetch.next + count;
    for (let i = fetch.next; i < end; i++) out.push(kept[i]!);
    fetch.next = end;
    last = kept[end - 1]!.offset;
  }
  fetch.remaining -= count;
  fetch.nextFetchOffset = last + 1;
}
