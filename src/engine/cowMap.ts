/**
 * A Map that checkpoint copies share. Entries live in a frozen base Map (never written once
 * frozen, so `deepClone` shares it) plus the writes since the base was made (the overlay). When
 * the overlay grows past a bound it is merged into a new frozen base, so each write costs O(1)
 * amortized.
 *
 * The overlay is frozen layers (oldest first) and `recent`, the writes since the last copy. A
 * copy (`copy`, called by `deepClone`) freezes `recent` as a new layer that the original and the
 * copy both keep, so a copy costs O(1), not the overlay's size: taking a checkpoint and
 * restoring one (a copy of a copy) share every layer. Layers fold pairwise when the newer is at
 * least half the older (and beyond `MAX_LAYERS`), so a lookup visits a few maps and each write
 * is folded O(log n) times. The layers behave exactly as one overlay would: the same entries in
 * the same order, the same merges at the same times (cowMap.test.ts checks this against that
 * map).
 *
 * Values must be primitives or frozen objects: both copies see the same base values.
 */
const DELETED: unique symbol = Symbol('deleted');

type Slot<V> = V | typeof DELETED;

/**
 * Overlay entries kept before merging into a new base: a quarter of the base (at least 2048),
 * so merging costs O(1) per write amortized and a copy at most a quarter of the table.
 */
const MIN_OVERLAY_LIMIT = 2048;

const EMPTY: ReadonlyMap<never, never> = Object.freeze(new Map<never, never>());
/** Frozen layers a lookup may visit before the newest fold into one. */
const MAX_LAYERS = 6;
const NO_LAYERS: ReadonlyArray<ReadonlyMap<never, never>> = Object.freeze([]);

export class CowMap<K, V> implements Iterable<[K, V]> {
  private base: ReadonlyMap<K, V> = EMPTY;
  /** The overlay's older writes in frozen layers, oldest first (shared by copies). DELETED masks a base key. */
  private layers: ReadonlyArray<ReadonlyMap<K, Slot<V>>> = NO_LAYERS;
  /** The overlay's writes since the last copy. */
  private recent = new Map<K, Slot<V>>();
  /**
   * Keys of the layers that have left the overlay since (a key not in the base was deleted):
   * they are not where the layers list them; if written again they follow in `recent`'s order.
   */
  private moved = new Set<K>();
  private count = 0;
  /** Entries of the overlay (its layers and recent writes as one), which bound it. */
  private overlaySize = 0;

  get size(): number {
    return this.count;
  }

  get(key: K): V | undefined {
    const value = this.overlayGet(key);
    if (value !== undefined) return value === DELETED ? undefined : value;
    return this.base.get(key);
  }

  has(key: K): boolean {
    const value = this.overlayGet(key);
    if (value !== undefined) return value !== DELETED;
    return this.base.has(key);
  }

  set(key: K, value: V): this {
    const slot = this.overlayGet(key);
    if (slot === undefined ? !this.base.has(key) : slot === DELETED) this.count++;
    if (slot === undefined) this.overlaySize++;
    this.recent.set(key, value);
    if (this.overlaySize > this.overlayLimit()) this.merge();
    return this;
  }

  delete(key: K): boolean {
    if (!this.has(key)) return false;
    this.count--;
    if (this.base.has(key)) {
      if (this.overlayGet(key) === undefined) this.overlaySize++;
      this.recent.set(key, DELETED);
    } else {
      // The key leaves the overlay, as a single Map's delete would take it out.
      this.overlaySize--;
      this.recent.delete(key);
      if (this.layersHave(key, this.layers.length)) this.moved.add(key);
    }
    if (this.overlaySize > this.overlayLimit()) this.merge();
    return true;
  }

  *entries(): IterableIterator<[K, V]> {
    for (const [key, value] of this.base) {
      const override = this.overlayGet(key);
      if (override === undefined) yield [key, value];
      else if (override !== DELETED) yield [key, override];
    }
    for (const [key, value] of this.overlayEntries()) {
      if (value !== DELETED && !this.base.has(key)) yield [key, value];
    }
  }

  *values(): IterableIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries();
  }

  /**
   * An independent copy (for `deepClone`): the base and the frozen layers are shared. The recent
   * writes become a frozen layer of both maps first (their contents are unchanged).
   */
  copy(): CowMap<K, V> {
    if (this.recent.size > 0 || this.moved.size > 0) this.seal();
    const out = Object.create(CowMap.prototype as object) as CowMap<K, V>;
    out.base = this.base;
    out.layers = this.layers;
    out.recent = new Map();
    out.moved = new Set();
    out.count = this.count;
    out.overlaySize = this.overlaySize;
    return out;
  }

  /** Freezes `recent` as the newest layer (the whole overlay as one, after deletes of layered keys). */
  private seal(): void {
    let layers: Array<ReadonlyMap<K, Slot<V>>>;
    if (this.moved.size > 0) {
      layers = [Object.freeze(new Map(this.overlayEntries()))];
    } else {
      layers = [...this.layers, Object.freeze(this.recent)];
      while (layers.length > 1 && (layers.length > MAX_LAYERS || 2 * layers[layers.length - 1]!.size >= layers[layers.length - 2]!.size)) {
        const newer = layers.pop()!;
        const folded = new Map(layers.pop()!);
        // A key already in `folded` keeps its place, as in one overlay; a new one follows.
        for (const [key, value] of newer) folded.set(key, value);
        layers.push(Object.freeze(folded));
      }
    }
    this.layers = Object.freeze(layers);
    this.recent = new Map();
    this.moved = new Set();
  }

  /** The overlay's slot for `key` (undefined: the overlay does not hold it). */
  private overlayGet(key: K): Slot<V> | undefined {
    const value = this.recent.get(key);
    if (value !== undefined) return value;
    if (this.moved.size > 0 && this.moved.has(key)) return undefined;
    const layers = this.layers;
    for (let i = layers.length - 1; i >= 0; i--) {
      const layered = layers[i]!.get(key);
      if (layered !== undefined) return layered;
    }
    return undefined;
  }

  /** Whether one of the `count` oldest layers lists `key`. */
  private layersHave(key: K, count: number): boolean {
    for (let i = 0; i < count; i++) if (this.layers[i]!.has(key)) return true;
    return false;
  }

  /**
   * The overlay's entries in the order one Map holding every write would list them: a key where
   * it first entered (its oldest layer), with its newest slot; a moved key where it re-entered.
   */
  private *overlayEntries(): IterableIterator<[K, Slot<V>]> {
    const layers = this.layers;
    for (let i = 0; i < layers.length; i++) {
      for (const key of layers[i]!.keys()) {
        if (this.moved.has(key) || this.layersHave(key, i)) continue;
        yield [key, this.overlayGet(key)!];
      }
    }
    for (const entry of this.recent) {
      if (this.moved.has(entry[0]) || !this.layersHave(entry[0], layers.length)) yield entry;
    }
  }

  private overlayLimit(): number {
    return Math.max(MIN_OVERLAY_LIMIT, this.base.size >> 2);
  }

  private merge(): void {
    const merged = new Map<K, V>(this.base);
    for (const [key, value] of this.overlayEntries()) {
      if (value === DELETED) merged.delete(key);
      else merged.set(key, value);
    }
    this.base = Object.freeze(merged);
    this.layers = NO_LAYERS;
    this.recent = new Map();
    this.moved = new Set();
    this.overlaySize = 0;
  }
}
