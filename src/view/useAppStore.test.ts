import { describe, expect, it } from 'vitest';
import { shallowEqual } from './useAppStore';

describe("useShallow's comparison (zustand's shallow, without a Map per call; by identity beyond Maps and Sets)", () => {
  it('compares plain objects and arrays one level deep, by Object.is', () => {
    expect(shallowEqual({ a: 1, b: 'x' }, { b: 'x', a: 1 })).toBe(true);
    expect(shallowEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(shallowEqual({ a: 1, b: undefined }, { a: 1, c: undefined })).toBe(false);
    expect(shallowEqual({ a: NaN }, { a: NaN })).toBe(true);
    expect(shallowEqual({ a: {} }, { a: {} })).toBe(false);
    expect(shallowEqual([1, 2], [1, 2])).toBe(true);
    expect(shallowEqual([1, 2], [1, 2, 3])).toBe(false);
    expect(shallowEqual([1], { 0: 1 })).toBe(false);
    expect(shallowEqual(null, {})).toBe(false);
    expect(shallowEqual(3, 3)).toBe(true);
  });

  it('compares Maps and Sets by their entries, other objects by identity', () => {
    expect(shallowEqual(new Map([['a', 1]]), new Map([['a', 1]]))).toBe(true);
    expect(shallowEqual(new Map([['a', 1]]), new Map([['a', 2]]))).toBe(false);
    expect(shallowEqual(new Set([1]), new Set([1]))).toBe(true);
    expect(shallowEqual(new Set([1]), new Set([2]))).toBe(false);
    expect(shallowEqual(new Map(), new Set())).toBe(false);
    expect(shallowEqual(new Date(1), new Date(1))).toBe(false);
  });
});
