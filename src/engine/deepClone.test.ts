import { describe, expect, it } from 'vitest';
import { CowMap } from './cowMap';
import { deepClone } from './deepClone';

class Counter {
  count = 0;
  readonly history: number[] = [];
  bump(): void {
    this.count++;
    this.history.push(this.count);
  }
}

describe('deepClone (a plain structural copy of a tree of mutable state)', () => {
  it('keeps classes and copies every mutable object, so the copy and the original change apart', () => {
    const original = { counter: new Counter(), byName: new Map([['a', new Counter()]]), names: new Set(['x']) };
    original.counter.bump();
    const copy = deepClone(original);
    expect(copy.counter).toBeInstanceOf(Counter);
    copy.counter.bump();
    copy.byName.get('a')!.bump();
    copy.names.add('y');
    expect(original.counter.history).toEqual([1]);
    expect(copy.counter.history).toEqual([1, 2]);
    expect(original.byName.get('a')!.count).toBe(0);
    expect([...original.names]).toEqual(['x']);
  });

  it('shares frozen objects and typed arrays, which never change', () => {
    const record = Object.freeze({ offset: 3 });
    const column = new Float64Array([1, 2]);
    const copy = deepClone({ records: [record], column });
    expect(copy.records[0]).toBe(record);
    expect(copy.column).toBe(column);
  });

  it('keeps a Map in order and copies a mutable key, so no object is shared', () => {
    const key = { id: 'k' };
    const original = new Map<unknown, unknown>([['first', 1], [key, { n: 1 }], ['last', [2]]]);
    const copy = deepClone(original);
    const copiedKey = [...copy.keys()][1] as { id: string };
    expect(copiedKey).not.toBe(key);
    expect(copiedKey).toEqual(key);
    expect([...copy.keys()].map((k) => (typeof k === 'string' ? k : 'object'))).toEqual(['first', 'object', 'last']);
    expect(copy.get('last')).not.toBe(original.get('last'));
  });

  it('copies a CowMap with its own copy (the frozen layers shared, writes apart)', () => {
    const original = new CowMap<string, number>();
    original.set('a', 1);
    const copy = deepClone({ table: original }).table;
    copy.set('a', 2);
    expect(original.get('a')).toBe(1);
    expect(copy.get('a')).toBe(2);
  });
});
