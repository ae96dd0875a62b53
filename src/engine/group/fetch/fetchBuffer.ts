/**
 * A consumer's fetch buffer (Kafka's FetchBuffer of CompletedFetch): the partitions' data that
 * fetch responses brought back and poll has not handed out yet, in the order it arrived. Each
 * completed fetch is one partition's part of a response: its records from `fetchOffset` on, or
 * an error (OFFSET_OUT_OF_RANGE). `nextFetchOffset` moves as poll drains it; poll takes data
 * only while it equals the consumer's position, so data made stale by a seek, a reset or a new
 * assignment is dropped, as Kafka's FetchCollector drops it.
 *
 * The records are the log's own frozen records: once buffered they no longer depend on the log
 * (a completed fetch names its partition by topic and index and holds no log), so retention,
 * compaction or truncation removing them from the log does not take them back (Kafka's
 * consumer also processes what it already fetched). Drained completed fetches go to a free list and are reused, records
 * array included, so a busy consumer allocates nothing per fetch.
 */
import type { LogRecord } from '../../log/record';
import { clearArray } from '../../clearArray';

export interface CompletedFetch {
  /** The partition, by topic name and index (the log is found through the context when needed). */
  topic: string;
  partition: number;
  /** The partition's `topic-partition` key. */
  key: string;
  /** The position the fetch asked from; `nextFetchOffset` is where the undrained part begins. */
  fetchOffset: number;
  nextFetchOffset: number;
  error: 'OFFSET_OUT_OF_RANGE' | null;
  readonly records: LogRecord[];
  /** Index in `records` of the next record poll hands out. */
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
    for (let i = this.head; i < this.completed.length; i++) count += this.completed[i]!.records.length - this.completed[i]!.next;
    return count;
  }

  /** A fresh (or reused) completed fetch, not yet in the buffer. */
  take(topic: string, partition: number, key: string, fetchOffset: number): CompletedFetch {
    const reused = this.free.pop();
    if (reused === undefined) return { topic, partition, key, fetchOffset, nextFetchOffset: fetchOffset, error: null, records: [], next: 0 };
    reused.topic = topic;
    reused.partition = partition;
    reused.key = key;
    reused.fetchOffset = fetchOffset;
    reused.nextFetchOffset = fetchOffset;
    reused.error = null;
    reused.next = 0;
    return reused;
  }

  /** Gives back a completed fetch that was taken but not added (an empty partition of a response). */
  release(fetch: CompletedFetch): void {
    clearArray(fetch.records);
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

  /** The consumer crashed or stopped: everything buffered is gone. */
  clear(): void {
    while (!this.isEmpty) this.poll();
  }
}
