/**
 * A topic's record keys as small integers (slots), for the per-key order checker of every group
 * reading the topic (service/orderKeyTable.ts): each group keeps its table in plain arrays
 * indexed by slot, so the groups share this one string lookup per topic instead of each keeping
 * a string-keyed Map of its own (at the limits, 16 groups × 16 topics of 131,072 keys each made
 * those Maps most of the heap and of the CPU of a backlog).
 *
 * A key has a slot while at least one group's table holds it (a count of holders per slot);
 * once none does, the slot is free and may go to another key: the lowest free slot first. So
 * the keys given slots between two checkpoint copies take a narrow range of slots (where free
 * ones are densest, at the low end), and so do the keys a prune frees later: the run writes a
 * few chunks of each table between copies (below), not all of them, as reusing slots in the
 * order they were freed did (groups free a key at different times, so that order is scattered). So this table is never larger
 * than the group tables together at their largest, which are bounded, and a slot's meaning
 * changes only when no table still refers to it. A freed slot keeps its key until it is given
 * to another, so a prune that frees a million keys at once (retention, groupStats.pruneKeys)
 * does no string-keyed deletes in that step: each happens later, when its slot is reused.
 *
 * Every group processes the same records, so the slot found for a record is remembered by its
 * partition and offset (a window of the newest offsets per partition): the other groups reading
 * that record then find it by two array reads instead of a string lookup. A remembered slot is
 * used only while it still belongs to the record's key, so the memo can never give a wrong slot.
 *
 * Checkpoint copies share the tables (cowChunks.ts, keyIndex.ts): a copy shares every chunk,
 * and the run copies a chunk when it next writes to it, so a copy costs its directories and the
 * few chunks written since the previous one, not a table the size of the keys held.
 */
import { CowList, CowNumbers } from '../cowChunks';
import { KeyIndex } from './keyIndex';

/** Offsets remembered per partition: the memo keeps the newest two windows of them. */
const MEMO_WINDOW = 4096;
const NONE = -1;

export class KeySlots {
  private slots = new KeyIndex();
  /** Per slot: its key, or null when free. */
  private keys = new CowList<string | null>(null);
  /** Per slot: how many tables hold it. */
  private holders = new CowNumbers(false, 0);
  /**
   * Per slot: the counter its key is kept under in `slots` (keyIndex.ts), or −1 when kept
   * aside. Reusing a slot deletes its old key by this number: the key string, freed long before,
   * is no longer in the processor's caches, and reading it was most of the cost of a new key.
   */
  private counters = new CowNumbers(false, NONE);
  /** Slots given so far (slots are numbered from 0). */
  private slotCount = 0;
  /** A bit per slot (32 to a word): set while the slot has no holder. */
  private free = new CowNumbers(false, 0);
  /** No slot below this is free. */
  private lowestFree = 0;
  /** Free slots: at 0 no search (slots freed one at a time are mostly taken at once). */
  private freeCount = 0;
  private held = 0;
  /** Per partition, the slot last found for each offset (−1: none), newest offsets only. */
  private memo: CowNumbers[] = [];
  /** Per partition, one past the highest offset remembered. */
  private memoEnd: number[] = [];

  /** Keys held by at least one table. */
  get size(): number {
    return this.held;
  }

  /** The key's slot, or −1 when it has none (a key no table holds may keep its freed slot). */
  slotOf(key: string): number {
    return this.slots.get(key);
  }

  /**
   * `slotOf(key)` for a record (`key` its key) at `offset` of `partition`, through the memo,
   * and remembers the answer for the next group reading the same record.
   */
  slotOfRecord(partition: number, offset: number, key: string): number {
    const memo = this.memo[partition];
    if (memo !== undefined) {
      const remembered = memo.get(offset);
      if (remembered >= 0 && this.keys.get(remembered) === key) return remembered;
    }
    const slot = this.slots.get(key);
    if (slot >= 0) this.remember(partition, offset, slot);
    return slot;
  }

  /** Remembers that the record at `offset` of `partition` has its key in `slot`. */
  remember(partition: number, offset: number, slot: number): void {
    while (this.memo.length <= partition) {
      this.memo.push(new CowNumbers(false, NONE));
      this.memoEnd.push(0);
    }
    let memo = this.memo[partition]!;
    const end = this.memoEnd[partition]!;
    if (offset > end + MEMO_WINDOW) {
      // Far ahead of what is remembered (a reset or a seek): start again from here.
      memo = this.memo[partition] = new CowNumbers(false, NONE);
      memo.dropBefore(offset);
    }
    memo.set(offset, slot);
    if (offset >= end) {
      this.memoEnd[partition] = offset + 1;
      memo.dropBefore(offset + 1 - 2 * MEMO_WINDOW);
    }
  }

  /**
   * A table starts holding `key`; returns its slot. `slot` is what `slotOf` returned for it
   * just before (saves a lookup): −1 gives the key a slot now.
   */
  hold(key: string, slot: number): number {
    const holders = this.holders;
    if (slot >= 0) {
      const count = holders.get(slot);
      holders.set(slot, count + 1);
      if (count === 0) {
        this.held++;
        this.setFree(slot, false);
      }
      return slot;
    }
    let given = this.takeLowestFree();
    if (given < 0) given = this.slotCount++;
    else {
      const counter = this.counters.get(given);
      if (counter >= 0) this.slots.deleteCounted(counter);
      else this.slots.delete(this.keys.get(given)!);
    }
    this.keys.set(given, key);
    holders.set(given, 1);
    this.held++;
    this.counters.set(given, this.slots.set(key, given));
    return given;
  }

  /** A table no longer holds the key in `slot`; after the last one the slot is free. */
  release(slot: number): void {
    const count = this.holders.get(slot) - 1;
    this.holders.set(slot, count);
    if (count > 0) return;
    this.held--;
    this.setFree(slot, true);
    if (slot < this.lowestFree) this.lowestFree = slot;
  }

  /**
   * An independent copy (for `deepClone`): every chunk is shared until written. The memo is
   * shared too (it is a cache: a remembered slot is used only while its key is the record's).
   */
  copy(): KeySlots {
    const out = Object.create(KeySlots.prototype as object) as KeySlots;
    out.slots = this.slots.copy();
    out.keys = this.keys.copy();
    out.holders = this.holders.copy();
    out.counters = this.counters.copy();
    out.slotCount = this.slotCount;
    out.free = this.free.copy();
    out.lowestFree = this.lowestFree;
    out.freeCount = this.freeCount;
    out.held = this.held;
    out.memo = this.memo.map((memo) => memo.copy());
    out.memoEnd = this.memoEnd.slice();
    return out;
  }

  private setFree(slot: number, free: boolean): void {
    const word = slot >> 5;
    const bits = this.free.get(word);
    const bit = 1 << (slot & 31);
    this.free.set(word, free ? bits | bit : bits & ~bit);
    if ((bits & bit) === 0 ? free : !free) this.freeCount += free ? 1 : -1;
  }

  /** The lowest free slot, no longer free; −1 when none is. */
  private takeLowestFree(): number {
    if (this.freeCount === 0) return NONE;
    const words = (this.slotCount + 31) >> 5;
    for (let word = this.lowestFree >> 5; word < words; word++) {
      const bits = this.free.get(word);
      if (bits === 0) continue;
      const slot = (word << 5) + 31 - Math.clz32(bits & -bits);
      this.free.set(word, bits & (bits - 1));
      this.freeCount--;
      this.lowestFree = slot + 1;
      return slot;
    }
    this.lowestFree = this.slotCount;
    return NONE;
  }
}
