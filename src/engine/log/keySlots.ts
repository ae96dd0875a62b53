/**
 * A topic's record keys as small integers (slots), for the per-key order checker of every group
 * reading the topic (service/orderKeyTable.ts): each group keeps its table in plain arrays
 * indexed by slot, so the groups share this one string lookup per topic instead of each keeping
 * a string-keyed Map of its own (at the limits, 16 groups × 16 topics of 131,072 keys each made
 * those Maps most of the heap and of the CPU of a backlog).
 *
 * A key has a slot while at least one group's table holds it (a count of holders per slot);
 * once none does, the slot is freed and may go to another key. So this table is never larger
 * than the group tables together, which are bounded, and a slot's meaning changes only when no
 * table still refers to it.
 */
export class KeySlots {
  private readonly slots = new Map<string, number>();
  /** Per slot: its key, or null when free. */
  private readonly keys: Array<string | null> = [];
  /** Per slot: how many tables hold it. */
  private readonly holders: number[] = [];
  private readonly free: number[] = [];

  /** Keys with a slot (held by at least one table). */
  get size(): number {
    return this.slots.size;
  }

  /** The key's slot, or −1 when no table holds it. */
  slotOf(key: string): number {
    return this.slots.get(key) ?? -1;
  }

  /**
   * A table starts holding `key`; returns its slot. `slot` is what `slotOf` returned for it
   * just before (saves a lookup): −1 gives the key a slot now.
   */
  hold(key: string, slot: number): number {
    if (slot >= 0) {
      this.holders[slot]!++;
      return slot;
    }
    const reused = this.free.pop();
    const given = reused ?? this.keys.length;
    if (reused === undefined) {
      this.keys.push(key);
      this.holders.push(1);
    } else {
      this.keys[given] = key;
      this.holders[given] = 1;
    }
    this.slots.set(key, given);
    return given;
  }

  /** A table no longer holds the key in `slot`; the last one frees the slot. */
  release(slot: number): void {
    if (--this.holders[slot]! > 0) return;
    this.slots.delete(this.keys[slot]!);
    this.keys[slot] = null;
    this.free.push(slot);
  }
}
