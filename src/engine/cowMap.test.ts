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

/** The single-overlay CowMap before its overlay had a sealed layer: what the two layers must equal. */
class OneOverlay {
  base: ReadonlyMap<number, number> = new Map();
  overlay = new Map<number, number | 'deleted'>();
  has(key: number): boolean {
    const value = this.overlay.get(key);
    return value !== undefined ? value !== 'deleted' : this.base.has(key);
  }
  set(key: number, value: number): void {
    this.overlay.set(key, value);
    this.mergeIfFull();
  }
  delete(key: number): boolean {
    if (!this.has(key)) return false;
    if (this.base.has(key)) this.overlay.set(key, 'deleted');
    else this.overlay.delete(key);
    this.mergeIfFull();
    return true;
  }
  entries(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (const [key, value] of this.base) {
      const override = this.overlay.get(key);
      if (override === undefined) out.push([key, value]);
      else if (override !== 'deleted') out.push([key, override]);
    }
    for (const [key, value] of this.overlay) if (value !== 'deleted' && !this.base.has(key)) out.push([key, value]);
    return out;
  }
  copy(): OneOverlay {
    const out = new OneOverlay();
    out.base = this.base;
    out.overlay = new Map(this.overlay);
    return out;
  }
  private mergeIfFull(): void {
    if (this.overlay.size <= Math.max(2048, this.base.size >> 2)) return;
    const merged = new Map(this.base);
    for (const [key, value] of this.overlay) {
      if (value === 'deleted') merged.delete(key);
      else merged.set(key, value);
    }
    this.base = merged;
    this.overlay = new Map();
  }
}

describe('CowMap copies', () => {
  it('list the same entries in the same order as one overlay would, whatever copies were taken and continued', () => {
    fc.assert(
      fc.property(
        // Few keys: most are in a merged base; many keys: most live in the overlay's two layers.
        fc.constantFrom(300, 4_000, 60_000),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.nat(), fc.integer()), { minLength: 1_000, maxLength: 12_000 }),
        (keys, draws) => {
          const ops = draws.map(([kind, key, value]) => [kind, key % keys, value] as const);
          let cow = new CowMap<number, number>();
          let reference = new OneOverlay();
          for (const [kind, key, value] of ops) {
            if (kind === 0) {
              // A checkpoint copy, and the run continues from it or from a copy of it (a seek).
              const copy = deepClone(cow);
              const restored = key % 2 === 0 ? deepClone(copy) : copy;
              cow = key % 3 === 0 ? restored : cow;
              reference = key % 3 === 0 ? reference.copy() : reference;
            } else if (kind <= 3) {
              expect(cow.delete(key)).toBe(reference.delete(key));
            } else {
              cow.set(key, value);
              reference.set(key, value);
            }
          }
          const expected = reference.entries();
          expect([...cow]).toEqual(expected);
          expect(cow.size).toBe(expected.length);
          // Merged at the same writes: the base (private) holds the same keys.
          expect([...(cow as unknown as { base: Map<number, number> }).base.keys()]).toEqual([...reference.base.keys()]);
          for (let key = 0; key <= keys; key += 37) expect(cow.has(key)).toBe(reference.has(key));
        },
      ),
      { seed: 7, numRuns: 60 },
    );
  });

  it('a copy of a copy shares every layer: writes to either never show in the other', () => {
    const live = new CowMap<string, number>();
    for (let i = 0; i < 5_000; i++) live.set(`order-${i}`, i);
    const checkpoint = deepClone(live);
    const first = deepClone(checkpoint);
    const second = deepClone(checkpoint);
    first.set('order-1', -1);
    first.delete('order-2');
    second.set('order-new', 7);
    expect(checkpoint.get('order-1')).toBe(1);
    expect(checkpoint.has('order-2')).toBe(true);
    expect(checkpoint.has('order-new')).toBe(false);
    expect(second.get('order-1')).toBe(1);
    expect(first.has('order-new')).toBe(false);
    expect([first.size, second.size, checkpoint.size]).toEqual([4_999, 5_001, 5_000]);
  });
});
