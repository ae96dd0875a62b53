import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHUNK, CowList, CowNumbers } from './cowChunks';
import { deepClone } from './deepClone';

type Op = readonly ['set', number, number] | readonly ['drop', number] | readonly ['dropChunk', number] | readonly ['copy', number];

const RANGE = 6 * CHUNK;
const opArbitrary = fc.oneof(
  { weight: 20, arbitrary: fc.tuple(fc.constant('set' as const), fc.nat(RANGE), fc.integer({ min: -5, max: 2 ** 31 - 1 })) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('drop' as const), fc.nat(RANGE)) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('dropChunk' as const), fc.nat(RANGE)) },
  { weight: 2, arbitrary: fc.tuple(fc.constant('copy' as const), fc.nat(5)) },
);

/** The plain structure: a Map from index to value, with what the drops forget. */
class Model {
  constructor(
    readonly values = new Map<number, number>(),
    public front = 0,
  ) {}
  get(index: number, fill: number): number {
    return this.values.get(index) ?? fill;
  }
  apply(op: Op): void {
    if (op[0] === 'set') {
      if (op[1] >= this.front) this.values.set(op[1], op[2]);
    } else if (op[0] === 'drop') {
      const front = op[1] - (op[1] % CHUNK);
      if (front <= this.front) return;
      this.front = front;
      for (const index of [...this.values.keys()]) if (index < front) this.values.delete(index);
    } else if (op[0] === 'dropChunk') {
      const from = op[1] - (op[1] % CHUNK);
      for (const index of [...this.values.keys()]) if (index >= from && index < from + CHUNK) this.values.delete(index);
    }
  }
  copy(): Model {
    return new Model(new Map(this.values), this.front);
  }
}

/** Plays `ops` on a list and its model; checks every list ever copied off (each went on being written) against its own. */
function check(ops: readonly Op[], float: boolean, fill: number): void {
  const apply = (list: CowNumbers, op: Op) => {
    if (op[0] === 'set') list.set(op[1], float ? op[2] + 0.5 : op[2]);
    else if (op[0] === 'drop') list.dropBefore(op[1]);
    else if (op[0] === 'dropChunk') list.dropChunk(op[1]);
  };
  const modelOp = (op: Op): Op => (op[0] === 'set' && float ? ['set', op[1], op[2] + 0.5] : op);
  let list = new CowNumbers(float, fill);
  let model = new Model();
  const leftBehind: Array<[CowNumbers, Model]> = [];
  for (const op of ops) {
    if (op[0] !== 'copy') {
      apply(list, op);
      model.apply(modelOp(op));
      continue;
    }
    // A checkpoint copy; the run continues from it, from a copy of it (a seek), or goes on.
    const copy = deepClone({ list }).list;
    expect(copy).not.toBe(list);
    const choice = op[1] % 3;
    leftBehind.push(choice === 0 ? [copy, model.copy()] : [list, model.copy()]);
    list = choice === 0 ? list : choice === 1 ? copy : copy.copy();
    model = model.copy();
    // What the one left behind writes must not show in the other.
    const [behind, behindModel] = leftBehind[leftBehind.length - 1]!;
    const write: Op = ['set', (op[1] * 977) % RANGE, -7 - op[1]];
    apply(behind, write);
    behindModel.apply(modelOp(write));
  }
  for (const [l, m] of [[list, model] as const, ...leftBehind]) {
    for (let index = 0; index <= RANGE + CHUNK; index += 7) {
      if (l.get(index) !== m.get(index, fill)) expect({ index, value: l.get(index) }).toEqual({ index, value: m.get(index, fill) });
    }
  }
}

describe('CowNumbers', () => {
  it('reads as a plain map of numbers through writes, dropped fronts and chunks, and copies continued on either side', () => {
    fc.assert(fc.property(fc.array(opArbitrary, { minLength: 200, maxLength: 3_000 }), (ops) => check(ops, false, -1)), { seed: 3, numRuns: 20, endOnFailure: true });
    fc.assert(fc.property(fc.array(opArbitrary, { minLength: 200, maxLength: 3_000 }), (ops) => check(ops, true, 0)), { seed: 4, numRuns: 10, endOnFailure: true });
  });

  it('a copy shares every chunk: the next write copies one chunk, the other side keeps its own', () => {
    const live = new CowNumbers(false, 0);
    for (let i = 0; i < 20 * CHUNK; i++) live.set(i, i);
    const checkpoint = live.copy();
    live.set(5, -5);
    const chunks = (list: CowNumbers) => (list as unknown as { chunks: Int32Array[] }).chunks;
    const shared = chunks(live).filter((chunk, k) => chunk === chunks(checkpoint)[k]).length;
    expect(shared).toBe(19);
    expect(checkpoint.get(5)).toBe(5);
    expect(live.get(5)).toBe(-5);
    checkpoint.set(6, -6);
    expect(live.get(6)).toBe(6);
  });
});

describe('CowList', () => {
  it('reads as a plain array through writes and copies continued on either side', () => {
    let list = new CowList<string | null>(null);
    let model: Array<string | null> = [];
    const behind: Array<[CowList<string | null>, Array<string | null>]> = [];
    let state = 1;
    const next = () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0);
    for (let step = 0; step < 20_000; step++) {
      const index = next() % (4 * CHUNK);
      const value = next() % 10 === 0 ? null : `key-${step}`;
      list.set(index, value);
      while (model.length <= index) model.push(null);
      model[index] = value;
      if (step % 1_500 === 0) {
        const copy = deepClone({ list }).list;
        behind.push([list, model.slice()]);
        list = step % 3_000 === 0 ? copy : copy.copy();
        model = model.slice();
        behind.at(-1)![0].set(0, `behind-${step}`);
        behind.at(-1)![1][0] = `behind-${step}`;
      }
    }
    for (const [l, m] of [[list, model] as const, ...behind]) {
      for (let index = 0; index < 4 * CHUNK + 10; index++) if (l.get(index) !== (m[index] ?? null)) expect({ index, value: l.get(index) }).toEqual({ index, value: m[index] ?? null });
    }
  });
});
