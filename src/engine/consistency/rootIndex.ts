/**
 * Root event id → the sequence number of its fact in the `FactStore`, without a string-keyed
 * table that grows and merges with every record.
 *
 * Producers and services name the events they start `<origin>#<n>` with `n` counting up from
 * 0 (producer.ts, service.ts), so the index keeps, per origin, fixed-size chunks of slots
 * indexed by `n`. A chunk the counter has moved past is frozen and shared by checkpoint copies
 * of the simulation, so a copy costs one open chunk per origin, and a write never copies a
 * table. Ids of any other form (rare: a hop re-rooted after its fact was dropped) go to a
 * small copy-on-write map.
 *
 * Slots are never cleared when a fact is dropped: the tracker checks that the fact at the
 * returned sequence number still exists and carries this root. Chunks whose facts have all
 * been dropped are released from the front (`dropBelow`).
 */
import { counterValue } from '../chunkedTable';
import { thawedCopy } from '../frozen';
import { CowMap } from '../cowMap';

/** Counters per chunk: a copy of the simulation copies at most one open chunk per origin. */
const CHUNK = 256;

/** A chunk of an origin no root of which was tracked (shared, never written). */
const EMPTY: readonly number[] = Object.freeze(new Array<number>(CHUNK).fill(-1));

/**
 * Sequence numbers of facts by a counter that only grows (one origin's event counter, or the
 * world's production sequence): fixed-size chunks of slots indexed by the counter. A chunk the
 * counter has moved past is frozen and shared by copies; -1 marks a slot with no fact.
 */
export class CounterSlots {
  private chunks: Array<readonly number[]> = [];
  /** Per chunk, the largest sequence number it holds (-1: none), to release it once that fact is gone. */
  private maxSeq: number[] = [];
  /** The counter of the first slot of `chunks[0]` (-1 until the first write). */
  private base = -1;

  /** The sequence number last stored for `counter`, which may belong to a fact since dropped. */
  get(counter: number): number | undefined {
    const offset = counter - this.base;
    if (this.base < 0 || offset < 0) return undefined;
    const seq = this.chunks[Math.floor(offset / CHUNK)]?.[offset % CHUNK];
    return seq === undefined || seq < 0 ? undefined : seq;
  }

  /** Stores `seq` for `counter`; false when `counter` lies below the released chunks (not stored). */
  set(counter: number, seq: number): boolean {
    if (this.base < 0) this.base = counter - (counter % CHUNK);
    const offset = counter - this.base;
    if (offset < 0) return false;
    const k = Math.floor(offset / CHUNK);
    while (this.chunks.length <= k) {
      const last = this.chunks.length - 1;
      if (last >= 0 && !Object.isFrozen(this.chunks[last])) Object.freeze(this.chunks[last]);
      this.chunks.push(this.chunks.length === k ? new Array<number>(CHUNK).fill(-1) : EMPTY);
      this.maxSeq.push(-1);
    }
    let chunk = this.chunks[k]!;
    if (Object.isFrozen(chunk)) chunk = thawedCopy(chunk);
    (chunk as number[])[offset % CHUNK] = seq;
    // A chunk behind the open one was written again (rare): frozen again at once.
    this.chunks[k] = k < this.chunks.length - 1 ? Object.freeze(chunk) : chunk;
    this.maxSeq[k] = Math.max(this.maxSeq[k]!, seq);
    return true;
  }

  /** Releases the leading chunks whose facts all have sequence numbers below `seq`. */
  dropBelow(seq: number): void {
    while (this.chunks.length > 1 && this.maxSeq[0]! < seq) {
      this.chunks.shift();
      this.maxSeq.shift();
      this.base += CHUNK;
    }
  }
}

export class RootIndex {
  private readonly origins = new Map<string, CounterSlots>();
  private readonly other = new CowMap<string, number>();
  /**
   * The origin (`<origin>#`) of the last id looked up. Cutting it from each id makes a new
   * string whose hash is not yet known; most ids in a row share an origin, and this one's is.
   */
  private lastOrigin = '';
  /** The last id read and where its counter starts and what it is: a root is looked up, then set. */
  private lastId = '';
  private lastStart = -1;
  private lastCounter = 0;

