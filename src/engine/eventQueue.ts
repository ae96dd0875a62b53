/**
 * The one event queue of a simulation: a binary min-heap ordered by (due time, insertion
 * sequence). Ties always break by insertion order, so every run pops events in the same order.
 * Cancelling is lazy: a cancelled entry stays in the heap and is skipped when popped.
 */
import type { SimTimeMs } from './types';

export interface QueueEntry<T> {
  readonly dueMs: SimTimeMs;
  readonly seq: number;
  readonly item: T;
  cancelled: boolean;
}

export class EventQueue<T> {
  private heap: QueueEntry<T>[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(dueMs: SimTimeMs, item: T): QueueEntry<T> {
    const entry: QueueEntry<T> = { dueMs, seq: this.nextSeq++, item, cancelled: false };
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
    return entry;
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
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.popRaw();
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
