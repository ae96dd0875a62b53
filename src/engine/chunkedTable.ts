/**
 * A string-keyed table whose checkpoint copies share everything except what changed since the
 * previous copy: the read models' per-order tables (service/orderHandlers.ts).
 *
 * Their keys are order ids, nearly always `order-<n>` with `n` counting up (producer/
 * payloads.ts), written shortly after the order is produced. So values of keys `<prefix><n>`
 * (the prefix fixed by the first such key) live in chunks of `CHUNK` slots indexed by `n`, and
 * the insertion order in an append-only log of chunks. A copy (`copy`, called by `deepClone`)
 * freezes the chunks both tables then share and copies only the chunk directories; the next
 * write to a frozen chunk copies that chunk. Between two copies the run writes the newest few
 * chunks, so a checkpoint holds its directories and a few chunks of its own, and no write
 * rewrites the table (a CowMap merges its recent writes into a new base that copies do not
 * share). Keys of any other form (and numbers far outside the chunks) are kept aside in a
 * CowMap.
 *
 * Iteration is in insertion order, exactly as a Map's: a key keeps the place where it was first
 * set; a deleted key leaves, and if set again follows the others (chunkedTable.test.ts checks
 * this against a Map). Values must not be `undefined`; they must be primitives or frozen objects,
 * since copies share them.
 */
import { thawedCopy } from './frozen';
import { CowMap } from './cowMap';

const CHUNK_BITS = 10;
/** Slots per chunk: a copy every 20 s at 100 orders/s touches two or three chunks of a table. */
const CHUNK = 1 << CHUNK_BITS;
const SLOT_MASK = CHUNK - 1;
/** Longest counter kept in chunks (below 2^30, so a small integer in V8). */
const MAX_DIGITS = 9;
/** Empty chunks a new key may open past the directory's end; farther keys are kept aside. */
const MAX_GAP_CHUNKS = 64;
/** A deleted entry's place in the log. */
const HOLE = -1;

/** A log slot: `n` for the key `<prefix><n>`, the key itself for one kept aside, or HOLE. */
type LogSlot = number | string;

/** A key kept aside: its value and its place in the log (frozen: copies share it). */
interface Aside<V> {
  readonly value: V;
  readonly ordinal: number;
}

type Chunk<T> = Array<T | undefined>;

