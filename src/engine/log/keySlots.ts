/**
 * A topic's record keys as small integers (slots), for the per-key order checker of every group
 * reading the topic (service/orderKeyTable.ts): each group keeps its table in plain arrays
 * indexed by slot, so the groups share this one string lookup per topic instead of each keeping
 * a string-keyed Map of its own (at the limits, 16 groups × 16 topics of 131,072 keys each made
 * those Maps most of the heap and of the CPU of a backlog).
 *
 * A key has a slot while at least one group's table holds it (a count of holders per slot);
 * once none does, the slot is free and may go to another key. So this table is never larger
 * than the group tables together at their largest, which are bounded, and a slot's meaning
 * changes only when no table still refers to it. A freed slot keeps its key until it is given
 * to another, so a prune that frees a million keys at once (retention, groupStats.pruneKeys)
 * does no string-keyed deletes in that step: each happens later, when its slot is reused.
 *
 * Every group processes the same records, so the slot found for a record is remembered by its
 * partition and offset (a window of the newest offsets per partition): the other groups reading
 * that record then find it by two array reads instead of a string lookup. A remembered slot is
 * used only while it still belongs to the record's key, so the memo can never give a wrong slot.
 */

/** Offsets remembered per partition: the memo drops its older half past twice this. */
const MEMO_WINDOW = 4096;
export class KeySlots {
  private readonly slots = new Map<string, number>();
  /** Per slot: its key, or null when free. */
  private readonly keys: Array<string | null> = [];
  /** Per slot: how many tables hold it. */
  private readonly holders: number[] = [];
  /** Slots with no holder, reused last-freed first (an entry is skipped if its slot is held again). */
  private free: number[] = [];
  private held = 0;
  /** Per partition, the slot last found for each offset from `memoBase` on (−1: none). */
  private readonly memo: number[][] = [];
  private readonly memoBase: number[] = [];

  /** Keys held by at least one table. */
  get size(): number {
    return this.held;
  }

  /** The key's slot, or −1 when it has none (a key no table holds may keep its freed slot). */
  slotOf(key: string): number {
    return this.slots.get(key) ?? -1;
  }

  /**
   * `slotOf(key)` for a record (`key` its key) at `offset` of `partition`, through the memo,
   * and remembers the answer for the next group reading the same record.
   */
  slotOfRecord(partition: number, offset: number, key: string): number {
    const memo = this.memo[partition];
    const index = memo === undefined ? -1 : offset - this.memoBase[partition]!;
    if (index >= 0 && index < memo!.length) {
      const remembered = memo![index]!;
      if (remembered >= 0 && this.keys[remembered] === key) return remembered;
    }
    const slot = this.slotOf(key);
    if (slot >= 0) this.remember(partition, offset, slot);
    return slot;
  }

  /** Remembers that the record at `offset` of `partition` has its key in `slot`. */
  remember(partition: number, offset: number, slot: number): void {
    while (this.memo.length <= partition) {
      this.memo.push([]);
      this.memoBase.push(0);
    }
    let memo = this.memo[partition]!;
    let index = offset - this.memoBase[partition]!;
    if (index < 0) return;
    if (index > memo.length + MEMO_WINDOW) {
      // Far ahead of what is remembered (a reset or a seek): start again from here.
      memo = this.memo[partition] = [];
      this.memoBase[partition] = offset;
      index = 0;
    }
    while (memo.length < index) memo.push(-1);
    memo[index] = slot;
    if (memo.length > 2 * MEMO_WINDOW) {
      this.memo[partition] = memo.slice(MEMO_WINDOW);
      this.memoBase[partition]! += MEMO_WINDOW;
    }
  }

  /**
   * A table starts holding `key`; returns its slot. `slot` is what `slotOf` returned for it
   * just before (saves a lookup): −1 gives the key a slot now.
   */
  hold(key: string, slot: number): number {
    if (slot >= 0) {
      if (this.holders[slot]!++ === 0) this.held++;
      return slot;
    }
    let given = -1;
    while (this.free.length > 0) {
      const candidate = this.free.pop()!;
      if (this.holders[candidate] === 0) {
        given = candidate;
        break;
      }
    }
    if (given < 0) {
      given = this.keys.length;
      this.keys.push(key);
      this.holders.push(1);
    } else {
      this.slots.delete(this.keys[given]!);
      this.keys[given] = key;
      this.holders[given] = 1;
    }
    this.held++;
    this.slots.set(key, given);
    return given;
  }

  /** A table no longer holds the key in `slot`; after the last one the slot is free. */
  release(slot: number): void {
    if (--this.holders[slot]! > 0) return;
    this.held--;
    this.free.push(slot);
    // A slot freed, held again and freed again is listed twice: keep the list within the slots.
    if (this.free.length > 2 * this.keys.length) this.free = [...new Set(this.free.filter((s) => this.holders[s] === 0))];
  }
}
