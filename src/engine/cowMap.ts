/**
 * A Map that checkpoint copies share. Entries live in a frozen base Map (never written once
 * frozen, so `deepClone` shares it) plus a small overlay of recent writes (copied with the
 * simulation). When the overlay grows past a bound it is merged into a new frozen base, so a
 * copy costs at most the overlay's size, not the table's, and each write costs O(1) amortized.
 *
 * Values must be primitives or frozen objects: both copies see the same base values.
 */
const DELETED: unique symbol = Symbol('deleted');

/**
 * Overlay entries kept before merging into a new base: a quarter of the base (at least 2048),
 * so merging costs O(1) per write amortized and a copy at most a quarter of the table.
 */
const MIN_OVERLAY_LIMIT = 2048;

export class CowMap<K, V> implements Iterable<[K, V]> {
  private base: ReadonlyMap<K, V> = Object.freeze(new Map<K, V>());
  private overlay = new Map<K, V | typeof DELETED>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(key: K): V | undefined {
    const value = this.overlay.get(key);
    if (value !== undefined) return value === DELETED ? undefined : value;
    return this.base.get(key);
  }

  has(key: K): boolean {
    const value = this.overlay.get(key);
    if (value !== undefined) return value !== DELETED;
    return this.base.has(key);
  }

  set(key: K, value: V): this {
    if (!this.has(key)) this.count++;
    this.overlay.set(key, value);
    if (this.overlay.size > this.overlayLimit()) this.merge();
    return this;
  }

  delete(key: K): boolean {
    if (!this.has(key)) return false;
    this.count--;
    if (this.base.has(key)) this.overlay.set(key, DELETED);
    else this.overlay.delete(key);
    if (this.overlay.size > this.overlayLimit()) this.merge();
    return true;
  }

  *entries(): IterableIterator<[K, V]> {
    for (const [key, value] of this.base) {
      const override = this.overlay.get(key);
      if (override === undefined) yield [key, value];
      else if (override !== DELETED) yield [key, override];
    }
    for (const [key, value] of this.overlay) {
      if (value !== DELETED && !this.base.has(key)) yield [key, value];
    }
  }

  *values(): IterableIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries();
  }

  private overlayLimit(): number {
    return Math.max(MIN_OVERLAY_LIMIT, this.base.size >> 2);
  }

  private merge(): void {
    const merged = new Map<K, V>(this.base);
    for (const [key, value] of this.overlay) {
      if (value === DELETED) merged.delete(key);
      else merged.set(key, value);
    }
    this.base = Object.freeze(merged);
    this.overlay = new Map();
  }
}
