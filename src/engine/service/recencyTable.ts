/**
 * (GroupStats keeps its repeat counts in one; the order checker's tables, orderKeyTable.ts, answer
 * as one would, and its test compares them.)
 *
 * A bounded table of the most recently written keys: string → number, where writing a key makes
 * it the newest and the owner drops the oldest when over its cap. It answers exactly as a Map
 * re-inserted on every write and trimmed by `map.delete(map.keys().next().value)` would, without
 * that trim's cost: V8 leaves a hole at the front of a Map's table for every key deleted there,
 * and a new iterator walks every hole until the table is rehashed, so at 131,072 keys dropping
 * the oldest once per record took most of a run's time (issue 20: the limits scenario).
 *
 * Here the write order is a queue of keys beside the Map. A rewrite or a delete leaves the key's
 * earlier entries in the queue stale; `stale` counts them per key (only keys written more than
 * once or deleted have a count, so unique keys cost one queue slot each). A key's live entry is
 * always its newest, so dropping the oldest skips an entry while its key has stale ones left.
 * The queue is compacted when stale entries outnumber live ones.
 */
export class RecencyTable {
  private readonly values = new Map<string, number>();
  /** Keys in write order, oldest first from `head`. */
  private queue: string[] = [];
  private head = 0;
  /** Per key, how many of its entries in the queue are stale. */
  private readonly stale = new Map<string, number>();
  private staleTotal = 0;

  get size(): number {
    return this.values.size;
  }

  get(key: string): number | undefined {
    return this.values.get(key);
  }

  /**
   * Writes `value` for `key`, which becomes the newest key. `present`: whether the key is in the
   * table, when the caller has just read it (saves a lookup per record on the hot path).
   */
  set(key: string, value: number, present = this.values.has(key)): void {
    if (present) this.markStale(key);
    this.values.set(key, value);
    this.queue.push(key);
    if (this.staleTotal > this.values.size + 1024) this.compact();
  }

  delete(key: string): void {
    if (this.values.delete(key)) this.markStale(key);
  }

  /** Drops the key written longest ago (nothing when empty). */
  deleteOldest(): void {
    while (this.head < this.queue.length) {
      const key = this.queue[this.head++]!;
      if (!this.unmarkStale(key)) {
        this.values.delete(key);
        break;
      }
    }
    // Drop the spent front once it is most of the queue (amortised O(1) per entry).
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }

  /**
   * Deletes every key whose value `matches` and returns how many, in one pass over the queue
   * that also drops stale entries: the same table as deleting each key, without counting the
   * deleted keys' entries as stale first (a prune deletes most of the table).
   */
  deleteWhere(matches: (value: number) => boolean): number {
    const queue: string[] = [];
    let deleted = 0;
    for (let index = this.head; index < this.queue.length; index++) {
      const key = this.queue[index]!;
      if (this.unmarkStale(key)) continue;
      if (matches(this.values.get(key)!)) {
        this.values.delete(key);
        deleted++;
      } else {
        queue.push(key);
      }
    }
    this.queue = queue;
    this.head = 0;
    return deleted;
  }

  private markStale(key: string): void {
    this.stale.set(key, (this.stale.get(key) ?? 0) + 1);
    this.staleTotal++;
  }

  /** Consumes one stale entry of `key`; false when it has none (the entry is its live one). */
  private unmarkStale(key: string): boolean {
    const count = this.stale.get(key);
    if (count === undefined) return false;
    if (count === 1) this.stale.delete(key);
    else this.stale.set(key, count - 1);
    this.staleTotal--;
    return true;
  }

  /** Keeps only the live entries, in write order. */
  private compact(): void {
    const queue: string[] = [];
    for (let index = this.head; index < this.queue.length; index++) {
      const key = this.queue[index]!;
      if (!this.unmarkStale(key)) queue.push(key);
    }
    this.queue = queue;
    this.head = 0;
  }
}
