import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IntervalSet } from './intervalSet';

describe('IntervalSet', () => {
  it('keeps contiguous values as one run', () => {
    const set = new IntervalSet();
    for (let i = 0; i < 1000; i++) set.add(i);
    expect(set.runCount).toBe(1);
    expect(set.size).toBe(1000);
    expect(set.add(500)).toBe(false);
  });

  it('behaves like a Set of numbers for any sequence of adds', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 120 }), (values) => {
        const set = new IntervalSet();
        const reference = new Set<number>();
        for (const v of values) expect(set.add(v)).toBe(!reference.has(v) && reference.add(v) !== undefined);
        for (let v = 0; v <= 61; v++) expect(set.has(v)).toBe(reference.has(v));
        expect(set.size).toBe(reference.size);
        expect(set.countIn(10, 40)).toBe([...reference].filter((v) => v >= 10 && v < 40).length);
        const added = set.addRange(20, 30);
        let expectedAdded = 0;
        for (let v = 20; v < 30; v++) {
          if (!reference.has(v)) {
            reference.add(v);
            expectedAdded++;
          }
        }
        expect(added).toBe(expectedAdded);
        for (let v = 0; v <= 61; v++) expect(set.has(v)).toBe(reference.has(v));
        expect(set.size).toBe(reference.size);
      }),
    );
  });
});
