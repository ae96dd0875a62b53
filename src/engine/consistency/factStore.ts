/**
 * The consistency tracker's facts, found by sequence number (the order facts were first
 * appended) in fixed-size chunks instead of a string-keyed map. A fact is a slot of its chunk's
 * columns: what it is (its root event, entity, topic, when it was appended, which read models
 * should apply it, the hops it took) and its progress (when each read model first applied it,
 * how many have, when the last did), written in place. So adding or applying a fact allocates
 * nothing of its own (an object per fact was a tenth of the engine's surviving allocation);
 * `get` makes a `Fact` for the few readers that want one. A chunk in which no fact is pending
 * any more is frozen whole, columns included, so a checkpoint copy of the simulation
 * (`deepClone`) shares it; a pending chunk's copy is a few flat arrays. Dropped facts leave
 * empty slots; chunks emptied at the front are dropped whole.
 */
import { thawedCopy } from '../frozen';
import type { SimTimeMs } from '../types';

/** What a fact is, as `get` gives it (frozen); its progress is in the store (`appliedMs`, `appliedCount`, `completedMs`). */
export interface Fact {
  readonly rootEventId: string;
  readonly entity: string;
  readonly topic: string;
  readonly appendedMs: SimTimeMs;
  /** Services whose read models should apply this fact, fixed when it was appended (frozen, shared). */
  readonly expected: readonly string[];
  /**
   * Ids of the later hops carrying this fact (the root's is `rootEventId`), or null while it has
   * taken none: most facts never do, and an array each would be a third of a fact's heap.
   */
  readonly hops: readonly string[] | null;
}


/** Slots a chunk holds: copies of the simulation copy at most this many per unfinished chunk. */
const CHUNK = 1024;
/** In the columns: not applied yet, not completed yet. */
const NOT_YET = -1;

/**
 * A chunk's columns are made at their full size (the applied times at two per slot, growing past
 * that when facts expect more read models): growing them a slot at a time made and dropped
 * about three times their size in copies.
 */
interface Chunk {
  /** Slots taken so far (CHUNK when full). */
  placed: number;
  /** Entries of `applied` taken so far. */
  appliedEnd: number;
  /** Per slot: the fact's root event id, or null once it is dropped (or before it is placed). */
  rootIds: Array<string | null>;
  entities: string[];
  topics: string[];
  appendedAt: number[];
  /** Per slot: the services whose read models should apply the fact (frozen, shared). */
  expecteds: Array<readonly string[]>;
  /** Per slot: the later hops' ids (frozen), or null while it has taken none. */
  hops: Array<readonly string[] | null>;
  /** Per slot, where its fact's applied times start in `applied` (one per expected service). */
  starts: number[];
  /** Per expected service of each slot's fact: when it first applied it, or NOT_YET. */
  applied: number[];
  /** Per slot: how many expected services have applied the fact. */
  counts: number[];
  /** Per slot: when the last expected service applied it, or NOT_YET while some have not. */
  completed: number[];
}

function emptyChunk(): Chunk {
  return {
    placed: 0,
    appliedEnd: 0,
    rootIds: new Array<string | null>(CHUNK).fill(null),
    entities: new Array<string>(CHUNK).fill(''),
    topics: new Array<string>(CHUNK).fill(''),
    appendedAt: new Array<number>(CHUNK).fill(0),
    expecteds: new Array<readonly string[]>(CHUNK).fill(NONE),
    hops: new Array<readonly string[] | null>(CHUNK).fill(null),
    starts: new Array<number>(CHUNK).fill(0),
    applied: new Array<number>(2 * CHUNK).fill(NOT_YET),
    counts: new Array<number>(CHUNK).fill(0),
    completed: new Array<number>(CHUNK).fill(NOT_YET),
  };
}

/** The expected services of a slot not placed yet. */
const NONE: readonly string[] = Object.freeze([]);

/** What a full chunk becomes once every fact in it is dropped at once (shared, never written). */
const RELEASED: Chunk = Object.freeze({
  placed: CHUNK,
  appliedEnd: 0,
  rootIds: Object.freeze([]) as unknown as Array<string | null>,
  entities: Object.freeze([]) as unknown as string[],
  topics: Object.freeze([]) as unknown as string[],
  appendedAt: Object.freeze([]) as unknown as number[],
  expecteds: Object.freeze([]) as unknown as Array<readonly string[]>,
  hops: Object.freeze([]) as unknown as Array<readonly string[] | null>,
  starts: Object.freeze([]) as unknown as number[],
  applied: Object.freeze([]) as unknown as number[],
  counts: Object.freeze([]) as unknown as number[],
  completed: Object.freeze([]) as unknown as number[],
});

export class FactStore {
  private chunks: Chunk[] = [];
  /** Sequence number of the first slot of `chunks[0]`. */
  private base = 0;
  private next = 0;
  /** Per chunk: facts still held, and of those the pending ones. */
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

