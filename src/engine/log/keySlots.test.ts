import { describe, expect, it } from 'vitest';
import { KeySlots } from './keySlots';

/** A small deterministic generator (tests need no engine stream). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('KeySlots', () => {
  it('gives a slot while some table holds the key, frees it after the last release, and reuses it', () => {
    const slots = new KeySlots();
    const a = slots.hold('a', slots.slotOf('a'));
    expect(slots.hold('a', slots.slotOf('a'))).toBe(a);
    slots.release(a);
    expect(slots.slotOf('a')).toBe(a);
    slots.release(a);
    expect(slots.size).toBe(0);
    // Freed, the slot keeps its key until another key takes it.
    expect(slots.slotOf('a')).toBe(a);
    expect(slots.hold('b', -1)).toBe(a);
    expect(slots.slotOf('a')).toBe(-1);
    expect(slots.size).toBe(1);
  });

  it('answers through the memo exactly as a lookup, when offsets are reused by other keys and slots by other keys', () => {
    const random = lcg(7);
    const slots = new KeySlots();
    const held: number[] = [];
    // Offsets of 3 partitions, each record's key drawn from a small space; truncation (an offset
    // read again with another key) and seeks (offsets far ahead) on the way.
    const keyAt = new Map<string, string>();
    for (let step = 0; step < 60_000; step++) {
      const partition = Math.floor(random() * 3);
      const offset = random() < 0.01 ? Math.floor(random() * 1_000_000) : Math.floor(random() * 20_000);
      const id = `${partition}@${offset}`;
      if (!keyAt.has(id) || random() < 0.05) keyAt.set(id, `key-${Math.floor(random() * 500)}`);
      const key = keyAt.get(id)!;
      const found = slots.slotOfRecord(partition, offset, key);
      if (found !== slots.slotOf(key)) expect({ step, found }).toEqual({ step, found: slots.slotOf(key) });
      if (random() < 0.5) {
        const slot = slots.hold(key, found);
        if (slot !== found) slots.remember(partition, offset, slot);
        held.push(slot);
      } else if (held.length > 0) {
        slots.release(held.splice(Math.floor(random() * held.length), 1)[0]!);
      }
    }
  });
});
