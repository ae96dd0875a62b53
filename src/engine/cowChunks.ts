/**
 * Lists indexed by a number whose checkpoint copies share everything except what changed since
 * the previous copy, for the per-key order checker (log/keySlots.ts, service/orderKeyTable.ts):
 * its tables are written a few places at a time (the newest slots, the end of a queue), so like
 * the read models' tables (chunkedTable.ts) they live in chunks of `CHUNK` entries, a copy
 * shares every chunk, and the next write to a shared chunk copies that chunk alone.
 *
 * `CowNumbers` keeps numbers in typed arrays (half the bytes of a plain array in Node, none of
 * its pointers for the collector to trace). Typed arrays cannot be frozen, and `deepClone`
 * shares them as immutable, so each list marks the chunks it made itself (`owned`): a copy
 * clears the marks on both sides, and a write to an unmarked chunk copies it first. `CowList`
 * keeps other values (the slots' key strings) in plain arrays, frozen while shared, as
 * chunkedTable.ts does.
 *
 * Entries never written read as the list's `fill`. Chunks wholly below `dropBefore`'s index are
 * dropped (a queue's spent front, a window's old end); reading there gives `fill` again.
 */
import { thawedCopy } from './frozen';
export const CHUNK_BITS = 10;
export const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

type Numbers = Int32Array | Float64Array;

export class CowNumbers {
  /** `chunks[k]` holds indexes (first + k) × CHUNK … ; undefined: never written (or emptied). */
  private chunks: Array<Numbers | undefined> = [];
  /** Per chunk: whether this list made it (a shared one is copied before a write). */
  private owned: boolean[] = [];
  /** Chunk number of `chunks[0]`. */
  private first = 0;

  /** `float`: Float64 entries (any number), else Int32 (integers within ±2^31). */
  constructor(
    private readonly float: boolean,
    private readonly fill: number,
  ) {}

  get(index: number): number {
    const chunk = this.chunks[(index >> CHUNK_BITS) - this.first];
    return chunk === undefined ? this.fill : chunk[index & MASK]!;
  }

  /** Writes `value` at `index` (≥ 0; below a dropped front it is ignored). */
  set(index: number, value: number): void {
    const k = (index >> CHUNK_BITS) - this.first;
    if (k < 0) return;
    let chunk = this.chunks[k];
    if (chunk === undefined || !this.owned[k]) {
      while (this.chunks.length <= k) {
        this.chunks.push(undefined);
        this.owned.push(false);
      }
      chunk = this.chunks[k] = chunk === undefined ? this.made() : chunk.slice();
      this.owned[k] = true;
    }
    chunk[index & MASK] = value;
  }

  /** Drops the chunks wholly below `index`. */
  dropBefore(index: number): void {
    const k = (index >> CHUNK_BITS) - this.first;
    if (k <= 0) return;
    if (k >= this.chunks.length) {
      this.chunks = [];
      this.owned = [];
    } else {
      this.chunks = this.chunks.slice(k);
      this.owned = this.owned.slice(k);
    }
    this.first += k;
  }

  /** Forgets the chunk holding `index` (all its entries read as `fill` again). */
  dropChunk(index: number): void {
    const k = (index >> CHUNK_BITS) - this.first;
    if (k >= 0 && k < this.chunks.length) this.chunks[k] = undefined;
  }

  /** Index of the first entry of the first chunk held (written), or `end` if none below it. */
  firstHeld(end: number): number {
    for (let k = 0; k < this.chunks.length; k++) if (this.chunks[k] !== undefined) return Math.min(end, (this.first + k) * CHUNK);
    return end;
  }

  /** Bytes of the chunks (shared ones included), for tests and estimates. */
  get chunkBytes(): number {
    let bytes = 0;
    for (const chunk of this.chunks) bytes += chunk?.byteLength ?? 0;
    return bytes;
  }

  /** An independent copy (for `deepClone`): both share every chunk until they write to it. */
  copy(): CowNumbers {
    this.owned.fill(false);
    const out = new CowNumbers(this.float, this.fill);
    out.chunks = this.chunks.slice();
    out.owned = this.owned.slice();
    out.first = this.first;
    return out;
  }

  private made(): Numbers {
    const chunk = this.float ? new Float64Array(CHUNK) : new Int32Array(CHUNK);
    if (this.fill !== 0) chunk.fill(this.fill);
    return chunk;
  }
}

/** As CowNumbers, for values that are primitives or frozen (plain array chunks, frozen while shared). */
export class CowList<T> {
  private chunks: Array<T[] | undefined> = [];

  constructor(private readonly fill: T) {}

  get(index: number): T {
    const chunk = this.chunks[index >> CHUNK_BITS];
    return chunk === undefined ? this.fill : chunk[index & MASK]!;
  }

  set(index: number, value: T): void {
    const k = index >> CHUNK_BITS;
    let chunk = this.chunks[k];
    if (chunk === undefined) {
      while (this.chunks.length <= k) this.chunks.push(undefined);
      chunk = this.chunks[k] = new Array<T>(CHUNK).fill(this.fill);
    } else if (Object.isFrozen(chunk)) chunk = this.chunks[k] = thawedCopy(chunk);
    chunk[index & MASK] = value;
  }

  /** An independent copy (for `deepClone`): every chunk is frozen and shared. */
  copy(): CowList<T> {
    for (const chunk of this.chunks) if (chunk !== undefined && !Object.isFrozen(chunk)) Object.freeze(chunk);
    const out = new CowList(this.fill);
    out.chunks = this.chunks.slice();
    return out;
  }
}
