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
 *
 * Retention's prune (`deleteBelow`) forgets every key whose latest sequence is below a bound.
 * The queue is in write order, not sequence order, so walking it would cost the whole table at
 * every retention check (at the limits 256 group×topic tables of up to 131,072 keys, half a
 * second in one event). So the table also files each write's queue position under its
 * sequence's bucket (`BUCKET_SEQS` sequences wide), as runs of consecutive positions: records
 * are first-processed roughly in sequence order, so a bucket is a few runs, not a number per
 * key. A prune takes the buckets wholly below the bound and sorts out only the one it falls
 * in, at a cost of what it deletes plus one bucket's positions.
 */
import type { KeySlots } from '../log/keySlots';

const ABSENT = -1;
/**
 * Sequences per prune bucket: a prune reads at most one bucket's keys it keeps. Sequences are
 * numbered across all topics, so a topic's table holds a share of each bucket (at the limits
 * 1/16: about a thousand keys a bucket, some seventy buckets a table).
 */
const BUCKET_SEQS = 16_384;

export class OrderKeyTable {
  /** Per slot, two numbers side by side: the latest sequence, then the stamp (ABSENT when not in the table). */
  private readonly entries: number[] = [];
  /** Slots in write order, oldest first from `head`; `queue[i]` was written at position `base + i`. */
  private queue: number[] = [];
  private head = 0;
  private base = 0;
  private live = 0;
  /**
   * Per bucket (sequence / bucketSeqs), the queue positions written with a sequence in it, as
   * runs `[from, to)` side by side; a position is stale once its entry is not live there.
   */
  private bucketRuns: number[][] = [];
  /** The buckets' numbers, ascending (`bucketRuns[i]` is bucket `bucketIds[i]`'s; no Map: most writes file in the last one). */
  private bucketIds: number[] = [];
  /** Runs filed in buckets (the index is rebuilt from the live entries when they outnumber them). */
  private runs = 0;

  /** `bucketSeqs`: the prune buckets' width (tests narrow it to cross many buckets). */
  constructor(private readonly bucketSeqs = BUCKET_SEQS) {}

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
    // One element a push: V8 inlines a single-argument push, not a two-argument one.
    while (entries.length <= 2 * slot) {
      entries.push(0);
      entries.push(ABSENT);
    }
    if (!present) this.live++;
    this.file(this.base + this.queue.length, Math.floor(seq / this.bucketSeqs));
    entries[2 * slot] = seq;
    entries[2 * slot + 1] = this.base + this.queue.length;
    this.queue.push(slot);
    if (this.queue.length - this.head - this.live > this.live + 1024) this.compact();
    if (this.runs > this.live + 1024) this.refile();
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

  /** Deletes every key whose latest sequence is below `bound` (their slots released); returns how many. */
  deleteBelow(bound: number, slots: KeySlots): number {
    const ids = this.bucketIds;
    const entries = this.entries;
    // Positions before the queue's head were dropped as oldest (or stale): nothing live there.
    const first = this.base + this.head;
    let deleted = 0;
    let spent = 0;
    for (; spent < ids.length && ids[spent]! * this.bucketSeqs < bound; spent++) {
      const bucket = ids[spent]!;
      const runs = this.bucketRuns[spent]!;
      // Wholly below the bound: every key still live at a position filed here goes.
      const whole = (bucket + 1) * this.bucketSeqs <= bound;
      let kept = false;
      for (let run = 0; run < runs.length; run += 2) {
        for (let position = Math.max(runs[run]!, first); position < runs[run + 1]!; position++) {
          const slot = this.queue[position - this.base]!;
          if (entries[2 * slot + 1] !== position) continue;
          if (whole || entries[2 * slot]! < bound) {
            this.remove(slot, slots);
            deleted++;
          } else kept = true;
        }
      }
      if (kept) break;
      this.runs -= runs.length / 2;
    }
    if (spent > 0) {
      this.bucketIds = ids.slice(spent);
      this.bucketRuns = this.bucketRuns.slice(spent);
    }
    return deleted;
  }

  /** Files queue `position`, written with a sequence in `bucket`. */
  private file(position: number, bucket: number): void {
    const ids = this.bucketIds;
    // Sequences mostly grow: the bucket is nearly always the last one, or a new last one.
    let at = ids.length - 1;
    if (at < 0 || ids[at]! < bucket) {
      at = ids.length;
      ids.push(bucket);
      this.bucketRuns.push([]);
    } else if (ids[at] !== bucket) {
      let low = 0;
      let high = ids.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (ids[mid]! < bucket) low = mid + 1;
        else high = mid;
      }
      at = low;
      if (ids[at] !== bucket) {
        ids.splice(at, 0, bucket);
        this.bucketRuns.splice(at, 0, []);
      }
    }
    const runs = this.bucketRuns[at]!;
    if (runs.length > 0 && runs[runs.length - 1] === position) runs[runs.length - 1] = position + 1;
    else {
      runs.push(position, position + 1);
      this.runs++;
    }
  }

  /** Files the live entries' positions again (after a compaction renumbers them, or when stale runs pile up). */
  private refile(): void {
    this.bucketRuns = [];
    this.bucketIds = [];
    this.runs = 0;
    const entries = this.entries;
    for (let index = this.head; index < this.queue.length; index++) {
      const slot = this.queue[index]!;
      if (entries[2 * slot + 1] === this.base + index) this.file(this.base + index, Math.floor(entries[2 * slot]! / this.bucketSeqs));
    }
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
    // Positions were renumbered.
    this.refile();
  }
}
