/**
 * The one event queue of a simulation: a binary min-heap ordered by (due time, insertion
 * sequence). Ties always break by insertion order, so every run pops events in the same order.
 *
 * `push` returns the entry's sequence number, a `TimerId`: the part that scheduled the event
 * keeps that number (never the entry), so the heap alone holds its entries and a copy of the
 * world is a plain tree. Cancelling is lazy: `cancel(id)` marks the number, and the entry stays
 * in the heap until it reaches the top, where it is dropped unseen.
 *
 * The heap is three parallel arrays (due times, sequence numbers, items), not an entry object
 * per event: the engine queues about one event per record delivered, and an entry object each
 * was a tenth of what it allocated. Plain arrays, so a copy of the world copies them as data.
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
  /** The heap, index for index: due time, sequence number and item of each entry. */
  private dues: SimTimeMs[] = [];
  private seqs: TimerId[] = [];
  private items: T[] = [];
  private nextSeq = 0;
  /** Sequence numbers of cancelled entries still in the heap (each leaves when its entry is dropped). */
  private readonly cancelled = new Set<TimerId>();

  get size(): number {
    return this.items.length;
  }

  /** Entries cancelled but not yet dropped (invariant: each is still in the heap). */
  get cancelledCount(): number {
    return this.cancelled.size;
  }

  push(dueMs: SimTimeMs, item: T): TimerId {
    const seq = this.nextSeq++;
    const { dues, seqs, items } = this;
    let i = items.length;
    dues.push(dueMs);
    seqs.push(seq);
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentDue = dues[parent]!;
      // Sequence numbers grow: a new entry goes before its parent only by an earlier due time.
      if (!(dueMs < parentDue)) break;
      this.move(parent, i);
      i = parent;
    }
    this.place(i, dueMs, seq, item);
    return seq;
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
    return this.items.length > 0 ? this.dues[0]! : Infinity;
  }

  /** The next live entry, removed; undefined when none is left. */
  pop(): QueueEntry<T> | undefined {
    this.dropCancelled();
    if (this.items.length === 0) return undefined;
    const entry: QueueEntry<T> = { dueMs: this.dues[0]!, seq: this.seqs[0]!, item: this.items[0]! };
    this.removeTop();
    return entry;
  }

  /** The next live entry's item, removed (its due time is what `peekDueMs` just returned); undefined when none is left. No entry object is made. */
  popItem(): T | undefined {
    this.dropCancelled();
    if (this.items.length === 0) return undefined;
    const item = this.items[0]!;
    this.removeTop();
    return item;
  }

  private dropCancelled(): void {
    const cancelled = this.cancelled;
    while (cancelled.size > 0 && this.items.length > 0 && cancelled.delete(this.seqs[0]!)) this.removeTop();
  }

  /** Removes the top entry (the heap is not empty). */
  private removeTop(): void {
    const { dues, seqs, items } = this;
    const lastDue = dues.pop()!;
    const lastSeq = seqs.pop()!;
    const lastItem = items.pop()!;
    const n = items.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && before(dues[right]!, seqs[right]!, dues[left]!, seqs[left]!) ? right : left;
      if (!before(dues[child]!, seqs[child]!, lastDue, lastSeq)) break;
      this.move(child, i);
      i = child;
    }
    this.place(i, lastDue, lastSeq, lastItem);
  }

  /** Moves the entry at index `from` of the heap to index `to`. */
  private move(from: number, to: number): void {
    this.dues[to] = this.dues[from]!;
    this.seqs[to] = this.seqs[from]!;
    this.items[to] = this.items[from]!;
  }

  /** Writes an entry at index `i` of the heap. */
  private place(i: number, dueMs: SimTimeMs, seq: TimerId, item: T): void {
    this.dues[i] = dueMs;
    this.seqs[i] = seq;
    this.items[i] = item;
  }
}

function before(aDue: SimTimeMs, aSeq: TimerId, bDue: SimTimeMs, bSeq: TimerId): boolean {
  return aDue < bDue || (aDue === bDue && aSeq < bSeq);
}