export class ChunkedTable<V> implements Iterable<[string, V]> {
  /** The prefix of the keys kept in chunks (null until the first key of the form `<prefix><n>`). */
  private prefix: string | null = null;
  /** The chunk index (n >> CHUNK_BITS) of `chunks[0]`. */
  private firstChunk = 0;
  /** `chunks[k][i]`: the value of the key whose n is (firstChunk + k) × CHUNK + i. */
  private chunks: Array<Chunk<V> | undefined> = [];
  /** Each chunked key's place in the log, laid out as `chunks`; built at the first delete. */
  private ordinals: Array<Chunk<number> | undefined> | null = null;
  /** Keys in insertion order: the slot of ordinal o is `log[o >> CHUNK_BITS][o & SLOT_MASK]`. */
  private log: LogSlot[][] = [];
  private logLength = 0;
  /** Deleted entries' slots in the log. */
  private holes = 0;
  private aside = new CowMap<string, Aside<V>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(key: string): V | undefined {
    const n = this.counterOf(key);
    if (n >= 0) {
      const value = this.chunks[(n >> CHUNK_BITS) - this.firstChunk]?.[n & SLOT_MASK];
      if (value !== undefined || this.aside.size === 0) return value;
    }
    return this.aside.get(key)?.value;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  set(key: string, value: V): this {
    let n = this.counterOf(key);
    if (n < 0 && this.prefix === null) n = this.adoptPrefix(key);
    if (n >= 0) {
      const k = (n >> CHUNK_BITS) - this.firstChunk;
      const i = n & SLOT_MASK;
      if (this.chunks[k]?.[i] !== undefined) {
        writable(this.chunks, k)[i] = value;
        return this;
      }
      if (k >= 0 && k < this.chunks.length + MAX_GAP_CHUNKS && (this.aside.size === 0 || !this.aside.has(key))) {
        while (this.chunks.length <= k) this.chunks.push(undefined);
        writable(this.chunks, k)[i] = value;
        const ordinal = this.append(n);
        if (this.ordinals !== null) {
          while (this.ordinals.length <= k) this.ordinals.push(undefined);
          writable(this.ordinals, k)[i] = ordinal;
        }
        this.count++;
        return this;
      }
    }
    const kept = this.aside.get(key);
    if (kept !== undefined) {
      this.aside.set(key, Object.freeze({ value, ordinal: kept.ordinal }));
    } else {
      this.aside.set(key, Object.freeze({ value, ordinal: this.append(key) }));
      this.count++;
    }
    return this;
  }

  delete(key: string): boolean {
    const n = this.counterOf(key);
    if (n >= 0) {
      const k = (n >> CHUNK_BITS) - this.firstChunk;
      const i = n & SLOT_MASK;
      if (this.chunks[k]?.[i] !== undefined) {
        const ordinals = this.ordinalsBuilt();
        const ordinal = ordinals[k]![i]!;
        writable(this.chunks, k)[i] = undefined;
        writable(ordinals, k)[i] = undefined;
        this.removeFromLog(ordinal);
        return true;
      }
    }
    const kept = this.aside.get(key);
    if (kept === undefined) return false;
    this.aside.delete(key);
    this.removeFromLog(kept.ordinal);
    return true;
  }

  *entries(): IterableIterator<[string, V]> {
    const log = this.log;
    for (let k = 0; k < log.length; k++) {
      const chunk = log[k]!;
      for (let i = 0; i < chunk.length; i++) {
        const slot = chunk[i]!;
        if (slot === HOLE) continue;
        if (typeof slot === 'number') yield [this.prefix! + slot, this.chunks[(slot >> CHUNK_BITS) - this.firstChunk]![slot & SLOT_MASK]!];
        else yield [slot, this.aside.get(slot)!.value];
      }
    }
  }

  *values(): IterableIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.entries();
  }

  /**
   * An independent copy (for `deepClone`): every chunk is frozen and shared; each table keeps
   * its own directories, and copies a chunk when it next writes to it.
   */
  copy(): ChunkedTable<V> {
    freezeChunks(this.chunks);
    freezeChunks(this.log);
    if (this.ordinals !== null) freezeChunks(this.ordinals);
    const out = Object.create(ChunkedTable.prototype as object) as ChunkedTable<V>;
    out.prefix = this.prefix;
    out.firstChunk = this.firstChunk;
    out.chunks = this.chunks.slice();
    out.ordinals = this.ordinals === null ? null : this.ordinals.slice();
    out.log = this.log.slice();
    out.logLength = this.logLength;
    out.holes = this.holes;
    out.aside = this.aside.copy();
    out.count = this.count;
    return out;
  }

  /** n when `key` is `<prefix><n>` (decimal, no leading zero, at most MAX_DIGITS digits), else -1. */
  private counterOf(key: string): number {
    const prefix = this.prefix;
    if (prefix === null) return -1;
    const start = counterStart(key);
    if (start !== prefix.length || !key.startsWith(prefix)) return -1;
    return counterValue(key, start);
  }

  /** The first key of the form `<prefix><n>` fixes the prefix and where the chunks start. */
  private adoptPrefix(key: string): number {
    const start = counterStart(key);
    if (start < 0) return -1;
    this.prefix = key.slice(0, start);
    const n = counterValue(key, start);
    this.firstChunk = n >> CHUNK_BITS;
    return n;
  }

  /** Appends a key to the log; returns its ordinal. */
  private append(slot: LogSlot): number {
    const ordinal = this.logLength++;
    const k = ordinal >> CHUNK_BITS;
    if (k === this.log.length) this.log.push([]);
    const chunk = this.log[k]!;
    (Object.isFrozen(chunk) ? (this.log[k] = thawedCopy(chunk)) : chunk).push(slot);
    return ordinal;
  }

