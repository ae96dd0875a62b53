import { describe, expect, it } from 'vitest';
import { clearArray } from './clearArray';

describe('clearArray', () => {
  it('empties the array in place, so the holder keeps the same array to fill again', () => {
    const records = [1, 2, 3];
    const holder = { records };
    clearArray(holder.records);
    expect(holder.records).toBe(records);
    expect(records).toEqual([]);
    records.push(4);
    expect(holder.records).toEqual([4]);
  });
});
