import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deepClone } from '../deepClone';
import { KeyIndex } from './keyIndex';

/** Keys of every form a topic meets: counted, far, leading zeros, other prefixes, none. */
const keyArbitrary = (range: number) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.nat(range).map((n) => `order-${n}`) },
    { weight: 2, arbitrary: fc.nat(range).map((n) => `order-${n + 5_000_000}`) },
    { weight: 1, arbitrary: fc.nat(40).map((n) => `order-0${n}`) },
    { weight: 1, arbitrary: fc.nat(40).map((n) => `pay-${n}`) },
    { weight: 1, arbitrary: fc.constantFrom('abc', 'order-', 'order-1234567890', '7', '', 'order-x1') },
  );

type Op = readonly ['set', string, number] | readonly ['delete', string] | readonly ['copy', number];

const opArbitrary = (range: number, deleteWeight: number) =>
  fc.oneof(
    { weight: 10, arbitrary: fc.tuple(fc.constant('set' as const), keyArbitrary(range), fc.nat(1_000_000)) },
    { weight: deleteWeight, arbitrary: fc.tuple(fc.constant('delete' as const), keyArbitrary(range)) },
    { weight: 1, arbitrary: fc.tuple(fc.constant('copy' as const), fc.nat(5)) },
  );

/**
 * Plays `ops` on an index and on a Map; checks every index ever copied off (each went on being
 * written) against its own Map. Half the deletes of a key kept in the chunks go by the counter
 * `set` returned for it (`deleteCounted`), as keySlots.ts deletes a reused slot's old key.
 */
function check(ops: readonly Op[]): void {
  let index = new KeyIndex();
  let model = new Map<string, number>();
  // The live index's counter per key it holds (copies hold the same until they diverge).
  const counters = new Map<string, number>();
  const leftBehind: Array<[KeyIndex, Map<string, number>]> = [];
  const everyKey = new Set<string>(['order-0', 'order-01', 'pay-1', 'zzz', 'order-999999999']);
  for (const op of ops) {
    if (op[0] === 'set') {
      everyKey.add(op[1]);
      const counter = index.set(op[1], op[2]);
      if (counters.has(op[1])) expect(counter).toBe(counters.get(op[1]));
      counters.set(op[1], counter);
      model.set(op[1], op[2]);
    } else if (op[0] === 'delete') {
      const counter = counters.get(op[1]) ?? -1;
      if (counter >= 0 && op[1].length % 2 === 0) index.deleteCounted(counter);
      else index.delete(op[1]);
      counters.delete(op[1]);
      model.delete(op[1]);
    } else {
      // A checkpoint copy; the run continues from it, from a copy of it (a seek), or goes on.
      const copy = deepClone({ index }).index;
      const choice = op[1] % 3;
      leftBehind.push(choice === 0 ? [copy, new Map(model)] : [index, new Map(model)]);
      index = choice === 0 ? index : choice === 1 ? copy : copy.copy();
      model = new Map(model);
      const [behind, behindModel] = leftBehind[leftBehind.length - 1]!;
      behind.set(`order-${op[1]}`, 7 + op[1]);
      behindModel.set(`order-${op[1]}`, 7 + op[1]);
    }
  }
  for (const [i, m] of [[index, model] as const, ...leftBehind]) {
    const keys = [...everyKey];
    expect(keys.map((key) => i.get(key))).toEqual(keys.map((key) => m.get(key) ?? -1));
  }
}

describe('KeyIndex', () => {
  it('answers as a Map for any sets, deletes and copies continued on either side', () => {
    fc.assert(fc.property(fc.array(opArbitrary(5_000, 3), { minLength: 500, maxLength: 4_000 }), (ops) => check(ops)), { seed: 11, numRuns: 15, endOnFailure: true });
  });

  it('answers as a Map under heavy deletes (chunks emptied and dropped) and re-sets', () => {
    fc.assert(fc.property(fc.array(opArbitrary(3_000, 12), { minLength: 3_000, maxLength: 8_000 }), (ops) => check(ops)), { seed: 12, numRuns: 8, endOnFailure: true });
  });

  it('keeps only the chunks of the keys it holds: a sequence of keys, the oldest deleted, holds a window', () => {
    const index = new KeyIndex();
    for (let n = 1; n <= 500_000; n++) {
      index.set(`order-${n}`, n & 0xffff);
      if (n > 10_000) index.delete(`order-${n - 10_000}`);
    }
    const values = (index as unknown as { values: { chunkBytes: number } }).values;
    expect(values.chunkBytes).toBeLessThanOrEqual(12 * 4096);
    expect(index.get('order-490001')).toBe(490_001 & 0xffff);
    expect(index.get('order-490000')).toBe(-1);
  });
});