  /** The root event id of the held fact `seq`, or undefined when it is not held. */
  rootIdOf(seq: number): string | undefined {
    const offset = seq - this.base;
    if (offset < 0) return undefined;
    return this.chunks[Math.floor(offset / CHUNK)]?.rootIds[offset % CHUNK] ?? undefined;
  }

  has(seq: number): boolean {
    return this.rootIdOf(seq) !== undefined;
  }

  /** The held fact `seq` as an object (made anew: for readers off the per-record path), or undefined. */
  get(seq: number): Fact | undefined {
    const rootEventId = this.rootIdOf(seq);
    if (rootEventId === undefined) return undefined;
    const offset = seq - this.base;
    const chunk = this.chunks[Math.floor(offset / CHUNK)]!;
    const slot = offset % CHUNK;
    return Object.freeze({
      rootEventId,
      entity: chunk.entities[slot]!,
      topic: chunk.topics[slot]!,
      appendedMs: chunk.appendedAt[slot]!,
      expected: chunk.expecteds[slot]!,
      hops: chunk.hops[slot]!,
    });
  }

  /** The services that should apply the held fact `seq`. */
  expectedOf(seq: number): readonly string[] {
    const offset = seq - this.base;
    return this.chunks[Math.floor(offset / CHUNK)]!.expecteds[offset % CHUNK]!;
  }

  /** When the held fact `seq` was appended. */
  appendedMsOf(seq: number): SimTimeMs {
    const offset = seq - this.base;
    return this.chunks[Math.floor(offset / CHUNK)]!.appendedAt[offset % CHUNK]!;
  }

  /** The entity of the held fact `seq`. */
  entityOf(seq: number): string {
    const offset = seq - this.base;
    return this.chunks[Math.floor(offset / CHUNK)]!.entities[offset % CHUNK]!;
  }

  /** The later hops of the held fact `seq`, or null. */
  hopsOf(seq: number): readonly string[] | null {
    const offset = seq - this.base;
    return this.chunks[Math.floor(offset / CHUNK)]!.hops[offset % CHUNK]!;
  }

  /** When the `index`-th expected service first applied the held fact `seq`, or −1 when it has not. */
  appliedMs(seq: number, index: number): SimTimeMs {
    const offset = seq - this.base;
    const chunk = this.chunks[Math.floor(offset / CHUNK)]!;
    return chunk.applied[chunk.starts[offset % CHUNK]! + index]!;
  }

  /** How many expected services have applied the held fact `seq`. */
  appliedCount(seq: number): number {
    const offset = seq - this.base;
    return this.chunks[Math.floor(offset / CHUNK)]!.counts[offset % CHUNK]!;
  }

  /** When the last expected service applied the held fact `seq`, or null while some have not. */
  completedMs(seq: number): SimTimeMs | null {
    const offset = seq - this.base;
    const at = this.chunks[Math.floor(offset / CHUNK)]!.completed[offset % CHUNK]!;
    return at === NOT_YET ? null : at;
  }

  /** Adds a pending fact, applied by none yet, under the next sequence number and returns that number. */
  add(rootEventId: string, entity: string, topic: string, appendedMs: SimTimeMs, expected: readonly string[]): number {
    const seq = this.next++;
    const offset = seq - this.base;
    const c = Math.floor(offset / CHUNK);
    if (c === this.chunks.length) {
      this.chunks.push(emptyChunk());
      this.live.push(0);
      this.pending.push(0);
      if (c > 0) this.freezeIfSettled(c - 1);
    }
    const chunk = this.chunks[c]!;
    const slot = chunk.placed++;
    chunk.rootIds[slot] = rootEventId;
    chunk.entities[slot] = entity;
    chunk.topics[slot] = topic;
    chunk.appendedAt[slot] = appendedMs;
    chunk.expecteds[slot] = expected;
    chunk.starts[slot] = chunk.appliedEnd;
    // Past the preallocated entries the array grows (the slots were filled with NOT_YET before).
    for (let i = 0; i < expected.length; i++) chunk.applied[chunk.appliedEnd++] = NOT_YET;
    this.live[c]!++;
    this.pending[c]!++;
    this.count++;
    return seq;
  }

  /** The `index`-th expected service applied the held, pending fact `seq` at `atMs`; true when that completed it. */
  apply(seq: number, index: number, atMs: SimTimeMs): boolean {
    const c = this.chunkOf(seq);
    const chunk = this.writable(c);
    const slot = (seq - this.base) % CHUNK;
    chunk.applied[chunk.starts[slot]! + index] = atMs;
    const applied = ++chunk.counts[slot]!;
    if (applied < chunk.expecteds[slot]!.length) return false;
    chunk.completed[slot] = atMs;
    this.pending[c]!--;
    this.freezeIfSettled(c);
    return true;
  }

