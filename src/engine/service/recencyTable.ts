/**
 * A bounded table of the most recently written keys: string → number, where writing a key makes
 * it the newest and the owner drops the oldest when over its cap. It answers exactly as a Map
 * re-inserted on every write and trimmed by `map.delete(map.keys().next().value)` would, without
 * that trim's cost: V8 leaves a hole at the front of a Map's table for every key deleted there,
 * and a new iterator walks every hole until the table is rehashed, so at 131,072 keys dropping
 * the oldest once per record took most of a run's time (issue 20: the limits scenario).
 *
 * Here the write order is a queue of (key, value) entries stamped by position; the Map holds each
 * key's stamp. A rewrite appends a new entry and leaves the old one stale (its stamp no longer
 * the key's); dropping the oldest skips stale entries. The queue is compacted when stale entries
 * outnumber live ones, so memory stays within a small multiple of the live keys.
 */
export class RecencyTable {
  /** Each live key's stamp: its entry's position in the queue (base-relative). */
  private readonly stampOf = new Map<string, number>();
  /** The queue, oldest first from `head`; `undefined` where an entry was dropped. */
  private keys: (string | undefined)[] = [];
  private values: number[] = [];
  /** Stamp of `keys[0]`. */
  private base = 0;
  /** Index of the oldest entry that may still be live. */
  private head = 0;

  get size(): number {
    return this.stampOf.size;
  }

  get(key: string): number | undefined {
    const stamp = this.stampOf.get(key);
    return stamp === undefined ? undefined : this.values[stamp - this.base];
  }

  /** Writes `value` for `key`, which becomes the newest key. */
  set(key: string, value: number): void {
    this.stampOf.set(key, this.base + this.keys.length);
    this.keys.push(key);
    this.values.push(value);
    if (this.keys.length - this.head > 2 * this.stampOf.size + 1024) this.compact();
  }

  delete(key: string): void {
    // Its entry in the queue goes stale: its stamp is no longer the key's.
    this.stampOf.delete(key);
  }

  /** Drops the key written longest ago (nothing when empty). */
  deleteOldest(): void {
    while (this.head < this.keys.length) {
      const index = this.head++;
      const key = this.keys[index];
      this.keys[index] = undefined;
      if (key !== undefined && this.stampOf.get(key) === this.base + index) {
        this.stampOf.delete(key);
        break;
      }
    }
    // Drop the spent front once it is most of the queue (amortised O(1) per entry).
    if (this.head > 1024 && this.head * 2 > this.keys.length) {
      this.keys = this.keys.slice(this.head);
      this.values = this.values.slice(this.head);
      this.base += this.head;
      this.head = 0;
    }
  }

  /** Every live key with its value (any order; `fn` may delete the key it is given). */
  forEach(fn: (value: number, key: string) => void): void {
    this.stampOf.forEach((stamp, key) => fn(this.values[stamp - this.base]!, key));
  }

  /** Keeps only the live entries, in write order, under new stamps after every old one. */
  private compact(): void {
    const keys: string[] = [];
    const values: number[] = [];
    const base = this.base + this.keys.length;
    for (let index = this.head; index < this.keys.length; index++) {
      const key = this.keys[index];
      if (key === undefined || this.stampOf.get(key) !== this.base + index) continue;
      this.stampOf.set(key, base + keys.length);
      keys.push(key);
      values.push(this.values[index]!);
    }
    this.keys = keys;
    this.values = values;
    this.base = base;
    this.head = 0;
  }
}