  /** Where `rootId`'s counter starts (-1: not of the form `<origin>#<n>`); reads it into `lastCounter`. */
  private parse(rootId: string): number {
    if (rootId === this.lastId) return this.lastStart;
    const start = counterStart(rootId);
    this.lastId = rootId;
    this.lastStart = start;
    if (start >= 0) this.lastCounter = counterValue(rootId, start);
    return start;
  }

  private originOf(rootId: string, start: number): string {
    const last = this.lastOrigin;
    if (last.length === start && rootId.startsWith(last)) return last;
    return (this.lastOrigin = rootId.slice(0, start));
  }

  /** The sequence number last stored for `rootId`, which may belong to a fact since dropped. */
  get(rootId: string): number | undefined {
    const start = this.parse(rootId);
    return start < 0 ? this.other.get(rootId) : this.atCounter(this.originOf(rootId, start), this.lastCounter, rootId);
  }

  set(rootId: string, seq: number): void {
    const start = this.parse(rootId);
    if (start < 0) {
      this.other.set(rootId, seq);
      return;
    }
    this.setByCounter(this.originOf(rootId, start), this.lastCounter, rootId, seq);
  }

  /**
   * `get` for a root whose id is known to be `origin` + `counter` (`checkout#` + 17), without
   * reading the id: null when `counter` is not one `get` would read from the id (then call `get`).
   */
  getByCounter(origin: string, counter: number, rootId: string): number | undefined | null {
    if (!(counter >= 0 && counter < MAX_COUNTER) || !Number.isInteger(counter)) return null;
    return this.atCounter(origin, counter, rootId);
  }

  /** The sequence number held for `rootId` (`origin` + `counter`): in its origin's slots, else kept aside. */
  private atCounter(origin: string, counter: number, rootId: string): number | undefined {
    const seq = this.origins.get(origin)?.get(counter);
    return seq !== undefined || this.other.size === 0 ? seq : this.other.get(rootId);
  }

  /** `set` for a root whose id is `origin` + `counter`, where `getByCounter` answered (not null). */
  setByCounter(origin: string, counter: number, rootId: string, seq: number): void {
    let slots = this.origins.get(origin);
    if (!slots) {
      slots = new CounterSlots();
      this.origins.set(origin, slots);
    }
    // Below the released chunks (a very old root appended again): kept aside.
    if (!slots.set(counter, seq)) this.other.set(rootId, seq);
  }

  /** Forgets `rootId` when it is kept aside; chunk slots are left to `dropBelow`. */
  delete(rootId: string): void {
    if (this.other.size > 0) this.other.delete(rootId);
  }

  /** Releases every origin's leading chunks whose facts all have sequence numbers below `seq`. */
  dropBelow(seq: number): void {
    for (const slots of this.origins.values()) slots.dropBelow(seq);
  }

  /** Ids kept aside in the map (each belongs to a held fact: the invariants check it). */
  get keptAside(): number {
    return this.other.size;
  }
}

/** Counters of more digits than this (nine) are not read from ids: such ids are kept aside. */
const MAX_COUNTER = 1e9;

/** Where the counter of `<origin>#<n>` starts (after the '#'), or -1 when the id is not of that form. */
function counterStart(id: string): number {
  const hash = id.lastIndexOf('#');
  if (hash <= 0 || hash === id.length - 1 || id.length - hash > 10) return -1;
  // No leading zero: `x#01` is a different id from `x#1`.
  if (id.charCodeAt(hash + 1) === 48 && hash + 2 < id.length) return -1;
  for (let i = hash + 1; i < id.length; i++) {
    const code = id.charCodeAt(i);
    if (code < 48 || code > 57) return -1;
  }
  return hash + 1;
}
