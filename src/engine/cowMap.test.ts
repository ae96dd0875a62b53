import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CowMap } from './cowMap';
import { deepClone } from './deepClone';

describe('CowMap', () => {
  it('behaves like a Map for any sequence of sets and deletes, across merges', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 3000 }), fc.integer()), { maxLength: 6000 }),
        (ops) => {
          const cow = new CowMap<number, number>();
          const reference = new Map<number, number>();
          for (const [isSet, key, value] of ops) {
            if (isSet) {
              cow.set(key, value);
              reference.set(key, value);
            } else {
              expect(cow.delete(key)).toBe(reference.delete(key));
            }
          }
          expect(cow.size).toBe(reference.size);
          expect(new Map(cow)).toEqual(reference);
          for (let key = 0; key <= 3000; key += 97) {
            expect(cow.get(key)).toBe(reference.get(key));
            expect(cow.has(key)).toBe(reference.has(key));
          }
        },
      ),
      { seed: 42, numRuns: 40 },
    );
  });

  it('copies independently with deepClone while sharing its frozen base', () => {
    const original = new CowMap<string, number>();
    for (let i = 0; i < 10_000; i++) original.set(`order-${i}`, i);
    const copy = deepClone(original);
    copy.set('order-1', -1);
    copy.delete('order-2');
    original.set('order-3', -3);
    expect(original.get('order-1')).toBe(1);
    expect(original.get('order-2')).toBe(2);
    expect(copy.get('order-3')).toBe(3);
    expect(copy.get('order-1')).toBe(-1);
    expect(copy.has('order-2')).toBe(false);
    expect(copy.size).toBe(9_999);
    expect(original.size).toBe(10_000);
  });
});
