/**
 * The consistency tracker's facts, found by sequence number (the order facts were first
 * appended) in fixed-size chunks instead of a string-keyed map. Facts are frozen (an update
 * puts a new version in the slot), so a checkpoint copy of the simulation (`deepClone`) shares
 * them; a chunk in which no fact is pending any more is frozen too and shared whole. Dropped
 * facts leave empty slots; chunks emptied at the front are dropped whole.
 */
import type { SimTimeMs } from '../types';

/** A fact (one version of it: frozen with its arrays). */
export interface Fact {
  readonly rootEventId: string;
  readonly entity: string;
  readonly topic: string;
  readonly appendedMs: SimTimeMs;
  /** Services whose read models should apply this fact, fixed when it was appended (frozen, shared). */
  readonly expected: readonly string[];
  /** When each expected service first applied it (same order as `expected`; -1 = not yet). */
  readonly appliedMs: readonly SimTimeMs[];
  readonly appliedCount: number;
  /** When the last expected read model applied it, or null while some have not. */
  readonly completedMs: SimTimeMs | null;
  /** Ids of every record carrying this fact (the root and its later hops). */
  readonly eventIds: readonly string[];
}

export function frozenFact(fact: Fact): Fact {
  Object.freeze(fact.appliedMs);
  Object.freeze(fact.eventIds);
  return Object.freeze(fact);
}

/**
 * A new version of `fact` with its progress changed, frozen. Written as one object literal with
 * every field (not `{ ...fact, ... }`): a spread copy keeps its fields in a separate property
 * array, 64 more bytes per fact held (doc/benchmarks.md, heap per retained record).
 */
export function factVersion(
  fact: Fact,
  appliedMs: readonly SimTimeMs[],
  appliedCount: number,
  completedMs: SimTimeMs | null,
  eventIds: readonly string[],
): Fact {
  return frozenFact({
    rootEventId: fact.rootEventId,
    entity: fact.entity,
    topic: fact.topic,
    appendedMs: fact.appendedMs,
    expected: fact.expected,
    appliedMs,
    appliedCount,
    completedMs,
    eventIds,
  });
}

/** Slots a chunk holds: copies of the simulation copy at most this many per unfinished chunk. */
const CHUNK = 1024;

export class FactStore {
  private chunks: Array<Array<Fact | null>> = [];
  /** Sequence number of the first slot of `chunks[0]`. */
  private base = 0;
  private next = 0;
  /** Per chunk: facts still held, and of those the pending (mutable) ones. */
  private live: number[] = [];
  private pending: number[] = [];
  private count = 0;

  /** Facts held (finished and pending). */
  get size(): number {
    return this.count;
  }

  /** Sequence number of the first slot held: every fact below it has been dropped. */
  get firstSeq(): number {
    return this.base;
  }

  get(seq: number): Fact | undefined {
    const offset = seq - this.base;
    if (offset < 0) return undefined;
    return this.chunks[Math.floor(offset / CHUNK)]?.[offset % CHUNK] ?? undefined;
  }

  /** Adds a pending fact under the next sequence number and returns that number. */
  add(fact: Fact): number {
    const seq = this.next++;
    const offset = seq - this.base;
    const c = Math.floor(offset / CHUNK);
    if (c === this.chunks.length) {
      this.chunks.push([]);
      this.live.push(0);
      this.pending.push(0);
      if (c > 0) this.freezeIfSettled(c - 1);
    }
    this.chunks[c]!.push(fact);
    this.live[c]!++;
    if (fact.completedMs === null) this.pending[c]!++;
    this.count++;
    return seq;
  }

  /** Puts a new version of a held fact in its slot; its chunk freezes once nothing in it is pending. */
  replace(seq: number, fact: Fact): void {
    const c = this.chunkOf(seq);
    const chunk = this.writable(c);
    const slot = (seq - this.base) % CHUNK;
    this.pending[c]! += (fact.completedMs === null ? 1 : 0) - (chunk[slot]!.completedMs === null ? 1 : 0);
    chunk[slot] = fact;
    this.freezeIfSettled(c);
  }

  drop(seq: number): void {
    const c = this.chunkOf(seq);
    const chunk = this.writable(c);
    const slot = (seq - this.base) % CHUNK;
    if (chunk[slot]!.completedMs === null) this.pending[c]!--;
    chunk[slot] = null;
    this.live[c]!--;
    this.count--;
  }

  /** Drops the chunks emptied at the front and freezes the settled ones (after drops). */
  settle(): void {
    while (this.chunks.length > 1 && this.live[0] === 0) {
      this.chunks.shift();
      this.live.shift();
      this.pending.shift();
      this.base += CHUNK;
    }
    for (let c = 0; c < this.chunks.length; c++) this.freezeIfSettled(c);
  }

  /** Calls `visit` with every fact held, oldest first, until it returns false. */
  forEach(visit: (fact: Fact, seq: number) => boolean | void): void {
    for (let c = 0; c < this.chunks.length; c++) {
      if (this.live[c] === 0) continue;
      const chunk = this.chunks[c]!;
      for (let i = 0; i < chunk.length; i++) {
        const fact = chunk[i];
        if (fact && visit(fact, this.base + c * CHUNK + i) === false) return;
      }
    }
  }

  /** The newest fact held that `matches`, if any. */
  findNewest(matches: (fact: Fact) => boolean): Fact | undefined {
    for (let c = this.chunks.length - 1; c >= 0; c--) {
      if (this.live[c] === 0) continue;
      const chunk = this.chunks[c]!;
      for (let i = chunk.length - 1; i >= 0; i--) {
        const fact = chunk[i];
        if (fact && matches(fact)) return fact;
      }
    }
    return undefined;
  }

  private chunkOf(seq: number): number {
    return Math.floor((seq - this.base) / CHUNK);
  }

  private writable(c: number): Array<Fact | null> {
    let chunk = this.chunks[c]!;
    if (Object.isFrozen(chunk)) {
      chunk = chunk.slice();
      this.chunks[c] = chunk;
    }
    return chunk;
  }

  private freezeIfSettled(c: number): void {
    const chunk = this.chunks[c]!;
    if (this.pending[c] === 0 && chunk.length === CHUNK && !Object.isFrozen(chunk)) Object.freeze(chunk);
  }
}