  private removeFromLog(ordinal: number): void {
    writable(this.log, ordinal >> CHUNK_BITS)[ordinal & SLOT_MASK] = HOLE;
    this.count--;
    this.holes++;
    if (this.holes >= CHUNK && this.holes > this.count) this.compact();
  }

  /** The chunked keys' ordinals, built from the log at the first delete. */
  private ordinalsBuilt(): Array<Chunk<number> | undefined> {
    if (this.ordinals !== null) return this.ordinals;
    const ordinals: Array<Chunk<number> | undefined> = [];
    this.ordinals = ordinals;
    this.forEachSlot((slot, ordinal) => {
      if (typeof slot !== 'number') return;
      const k = (slot >> CHUNK_BITS) - this.firstChunk;
      while (ordinals.length <= k) ordinals.push(undefined);
      writable(ordinals, k)[slot & SLOT_MASK] = ordinal;
    });
    return ordinals;
  }

  /** Rewrites the log without its holes (when they outnumber the entries): O(1) per delete amortized. */
  private compact(): void {
    const old = this.log;
    const oldLength = this.logLength;
    this.log = [];
    this.logLength = 0;
    this.holes = 0;
    this.ordinals = [];
    const ordinals = this.ordinals;
    for (let ordinal = 0; ordinal < oldLength; ordinal++) {
      const slot = old[ordinal >> CHUNK_BITS]![ordinal & SLOT_MASK]!;
      if (slot === HOLE) continue;
      const moved = this.append(slot);
      if (typeof slot === 'number') {
        const k = (slot >> CHUNK_BITS) - this.firstChunk;
        while (ordinals.length <= k) ordinals.push(undefined);
        writable(ordinals, k)[slot & SLOT_MASK] = moved;
      } else {
        this.aside.set(slot, Object.freeze({ value: this.aside.get(slot)!.value, ordinal: moved }));
      }
    }
  }

  private forEachSlot(visit: (slot: LogSlot, ordinal: number) => void): void {
    for (let ordinal = 0; ordinal < this.logLength; ordinal++) {
      const slot = this.log[ordinal >> CHUNK_BITS]![ordinal & SLOT_MASK]!;
      if (slot !== HOLE) visit(slot, ordinal);
    }
  }
}

/** `directory[k]`, made writable by this table: created when missing, copied when frozen (shared). */
function writable<T>(directory: Array<Chunk<T> | undefined>, k: number): Chunk<T>;
function writable<T>(directory: T[][], k: number): T[];
function writable<T>(directory: Array<Chunk<T> | undefined>, k: number): Chunk<T> {
  let chunk = directory[k];
  if (chunk === undefined) chunk = directory[k] = new Array<T | undefined>(CHUNK);
  else if (Object.isFrozen(chunk)) chunk = directory[k] = thawedCopy(chunk);
  return chunk;
}

function freezeChunks(directory: ReadonlyArray<unknown[] | undefined>): void {
  for (let k = directory.length - 1; k >= 0; k--) {
    const chunk = directory[k];
    if (chunk !== undefined && !Object.isFrozen(chunk)) Object.freeze(chunk);
  }
}

/** Where the decimal counter at the end of `key` starts, or -1 (none, a leading zero, too long); also log/keyIndex.ts's. */
export function counterStart(key: string): number {
  let start = key.length;
  while (start > 0) {
    const code = key.charCodeAt(start - 1);
    if (code < 48 || code > 57) break;
    start--;
  }
  const digits = key.length - start;
  if (digits === 0 || digits > MAX_DIGITS || (digits > 1 && key.charCodeAt(start) === 48)) return -1;
  return start;
}

/** The decimal number written in `key` from `start` to its end (digits only, as `counterStart` found them). */
export function counterValue(key: string, start: number): number {
  let n = 0;
  for (let i = start; i < key.length; i++) n = n * 10 + (key.charCodeAt(i) - 48);
  return n;
}
