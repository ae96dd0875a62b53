import { describe, expect, it } from 'vitest';
import { RecencyTable } from './recencyTable';

/** The reference: a Map re-inserted on every write, trimmed from the front of its order. */
class MapModel {
  readonly map = new Map<string, number>();
  set(key: string, value: number): void {
    this.map.delete(key);
    this.map.set(key, value);
  }
  deleteOldest(): void {
    const oldest = this.map.keys().next();
    if (!oldest.done) this.map.delete(oldest.value);
  }
}

/** A small deterministic generator (tests need no engine stream). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('RecencyTable', () => {
  it('answers as a Map re-inserted on every write and trimmed from its oldest key, through rewrites, deletes and compactions', () => {
    for (const [seed, keySpace, cap] of [[1, 50, 20], [2, 5_000, 1_000], [3, 200_000, 3_000], [4, 3, 2]] as const) {
      const random = lcg(seed);
      const table = new RecencyTable();
      const model = new MapModel();
      let mismatches = 0;
      for (let step = 0; step < 30_000; step++) {
        const key = `k${Math.floor(random() * keySpace)}`;
        const roll = random();
        if (roll < 0.8) {
          // Half the writes say whether the key is present, as a caller that just read it does.
          if (step % 2 === 0) table.set(key, step, table.get(key) !== undefined);
          else table.set(key, step);
          model.set(key, step);
          while (table.size > cap) table.deleteOldest();
          while (model.map.size > cap) model.deleteOldest();
        } else if (roll < 0.9) {
          table.delete(key);
          model.map.delete(key);
        } else if (roll < 0.905) {
          // A prune: every key written more than a few hundred steps ago.
          const threshold = step - 300;
          let expected = 0;
          for (const [k, value] of model.map) if (value < threshold && model.map.delete(k)) expected++;
          expect(table.deleteWhere((value) => value < threshold)).toBe(expected);
        } else {
          table.deleteOldest();
          model.deleteOldest();
        }
        if (table.get(key) !== model.map.get(key) || table.size !== model.map.size) mismatches++;
      }
      expect(mismatches).toBe(0);
      // The oldest key leaves first, in the model's order, to the last one.
      const order = [...model.map.keys()];
      for (const key of order) {
        expect(table.get(key)).toBe(model.map.get(key));
        table.deleteOldest();
        expect(table.get(key)).toBeUndefined();
      }
      expect(table.size).toBe(0);
    }
  });

  it('deletes the keys whose value matches in one pass and keeps the others in write order', () => {
    const table = new RecencyTable();
    for (let i = 0; i < 10; i++) table.set(`k${i}`, i);
    table.set('k2', 12);
    expect(table.deleteWhere((value) => value % 2 === 0)).toBe(5);
    expect(table.size).toBe(5);
    expect(table.get('k1')).toBe(1);
    expect(table.get('k2')).toBeUndefined();
    table.deleteOldest();
    expect(table.get('k1')).toBeUndefined();
    expect(table.get('k3')).toBe(3);
  });

  it('keeps exactly the newest keys over a long run of unique keys (the order checker at the limits)', () => {
    const table = new RecencyTable();
    for (let i = 0; i < 400_000; i++) {
      table.set(`order-${i}`, i);
      if (table.size > 131_072) table.deleteOldest();
    }
    expect(table.size).toBe(131_072);
    expect(table.get(`order-${400_000 - 131_072 - 1}`)).toBeUndefined();
    expect(table.get(`order-${400_000 - 131_072}`)).toBe(400_000 - 131_072);
  });
});
