/**
 * One group's order-checker table for one topic: per key (by its topic slot, log/keySlots.ts),
 * the latest production sequence first-processed, bounded by dropping the key written longest
 * ago. It answers exactly as a RecencyTable (recencyTable.ts) keyed by the key's string would,
 * but keeps plain arrays indexed by slot instead of string-keyed Maps: the string lookup is
 * done once per record in the topic's shared KeySlots, and the rest is array reads and writes.
 * (Plain arrays rather than typed arrays: a fork's deep copy shares typed arrays, deepClone.ts.)
 *
 * Write order is a queue of slots. A key's live entry is the one whose position (`base` + its
 * index) equals the key's stamp; rewriting or deleting the key leaves earlier entries stale,
 * and dropping the oldest skips them. The queue is compacted when stale entries outnumber live
 * ones, and its spent front is dropped once it is most of the queue.
 */
import type { KeySlots } from '../log/keySlots';

const ABSENT = -1;

export class OrderKeyTable {
  /** Per slot, two numbers side by side: the latest sequence, then the stamp (ABSENT when not in the table). */
  private readonly entries: number[] = [];
  /** Slots in write order, oldest first from `head`; `queue[i]` was written at position `base + i`. */
  private queue: number[] = [];
  private head = 0;
  private base = 0;
  private live = 0;

  get size(): number {
    return this.live;
  }

  /** Whether the key in `slot` is in the table (`slot` −1: a key no table holds). */
  has(slot: number): boolean {
    const at = 2 * slot + 1;
    return slot >= 0 && at < this.entries.length && this.entries[at]! !== ABSENT;
  }

  /** The latest sequence of the key in `slot`; only meaningful when `has(slot)`. */
  latest(slot: number): number {
    return this.entries[2 * slot]!;
  }

  /**
   * Writes `seq` for the key in `slot`, which becomes the newest. `present`: `has(slot)` as the
   * caller just read it; a key not present must already be held in `slots` by this table.
   */
  write(slot: number, seq: number, present: boolean): void {
    const entries = this.entries;
    while (entries.length <= 2 * slot) entries.push(0, ABSENT);
    if (!present) this.live++;
    entries[2 * slot] = seq;
    entries[2 * slot + 1] = this.base + this.queue.length;
    this.queue.push(slot);
    if (this.queue.length - this.head - this.live > this.live + 1024) this.compact();
  }

  /** Drops the key written longest ago (nothing when empty) and releases its slot. */
  deleteOldest(slots: KeySlots): void {
    const queue = this.queue;
    const entries = this.entries;
    while (this.head < queue.length) {
      const slot = queue[this.head]!;
      const position = this.base + this.head++;
      if (entries[2 * slot + 1] === position) {
        this.remove(slot, slots);
        break;
      }
    }
    if (this.head > 1024 && this.head * 2 > queue.length) {
      this.queue = queue.slice(this.head);
      this.base += this.head;
      this.head = 0;
    }
  }

  /** Deletes every key whose sequence `matches` (their slots released); returns how many. */
  deleteWhere(matches: (seq: number) => boolean, slots: KeySlots): number {
    let deleted = 0;
    const kept: number[] = [];
    const entries = this.entries;
    for (let index = this.head; index < this.queue.length; index++) {
      const slot = this.queue[index]!;
      if (entries[2 * slot + 1] !== this.base + index) continue;
      if (matches(entries[2 * slot]!)) {
        this.remove(slot, slots);
        deleted++;
      } else {
        entries[2 * slot + 1] = kept.length;
        kept.push(slot);
      }
    }
    this.queue = kept;
    this.head = 0;
    this.base = 0;
    return deleted;
  }

  private remove(slot: number, slots: KeySlots): void {
    this.entries[2 * slot + 1] = ABSENT;
    this.live--;
    slots.release(slot);
  }

  /** Keeps only the live entries, in write order. */
  private compact(): void {
    const kept: number[] = [];
    const entries = this.entries;
    for (let index = this.head; index < this.queue.length; index++) {
      const slot = this.queue[index]!;
      if (entries[2 * slot + 1] !== this.base + index) continue;
      entries[2 * slot + 1] = kept.length;
      kept.push(slot);
    }
    this.queue = kept;
    this.head = 0;
    this.base = 0;
  }
}
