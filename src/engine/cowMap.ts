/**
 * A Map that checkpoint copies share. Entries live in a frozen base Map (never written once
 * frozen, so `deepClone` shares it) plus the writes since the base was made (the overlay). When
 * the overlay grows past a bound it is merged into a new frozen base, so a copy costs at most the
 * overlay's size, not the table's, and each write costs O(1) amortized.
 *
 * The overlay is in two layers: `sealed`, frozen, and `recent`, the writes since. A copy
 * (`copy`, called by `deepClone`) gets the two folded into one new sealed layer and an empty
 * recent one; so a copy of a copy (restoring a checkpoint to seek) shares the whole table and
 * costs O(1). The two layers behave exactly as one overlay would: the same entries in the same
 * order, the same merges at the same times.
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

export class CowMap<K, V> implements Iterable<[K, V]> {
  private base: ReadonlyMap<K, V> = EMPTY;
  /** The overlay's older writes, frozen (shared by copies). DELETED masks a base key. */
  private sealed: ReadonlyMap<K, Slot<V>> = EMPTY;
  /** The overlay's writes since `sealed` was made. */
  private recent = new Map<K, Slot<V>>();
  /**
   * Keys of `sealed` that have left the overlay since (a key not in the base was deleted): they
   * are not where `sealed` lists them; if written again they follow in `recent`'s order.
   */
  private moved = new Set<K>();
  private count = 0;
  /** Entries of the overlay (sealed and recent as one), which bound it. */
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
      if (this.sealed.has(key)) this.moved.add(key);
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
   * An independent copy (for `deepClone`): the base and a sealed layer are shared; the recent
   * writes are folded into a new sealed layer of the copy's own, so copying the copy is O(1).
   */
  copy(): CowMap<K, V> {
    const out = Object.create(CowMap.prototype as object) as CowMap<K, V>;
    out.base = this.base;
    out.sealed = this.recent.size === 0 && this.moved.size === 0 ? this.sealed : Object.freeze(new Map(this.overlayEntries()));
    out.recent = new Map();
    out.moved = new Set();
    out.count = this.count;
    out.overlaySize = this.overlaySize;
    return out;
  }

  /** The overlay's slot for `key` (undefined: the overlay does not hold it). */
  private overlayGet(key: K): Slot<V> | undefined {
    const value = this.recent.get(key);
    if (value !== undefined) return value;
    if (this.moved.size > 0 && this.moved.has(key)) return undefined;
    return this.sealed.get(key);
  }

  /** The overlay's entries in the order one Map holding every write would list them. */
  private *overlayEntries(): IterableIterator<[K, Slot<V>]> {
    for (const [key, value] of this.sealed) {
      if (this.moved.has(key)) continue;
      const override = this.recent.get(key);
      yield [key, override === undefined ? value : override];
    }
    for (const entry of this.recent) {
      if (!this.sealed.has(entry[0]) || this.moved.has(entry[0])) yield entry;
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
    this.sealed = EMPTY;
    this.recent = new Map();
    this.moved = new Set();
    this.overlaySize = 0;
  }
}
