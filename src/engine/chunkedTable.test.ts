import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ChunkedTable } from './chunkedTable';
import { deepClone } from './deepClone';

/** Keys of every form the table meets: chunked, far, leading zeros, other prefixes, none. */
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
    { weight: 10, arbitrary: fc.tuple(fc.constant('set' as const), keyArbitrary(range), fc.integer()) },
    { weight: deleteWeight, arbitrary: fc.tuple(fc.constant('delete' as const), keyArbitrary(range)) },
    { weight: 1, arbitrary: fc.tuple(fc.constant('copy' as const), fc.nat(5)) },
  );

/** Plays `ops` on a table and on a Map; checks every table ever copied off against its own Map. */
function checkAgainstMap(ops: readonly Op[]): void {
  let table = new ChunkedTable<number>();
  let model = new Map<string, number>();
  const leftBehind: Array<[ChunkedTable<number>, Map<string, number>]> = [];
  const everyKey = new Set<string>(['order-0', 'order-1', 'order-01', 'pay-1', 'zzz', 'order-999999999']);
  for (const op of ops) {
    if (op[0] !== 'copy') everyKey.add(op[1]);
    if (op[0] === 'set') {
      table.set(op[1], op[2]);
      model.set(op[1], op[2]);
    } else if (op[0] === 'delete') {
      expect(table.delete(op[1])).toBe(model.delete(op[1]));
    } else {
      // A checkpoint copy; the run continues from it, from a copy of it (a seek), or goes on.
      const copy = deepClone(table);
      const choice = op[1] % 3;
      const next = choice === 0 ? table : choice === 1 ? copy : deepClone(copy);
      leftBehind.push(choice === 0 ? [copy, new Map(model)] : [table, new Map(model)]);
      table = next;
      model = new Map(model);
      // Both go on being written: what one writes never shows in the other.
      if (op[1] >= 3) leftBehind[leftBehind.length - 1]![0].set(`order-${op[1]}`, -op[1]);
      if (op[1] >= 3) leftBehind[leftBehind.length - 1]![1].set(`order-${op[1]}`, -op[1]);
    }
  }
  for (const [t, m] of [[table, model] as const, ...leftBehind]) {
    expect([...t]).toEqual([...m]);
    expect(t.size).toBe(m.size);
    expect([...t.values()]).toEqual([...m.values()]);
    // Every key ever used, present or not: what another table wrote must not show here.
    const keys = [...everyKey];
    expect(keys.map((key) => t.get(key))).toEqual(keys.map((key) => m.get(key)));
    expect(keys.map((key) => t.has(key))).toEqual(keys.map((key) => m.has(key)));
  }
}

describe('ChunkedTable', () => {
  it('behaves like a Map (entries in insertion order) for any sets, deletes and copies', () => {
    fc.assert(
      fc.property(fc.array(opArbitrary(5_000, 3), { minLength: 500, maxLength: 4_000 }), (ops) => checkAgainstMap(ops)),
      { seed: 42, numRuns: 15, endOnFailure: true },
    );
  });

  it('behaves like a Map under heavy deletes (the log compacted) and re-sets', () => {
    fc.assert(
      fc.property(fc.array(opArbitrary(200, 9), { minLength: 3_000, maxLength: 8_000 }), (ops) => checkAgainstMap(ops)),
      { seed: 7, numRuns: 5, endOnFailure: true },
    );
  });

  it('keeps a Map’s order when keys arrive out of counter order, across copies', () => {
    const table = new ChunkedTable<number>();
    const model = new Map<string, number>();
    for (let i = 0; i < 6_000; i++) {
      // Partitions deliver orders a little out of order.
      const key = `order-${i ^ 5}`;
      table.set(key, i);
      model.set(key, i);
      if (i % 700 === 0) deepClone(table);
    }
    table.set('gift-1', 1);
    model.set('gift-1', 1);
    table.delete('order-3');
    model.delete('order-3');
    table.set('order-3', 3);
    model.set('order-3', 3);
    expect([...table]).toEqual([...model]);
  });

  it('a copy shares every chunk except those written since: a few per copy', () => {
    const live = new ChunkedTable<number>();
    for (let n = 0; n < 100_000; n++) live.set(`order-${n}`, 1);
    const checkpoints: Array<ChunkedTable<number>> = [];
    for (let copy = 0; copy < 20; copy++) {
      checkpoints.push(deepClone(live));
      // 2,000 new orders and a few repeats of recent ones between copies.
      const from = 100_000 + copy * 2_000;
      for (let n = from; n < from + 2_000; n++) live.set(`order-${n}`, 1);
      for (let n = from - 50; n < from; n++) live.set(`order-${n}`, 2);
    }
    const chunksOf = (t: ChunkedTable<number>) => {
      const inner = t as unknown as { chunks: unknown[]; log: unknown[] };
      return [...inner.chunks, ...inner.log];
    };
    const held = new Set(chunksOf(live));
    let own = 0;
    for (const checkpoint of checkpoints) {
      for (const chunk of chunksOf(checkpoint)) {
        if (!held.has(chunk)) own++;
        held.add(chunk);
      }
    }
    // Each copy holds about 2 value chunks and 2 log chunks of its own (≈ 2,050 writes / 1,024).
    expect(own).toBeLessThanOrEqual(20 * 6);
    expect(checkpoints[0]!.size).toBe(100_000);
    expect(checkpoints[0]!.get('order-99999')).toBe(1);
    expect(checkpoints[19]!.get('order-137999')).toBe(1);
    expect(live.get('order-137999')).toBe(2);
    expect(live.size).toBe(140_000);
  });
});
