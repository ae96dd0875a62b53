import { describe, expect, it } from 'vitest';
import { KeySlots } from '../log/keySlots';
import { OrderKeyTable } from './orderKeyTable';
import { RecencyTable } from './recencyTable';

/** A small deterministic generator (tests need no engine stream). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Several groups' tables over one topic's slots, each beside the string-keyed RecencyTable it replaces. */
function check(seed: number, keySpace: number, cap: number, tables: number, operations: number, jitter = 0, bucketSeqs?: number): void {
  const random = lcg(seed);
  const slots = new KeySlots();
  const pairs = Array.from({ length: tables }, () => ({ table: new OrderKeyTable(bucketSeqs), model: new RecencyTable() }));
  for (let step = 0; step < operations; step++) {
    const { table, model } = pairs[Math.floor(random() * tables)]!;
    const roll = random();
    if (roll < 0.02) {
      const bound = Math.floor(random() * step);
      expect(table.deleteBelow(bound, slots)).toBe(model.deleteWhere((seq) => seq < bound));
    } else {
      const key = `key-${Math.floor(random() * keySpace)}`;
      const slot = slots.slotOf(key);
      const present = table.has(slot);
      // Plain comparisons on the hot path (expect per step made the test slow); expect on a mismatch.
      if (present !== (model.get(key) !== undefined) || (present && table.latest(slot) !== model.get(key))) {
        expect({ step, key, present, latest: present ? table.latest(slot) : undefined }).toEqual({ step, key, present: model.get(key) !== undefined, latest: model.get(key) });
      }
      // Sequences arrive out of order by up to `jitter` (partitions processed at different paces).
      const seq = Math.max(0, step - Math.floor(random() * jitter));
      table.write(present ? slot : slots.hold(key, slot), seq, present);
      model.set(key, seq);
      if (model.size > cap) {
        table.deleteOldest(slots);
        model.deleteOldest();
      }
    }
    if (table.size !== model.size) expect({ step, size: table.size }).toEqual({ step, size: model.size });
  }
  // Every key some table holds has a slot; no other key does.
  for (let k = 0; k < keySpace; k += Math.ceil(keySpace / 5_000)) {
    const key = `key-${k}`;
    const held = pairs.some(({ model }) => model.get(key) !== undefined);
    if (held) expect(slots.slotOf(key)).toBeGreaterThanOrEqual(0);
    for (const { table, model } of pairs) {
      expect(table.has(slots.slotOf(key))).toBe(model.get(key) !== undefined);
      if (model.get(key) !== undefined) expect(table.latest(slots.slotOf(key))).toBe(model.get(key));
    }
  }
  expect(slots.size).toBeLessThanOrEqual(pairs.reduce((sum, { model }) => sum + model.size, 0));
}

describe('OrderKeyTable over shared KeySlots', () => {
  it('answers as the string-keyed RecencyTable through rewrites, trims, prunes and compactions, with slots reused', () => {
    for (const [seed, keySpace, cap, tables] of [[1, 50, 20, 3], [2, 5_000, 1_000, 4], [3, 200_000, 3_000, 2], [4, 3, 2, 5], [5, 3_000, 2_500, 1]] as const) {
      check(seed, keySpace, cap, tables, 20_000);
    }
  });

  it('prunes by sequence exactly when sequences arrive out of order across many buckets', () => {
    for (const [seed, keySpace, cap, tables, jitter, bucketSeqs] of [[6, 50, 20, 3, 5_000, 64], [7, 5_000, 1_000, 4, 3_000, 1_000], [8, 200_000, 3_000, 2, 1_500, 256], [9, 3_000, 2_500, 1, 20_000, undefined]] as const) {
      check(seed, keySpace, cap, tables, 40_000, jitter, bucketSeqs);
    }
  });

  it('keeps the key written longest ago first in line through a long run of unique keys', () => {
    const slots = new KeySlots();
    const table = new OrderKeyTable();
    for (let i = 0; i < 20_000; i++) {
      const key = `order-${i}`;
      table.write(slots.hold(key, slots.slotOf(key)), i, false);
      if (table.size > 1_000) table.deleteOldest(slots);
    }
    expect(table.size).toBe(1_000);
    expect(slots.size).toBe(1_000);
    expect(table.has(slots.slotOf('order-18999'))).toBe(false);
    expect(table.latest(slots.slotOf('order-19000'))).toBe(19_000);
    expect(slots.hold('order-x', -1)).toBe(slots.slotOf('order-x'));
    expect(slots.slotOf('order-18999')).toBe(-1);
  });
});
