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
import { thawedCopy } from '../frozen';
import { CowMap } from '../cowMap';

/** Counters per chunk: a copy of the simulation copies at most one open chunk per origin. */
const CHUNK = 256;

/** A chunk of an origin no root of which was tracked (shared, never written). */
const EMPTY: readonly number[] = Object.freeze(new Array<number>(CHUNK).fill(-1));

/** One origin's slots: `chunks[k][i]` holds the sequence number of root `base + k × CHUNK + i` (-1: none). */
interface OriginSlots {
  chunks: Array<readonly number[]>;
  /** Per chunk, the largest sequence number it holds (-1: none), to release it once that fact is gone. */
  maxSeq: number[];
  /** The counter of the first slot of `chunks[0]`. */
  base: number;
}

export class RootIndex {
  private readonly origins = new Map<string, OriginSlots>();
  private readonly other = new CowMap<string, number>();
  /**
   * The origin (`<origin>#`) of the last id looked up. Cutting it from each id makes a new
   * string whose hash is not yet known; most ids in a row share an origin, and this one's is.
   */
  private lastOrigin = '';

  private originOf(rootId: string, start: number): string {
    const last = this.lastOrigin;
    if (last.length === start && rootId.startsWith(last)) return last;
    return (this.lastOrigin = rootId.slice(0, start));
  }

  /** The sequence number last stored for `rootId`, which may belong to a fact since dropped. */
  get(rootId: string): number | undefined {
    const start = counterStart(rootId);
    if (start < 0) return this.other.get(rootId);
    const slots = this.origins.get(this.originOf(rootId, start));
    if (!slots) return undefined;
    const offset = counterOf(rootId, start) - slots.base;
    if (offset < 0) return this.other.get(rootId);
    const seq = slots.chunks[Math.floor(offset / CHUNK)]?.[offset % CHUNK];
    return seq === undefined || seq < 0 ? undefined : seq;
  }

  set(rootId: string, seq: number): void {
    const start = counterStart(rootId);
    if (start < 0) {
      this.other.set(rootId, seq);
      return;
    }
    const origin = this.originOf(rootId, start);
    let slots = this.origins.get(origin);
    const counter = counterOf(rootId, start);
    if (!slots) {
      slots = { chunks: [], maxSeq: [], base: counter - (counter % CHUNK) };
      this.origins.set(origin, slots);
    }
    const offset = counter - slots.base;
    // Below the released chunks (a very old root appended again): kept aside.
    if (offset < 0) {
      this.other.set(rootId, seq);
      return;
    }
    const k = Math.floor(offset / CHUNK);
    while (slots.chunks.length <= k) {
      const last = slots.chunks.length - 1;
      if (last >= 0 && !Object.isFrozen(slots.chunks[last])) Object.freeze(slots.chunks[last]);
      slots.chunks.push(slots.chunks.length === k ? new Array<number>(CHUNK).fill(-1) : EMPTY);
      slots.maxSeq.push(-1);
    }
    let chunk = slots.chunks[k]!;
    if (Object.isFrozen(chunk)) chunk = thawedCopy(chunk);
    (chunk as number[])[offset % CHUNK] = seq;
    // A chunk behind the open one was written again (rare): frozen again at once.
    slots.chunks[k] = k < slots.chunks.length - 1 ? Object.freeze(chunk) : chunk;
    slots.maxSeq[k] = Math.max(slots.maxSeq[k]!, seq);
  }

  /** Forgets `rootId` when it is kept aside; chunk slots are left to `dropBelow`. */
  delete(rootId: string): void {
    if (this.other.size > 0) this.other.delete(rootId);
  }

  /** Releases every origin's leading chunks whose facts all have sequence numbers below `seq`. */
  dropBelow(seq: number): void {
    for (const slots of this.origins.values()) {
      while (slots.chunks.length > 1 && slots.maxSeq[0]! < seq) {
        slots.chunks.shift();
        slots.maxSeq.shift();
        slots.base += CHUNK;
      }
    }
  }

  /** Ids kept aside in the map (each belongs to a held fact: the invariants check it). */
  get keptAside(): number {
    return this.other.size;
  }
}

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

function counterOf(id: string, start: number): number {
  let n = 0;
  for (let i = start; i < id.length; i++) n = n * 10 + (id.charCodeAt(i) - 48);
  return n;
}
