/**
 * One group's order-checker table for one topic: per key (by its topic slot, log/keySlots.ts),
 * the latest production sequence first-processed, bounded by dropping the key written longest
 * ago. It answers exactly as a RecencyTable (recencyTable.ts) keyed by the key's string would,
 * but keeps arrays indexed by slot instead of string-keyed Maps: the string lookup is done once
 * per record in the topic's shared KeySlots, and the rest is array reads and writes. The arrays
 * are chunked typed arrays that checkpoint copies share (cowChunks.ts): between two copies the
 * run writes the chunks of the slots it gives or reuses and the queue's end, so a copy costs a
 * few chunks and its directories, not the table (`copy`, called by deepClone.ts).
 *
 * Write order is a queue of slots, indexed by position. A key's live entry is the one whose
 * position equals the key's stamp; rewriting or deleting the key leaves earlier entries stale,
 * and dropping the oldest skips them. The queue is compacted when stale entries outnumber live
 * ones (or positions near the Int32 limit); its spent front (keys dropped as oldest or pruned)
 * is stepped past and its chunks dropped.
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
import { CowNumbers } from '../cowChunks';
import type { KeySlots } from '../log/keySlots';

const ABSENT = -1;
/**
 * Sequences per prune bucket: a prune reads at most one bucket's keys it keeps. Sequences are
 * numbered across all topics, so a topic's table holds a share of each bucket (at the limits
 * 1/16: about a thousand keys a bucket, some seventy buckets a table).
 */
const BUCKET_SEQS = 16_384;
/** Queue positions stay below this (Int32 stamps): past it the queue is compacted. */
const MAX_POSITION = 2 ** 31 - 2;

export class OrderKeyTable {
  /** Per slot: the latest sequence. */
  private seqs = new CowNumbers(true, 0);
  /** Per slot: its queue position (ABSENT when not in the table). */
  private stamps = new CowNumbers(false, ABSENT);
  /** Slots in write order by position, oldest live one at or after `head`, the next at `end`. */
  private queue = new CowNumbers(false, ABSENT);
  private head = 0;
  private end = 0;
  private live = 0;
  /**
   * Per bucket (sequence / bucketSeqs), the queue positions written with a sequence in it, as
   * runs `[from, to)` side by side; a position is stale once its entry is not live there.
   * Frozen while a copy shares them (copied before the next write).
   */
  private bucketRuns: number[][] = [];
  /** The buckets' numbers, ascending (`bucketRuns[i]` is bucket `bucketIds[i]`'s; no Map: most writes file in the last one). */
  private bucketIds: number[] = [];
  /** Runs filed in buckets (the index is rebuilt from the live entries when they outnumber them). */
  private runs = 0;
  /**
   * A bucket whose runs are known not to be frozen (−1: none), so that the writes filing in it,
   * nearly all of them, skip asking `Object.isFrozen`; `copy` freezes every bucket's runs and
   * forgets it on both sides.
   */
  private writableBucket = -1;

  /** `bucketSeqs`: the prune buckets' width (tests narrow it to cross many buckets). */
  constructor(private readonly bucketSeqs = BUCKET_SEQS) {}

  get size(): number {
    return this.live;
  }

  /** Whether the key in `slot` is in the table (`slot` −1: a key no table holds). */
  has(slot: number): boolean {
    return slot >= 0 && this.stamps.get(slot) !== ABSENT;
  }

  /** The latest sequence of the key in `slot`; only meaningful when `has(slot)`. */
  latest(slot: number): number {
    return this.seqs.get(slot);
  }

  /**
   * Writes `seq` for the key in `slot`, which becomes the newest. `present`: `has(slot)` as the
   * caller just read it; a key not present must already be held in `slots` by this table.
   */
  write(slot: number, seq: number, present: boolean): void {
    if (this.end >= MAX_POSITION) this.compact();
    if (!present) this.live++;
    const position = this.end++;
    this.file(position, Math.floor(seq / this.bucketSeqs));
    this.seqs.set(slot, seq);
    this.stamps.set(slot, position);
    this.queue.set(position, slot);
    if (this.end - this.head - this.live > this.live + 1024) this.compact();
    if (this.runs > this.live + 1024) this.refile();
  }

  /** Drops the key written longest ago (nothing when empty) and releases its slot. */
  deleteOldest(slots: KeySlots): void {
    while (this.head < this.end) {
      const position = this.head++;
      const slot = this.queue.get(position);
      if (this.stamps.get(slot) === position) {
        this.remove(slot, slots);
        break;
      }
    }
    this.queue.dropBefore(this.head);
  }

  /** An independent copy (for `deepClone`): chunks and bucket runs are shared until written. */
  copy(): OrderKeyTable {
    for (const runs of this.bucketRuns) if (!Object.isFrozen(runs)) Object.freeze(runs);
    const out = Object.create(OrderKeyTable.prototype as object) as OrderKeyTable;
    (out as unknown as { bucketSeqs: number }).bucketSeqs = this.bucketSeqs;
    out.seqs = this.seqs.copy();
    out.stamps = this.stamps.copy();
    out.queue = this.queue.copy();
    out.head = this.head;
    out.end = this.end;
    out.live = this.live;
    out.bucketRuns = this.bucketRuns.slice();
    out.bucketIds = this.bucketIds.slice();
    out.runs = this.runs;
    out.writableBucket = this.writableBucket = -1;
    return out;
  }

  /** Deletes every key whose latest sequence is below `bound` (their slots released); returns how many. */
  deleteBelow(bound: number, slots: KeySlots): number {
    const ids = this.bucketIds;
    const { seqs, stamps, queue } = this;
    // Positions before the queue's head were dropped as oldest (or stale): nothing live there.
    const first = this.head;
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
          const slot = queue.get(position);
          if (stamps.get(slot) !== position) continue;
          if (whole || seqs.get(slot) < bound) {
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
    // The keys deleted are mostly the oldest: step the head past them, as deleteOldest would,
    // so the queue's spent front is dropped instead of compacted (which rewrites every stamp).
    while (this.head < this.end && stamps.get(queue.get(this.head)) !== this.head) this.head++;
    queue.dropBefore(this.head);
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
    let runs = this.bucketRuns[at]!;
    if (bucket !== this.writableBucket) {
      if (Object.isFrozen(runs)) runs = this.bucketRuns[at] = runs.slice();
      this.writableBucket = bucket;
    }
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
    const { seqs, stamps, queue } = this;
    for (let position = this.head; position < this.end; position++) {
      const slot = queue.get(position);
      if (stamps.get(slot) === position) this.file(position, Math.floor(seqs.get(slot) / this.bucketSeqs));
    }
  }

  private remove(slot: number, slots: KeySlots): void {
    this.stamps.set(slot, ABSENT);
    this.live--;
    slots.release(slot);
  }

  /** Keeps only the live entries, in write order, at positions from 0. */
  private compact(): void {
    const kept = new CowNumbers(false, ABSENT);
    const { stamps, queue } = this;
    let count = 0;
    for (let position = this.head; position < this.end; position++) {
      const slot = queue.get(position);
      if (stamps.get(slot) !== position) continue;
      stamps.set(slot, count);
      kept.set(count++, slot);
    }
    this.queue = kept;
    this.head = 0;
    this.end = count;
    // Positions were renumbered.
    this.refile();
  }
}