  /** The `index`-th expected service no longer shows the held fact `seq` (its read model was cleared): pending again. */
  unapply(seq: number, index: number): void {
    const c = this.chunkOf(seq);
    const chunk = this.writable(c);
    const slot = (seq - this.base) % CHUNK;
    chunk.applied[chunk.starts[slot]! + index] = NOT_YET;
    chunk.counts[slot]!--;
    if (chunk.completed[slot] !== NOT_YET) this.pending[c]!++;
    chunk.completed[slot] = NOT_YET;
  }

  /** A later hop joined the held fact `seq`. */
  addHop(seq: number, eventId: string): void {
    const chunk = this.writable(this.chunkOf(seq));
    const slot = (seq - this.base) % CHUNK;
    const hops = chunk.hops[slot]!;
    chunk.hops[slot] = Object.freeze(hops === null ? [eventId] : [...hops, eventId]);
  }

  drop(seq: number): void {
    const c = this.chunkOf(seq);
    const chunk = this.writable(c);
    const slot = (seq - this.base) % CHUNK;
    if (chunk.completed[slot] === NOT_YET) this.pending[c]!--;
    chunk.rootIds[slot] = null;
    this.live[c]!--;
    this.count--;
  }

  /**
   * Drops held facts, given by ascending sequence number. A full chunk that loses every fact it
   * still holds is released whole instead of being written slot by slot: the oldest chunks are
   * settled and frozen, and copying a frozen chunk to empty it costs more than all else here.
   */
  dropAll(seqs: readonly number[]): void {
    let i = 0;
    while (i < seqs.length) {
      const c = this.chunkOf(seqs[i]!);
      let end = i + 1;
      while (end < seqs.length && this.chunkOf(seqs[end]!) === c) end++;
      if (end - i === this.live[c] && this.chunks[c]!.placed === CHUNK) {
        this.chunks[c] = RELEASED;
        this.count -= this.live[c]!;
        this.live[c] = 0;
        this.pending[c] = 0;
      } else {
        for (let k = i; k < end; k++) this.drop(seqs[k]!);
      }
      i = end;
    }
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

  /** Calls `visit` with the sequence number of every fact held, oldest first, until it returns false. */
  forEach(visit: (seq: number) => boolean | void): void {
    for (let c = 0; c < this.chunks.length; c++) {
      if (this.live[c] === 0) continue;
      const rootIds = this.chunks[c]!.rootIds;
      for (let i = 0; i < rootIds.length; i++) {
        if (rootIds[i] !== null && visit(this.base + c * CHUNK + i) === false) return;
      }
    }
  }

  /** Calls `visit` with every pending fact held (not applied by all), oldest first; skips settled chunks. */
  forEachPending(visit: (seq: number) => void): void {
    for (let c = 0; c < this.chunks.length; c++) {
      if (this.pending[c] === 0) continue;
      const { rootIds, completed } = this.chunks[c]!;
      for (let i = 0; i < rootIds.length; i++) {
        if (rootIds[i] !== null && completed[i] === NOT_YET) visit(this.base + c * CHUNK + i);
      }
    }
  }

  /** The sequence number of the newest fact held about `entity`, or −1. */
  findNewest(entity: string): number {
    for (let c = this.chunks.length - 1; c >= 0; c--) {
      if (this.live[c] === 0) continue;
      const { rootIds, entities } = this.chunks[c]!;
      for (let i = rootIds.length - 1; i >= 0; i--) {
        if (rootIds[i] !== null && entities[i] === entity) return this.base + c * CHUNK + i;
      }
    }
    return -1;
  }

  private chunkOf(seq: number): number {
    return Math.floor((seq - this.base) / CHUNK);
  }

  private writable(c: number): Chunk {
    const chunk = this.chunks[c]!;
    if (!Object.isFrozen(chunk)) return chunk;
    const copy: Chunk = {
      placed: chunk.placed,
      appliedEnd: chunk.appliedEnd,
      rootIds: thawedCopy(chunk.rootIds),
      entities: thawedCopy(chunk.entities),
      topics: thawedCopy(chunk.topics),
      appendedAt: thawedCopy(chunk.appendedAt),
      expecteds: thawedCopy(chunk.expecteds),
      hops: thawedCopy(chunk.hops),
      starts: thawedCopy(chunk.starts),
      applied: thawedCopy(chunk.applied),
      counts: thawedCopy(chunk.counts),
      completed: thawedCopy(chunk.completed),
    };
    this.chunks[c] = copy;
    return copy;
  }

  private freezeIfSettled(c: number): void {
    const chunk = this.chunks[c]!;
    if (this.pending[c] !== 0 || chunk.placed !== CHUNK || Object.isFrozen(chunk)) return;
    Object.freeze(chunk.rootIds);
    Object.freeze(chunk.entities);
    Object.freeze(chunk.topics);
    Object.freeze(chunk.appendedAt);
    Object.freeze(chunk.expecteds);
    Object.freeze(chunk.hops);
    Object.freeze(chunk.starts);
    Object.freeze(chunk.applied);
    Object.freeze(chunk.counts);
    Object.freeze(chunk.completed);
    Object.freeze(chunk);
  }
}
