/**
 * A topic's key → slot lookup (log/keySlots.ts), kept so that checkpoint copies share it.
 *
 * Record keys are nearly always `<prefix><n>` (producer/keys.ts: sequences and uniform or zipf
 * draws over `<prefix>0 …`), and a sequence's new keys come in order. So as in chunkedTable.ts
 * the slot of key `<prefix><n>` (the prefix fixed by the first such key) is kept at index n of
 * chunked Int32 arrays (cowChunks.ts): a copy shares every chunk, and between copies the run
 * writes the few chunks of the newest keys. A chunk whose keys are all gone is dropped, so the
 * index holds about as many chunks as the run holds key ranges. Keys of any other form, below
 * the first chunk or far past the last, are kept aside in a CowMap.
 */
import { CowMap } from '../cowMap';
import { counterStart, counterValue } from '../chunkedTable';
import { CHUNK, CHUNK_BITS, CowNumbers } from '../cowChunks';

/** Empty chunks a new key may open past the highest one; farther keys are kept aside. */
const MAX_GAP_CHUNKS = 64;
const NONE = -1;

export class KeyIndex {
  private prefix: string | null = null;
  /** Counters below `low` are kept aside (it starts at the first counter's chunk, and rises past emptied chunks). */
  private low = 0;
  /** One past the highest counter kept in chunks. */
  private high = 0;
  private values = new CowNumbers(false, NONE);
  /** Per chunk from `low`'s on, how many keys it holds: at 0 the chunk is dropped. */
  private counts: number[] = [];
  private aside = new CowMap<string, number>();
  /**
   * The key whose counter was found last, and that counter: a key is looked up and then set
   * in a row (a new key's slot), so the second finds it here instead of parsing it again.
   */
  private lastKey: string | null = null;
  private lastCounter = NONE;

  /** The key's slot, or −1. */
  get(key: string): number {
    const n = this.counterOf(key);
    if (n >= 0) {
      const slot = this.values.get(n);
      if (slot !== NONE || this.aside.size === 0) return slot;
    }
    return this.aside.get(key) ?? NONE;
  }

  /**
   * Sets the key's slot; returns the counter it is kept under in the chunks, or −1 when it is
   * kept aside. Until the key is deleted, `deleteCounted` of that counter deletes it without
   * reading the key (keySlots.ts: a slot reused long after its key was freed).
   */
  set(key: string, slot: number): number {
    // Checked here only, where it is expected to be the same string (a lookup then its set): a
    // lookup of another key would compare their characters.
    let n = key === this.lastKey ? this.lastCounter : this.counterOf(key);
    if (n < 0 && this.prefix === null) n = this.adoptPrefix(key);
    if (n >= this.low && n < this.high + MAX_GAP_CHUNKS * CHUNK && (this.aside.size === 0 || !this.aside.has(key))) {
      if (this.values.get(n) === NONE) {
        const k = (n - this.low) >> CHUNK_BITS;
        while (this.counts.length <= k) this.counts.push(0);
        this.counts[k]!++;
      }
      this.values.set(n, slot);
      if (n >= this.high) this.high = n + 1;
      return n;
    }
    this.aside.set(key, slot);
    return NONE;
  }

  delete(key: string): void {
    const n = this.counterOf(key);
    if (n >= 0 && this.values.get(n) !== NONE) this.deleteCounted(n);
    else this.aside.delete(key);
  }

  /** Deletes the key `set` kept under counter `n` (what it returned, ≥ 0). */
  deleteCounted(n: number): void {
    this.values.set(n, NONE);
    if (--this.counts[(n - this.low) >> CHUNK_BITS]! === 0) {
      this.values.dropChunk(n);
      // Emptied at the low end (a sequence's old keys): the chunks start at the first one kept.
      const low = this.values.firstHeld(this.high - (this.high % CHUNK));
      if (low > this.low) {
        this.counts = this.counts.slice((low - this.low) >> CHUNK_BITS);
        this.low = low;
        this.values.dropBefore(low);
      }
    }
  }

  /** An independent copy (for `deepClone`): the chunks and the aside map's layers are shared. */
  copy(): KeyIndex {
    const out = Object.create(KeyIndex.prototype as object) as KeyIndex;
    out.prefix = this.prefix;
    out.low = this.low;
    out.high = this.high;
    out.values = this.values.copy();
    out.counts = this.counts.slice();
    out.aside = this.aside.copy();
    out.lastKey = this.lastKey;
    out.lastCounter = this.lastCounter;
    return out;
  }

  /** n when `key` is `<prefix><n>` (decimal, no leading zero, at most nine digits: chunkedTable.ts's `counterStart`), else −1. */
  private counterOf(key: string): number {
    const prefix = this.prefix;
    if (prefix === null) return NONE;
    const start = counterStart(key);
    const n = start !== prefix.length || !key.startsWith(prefix) ? NONE : counterValue(key, start);
    // Remembered only once the prefix is fixed (it never changes after).
    this.lastKey = key;
    this.lastCounter = n;
    return n;
  }

  /** The first key of the form `<prefix><n>` fixes the prefix and where the chunks start. */
  private adoptPrefix(key: string): number {
    const start = counterStart(key);
    if (start < 0) return NONE;
    this.prefix = key.slice(0, start);
    const n = counterValue(key, start);
    this.low = this.high = n - (n % CHUNK);
    this.values.dropBefore(this.low);
    return n;
  }
}
