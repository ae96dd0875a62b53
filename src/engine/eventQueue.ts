/**
 * The one event queue of a simulation: a binary min-heap ordered by (due time, insertion
 * sequence). Ties always break by insertion order, so every run pops events in the same order.
 *
 * `push` returns the entry's sequence number, a `TimerId`: the part that scheduled the event
 * keeps that number (never the entry), so the heap alone holds its entries and a copy of the
 * world is a plain tree. Cancelling is lazy: `cancel(id)` marks the number, and the entry stays
 * in the heap until it reaches the top, where it is dropped unseen.
 */
import type { SimTimeMs } from './types';

/** A scheduled event's sequence number, by which its scheduler may cancel it. */
export type TimerId = number;

export interface QueueEntry<T> {
  readonly dueMs: SimTimeMs;
  readonly seq: TimerId;
  readonly item: T;
}

export class EventQueue<T> {
  private heap: QueueEntry<T>[] = [];
  private nextSeq = 0;
  /** Sequence numbers of cancelled entries still in the heap (each leaves when its entry is dropped). */
  private readonly cancelled = new Set<TimerId>();

  get size(): number {
    return this.heap.length;
  }

  /** Entries cancelled but not yet dropped (invariant: each is still in the heap). */
  get cancelledCount(): number {
    return this.cancelled.size;
  }

  push(dueMs: SimTimeMs, item: T): TimerId {
    const entry: QueueEntry<T> = { dueMs, seq: this.nextSeq++, item };
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(entry, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = entry;
    return entry.seq;
  }

  /**
   * Cancels a pending entry. Only for an entry still in the heap: a scheduler forgets its
   * timer's id when the event is dispatched, so it never cancels one already popped.
   */
  cancel(id: TimerId): void {
    this.cancelled.add(id);
  }

  /** Due time of the next live entry, or Infinity when none is left. */
  peekDueMs(): SimTimeMs {
    this.dropCancelled();
    return this.heap.length > 0 ? this.heap[0]!.dueMs : Infinity;
  }

  pop(): QueueEntry<T> | undefined {
    this.dropCancelled();
    return this.popRaw();
  }

  private dropCancelled(): void {
    const cancelled = this.cancelled;
    while (cancelled.size > 0 && this.heap.length > 0 && cancelled.delete(this.heap[0]!.seq)) this.popRaw();
  }

  private popRaw(): QueueEntry<T> | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (top === undefined) return undefined;
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      const n = heap.length;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        const child = right < n && before(heap[right]!, heap[left]!) ? right : left;
        if (!before(heap[child]!, last)) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}

function before<T>(a: QueueEntry<T>, b: QueueEntry<T>): boolean {
  return a.dueMs < b.dueMs || (a.dueMs === b.dueMs && a.seq < b.seq);
}
