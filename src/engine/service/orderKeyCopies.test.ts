import { describe, expect, it } from 'vitest';
import { deepClone } from '../deepClone';
import { KeySlots } from '../log/keySlots';
import { OrderKeyTable } from './orderKeyTable';
import { RecencyTable } from './recencyTable';

/** A small deterministic generator (tests need no engine stream). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Config {
  keySpace: number;
  cap: number;
  tables: number;
  jitter: number;
  bucketSeqs?: number;
}

/** One topic's slots and its groups' tables, each beside the string-keyed RecencyTable it replaces; what a checkpoint copies. */
interface Checker {
  slots: KeySlots;
  pairs: Array<{ table: OrderKeyTable; model: RecencyTable }>;
  step: number;
  /** Every slot given or found, in order (two copies fed the same operations give the same). */
  slotLog: number[];
}

function checker(config: Config): Checker {
  const pairs = Array.from({ length: config.tables }, () => ({ table: new OrderKeyTable(config.bucketSeqs), model: new RecencyTable() }));
  return { slots: new KeySlots(), pairs, step: 0, slotLog: [] };
}

/** Records of 3 partitions: the key at an offset is fixed, so groups reading a record agree (and the memo is used). */
function keyAt(config: Config, partition: number, offset: number): string {
  return `key-${((Math.imul(offset + 1, 2_654_435_761) ^ partition) >>> 0) % config.keySpace}`;
}

/** Plays `operations` steps as groupStats.checkOrder and pruneKeys do, checking each answer against the models. */
function play(c: Checker, config: Config, random: () => number, operations: number): void {
  const { slots, pairs } = c;
  for (let i = 0; i < operations; i++, c.step++) {
    const step = c.step;
    const { table, model } = pairs[Math.floor(random() * pairs.length)]!;
    if (random() < 0.02) {
      const bound = Math.floor(random() * step);
      expect(table.deleteBelow(bound, slots)).toBe(model.deleteWhere((seq) => seq < bound));
      continue;
    }
    const partition = Math.floor(random() * 3);
    // Mostly recent offsets; now and then one far back or far ahead (a reset, a seek).
    const roll = random();
    const offset = roll < 0.01 ? Math.floor(random() * 1_000_000) : Math.max(0, step - Math.floor(random() * (roll < 0.05 ? 20_000 : 50)));
    const key = keyAt(config, partition, offset);
    const slot = slots.slotOfRecord(partition, offset, key);
    if (slot !== slots.slotOf(key)) expect({ step, slot }).toEqual({ step, slot: slots.slotOf(key) });
    const present = table.has(slot);
    if (present !== (model.get(key) !== undefined) || (present && table.latest(slot) !== model.get(key))) {
      expect({ step, key, present, latest: present ? table.latest(slot) : undefined }).toEqual({ step, key, present: model.get(key) !== undefined, latest: model.get(key) });
    }
    const seq = Math.max(0, step - Math.floor(random() * config.jitter));
    let held = slot;
    if (!present) {
      held = slots.hold(key, slot);
      if (held !== slot) slots.remember(partition, offset, held);
    }
    c.slotLog.push(held);
    table.write(held, seq, present);
    model.set(key, seq);
    if (model.size > config.cap) {
      table.deleteOldest(slots);
      model.deleteOldest();
    }
    if (table.size !== model.size) expect({ step, size: table.size }).toEqual({ step, size: model.size });
  }
}

/** Every key: present in a table exactly when in its model, with its latest sequence. */
function checkAll(c: Checker, config: Config): void {
  for (let k = 0; k < config.keySpace; k += Math.ceil(config.keySpace / 3_000)) {
    const key = `key-${k}`;
    const slot = c.slots.slotOf(key);
    for (const { table, model } of c.pairs) {
      if (table.has(slot) !== (model.get(key) !== undefined)) expect({ key, has: table.has(slot) }).toEqual({ key, has: model.get(key) !== undefined });
      if (model.get(key) !== undefined) expect(table.latest(slot)).toBe(model.get(key));
    }
  }
  expect(c.slots.size).toBeLessThanOrEqual(c.pairs.reduce((sum, { model }) => sum + model.size, 0));
}

const CONFIGS: Config[] = [
  { keySpace: 50, cap: 20, tables: 3, jitter: 0 },
  { keySpace: 5_000, cap: 1_000, tables: 4, jitter: 3_000, bucketSeqs: 1_000 },
  { keySpace: 200_000, cap: 3_000, tables: 2, jitter: 1_500, bucketSeqs: 256 },
  { keySpace: 3_000, cap: 2_500, tables: 1, jitter: 20_000 },
];

describe('OrderKeyTable and KeySlots copies (checkpoints)', () => {
  it('a copy continued on either side answers as the original would, and gives the same slots', () => {
    CONFIGS.forEach((config, n) => {
      const live = checker(config);
      play(live, config, lcg(n), 6_000);
      const checkpoint = deepClone(live);
      const logged = live.slotLog.length;
      // The same operations on the run and on the copy: the same answers (checked against the models) and slots.
      play(live, config, lcg(100 + n), 6_000);
      play(checkpoint, config, lcg(100 + n), 6_000);
      expect(checkpoint.slotLog.slice(logged)).toEqual(live.slotLog.slice(logged));
      checkAll(live, config);
      checkAll(checkpoint, config);
    });
  });

  it('what one side writes after a copy never shows in the other: checkpoints, restores of them and the run go on apart', () => {
    CONFIGS.forEach((config, n) => {
      const live = checker(config);
      const kept: Checker[] = [];
      const random = lcg(200 + n);
      for (let round = 0; round < 8; round++) {
        play(live, config, random, 2_000);
        kept.push(deepClone(live));
      }
      // Restores: copies of checkpoints, played on with other operations; then the checkpoints themselves.
      const restored = kept.map((checkpoint) => deepClone(checkpoint));
      restored.forEach((r, i) => play(r, config, lcg(300 + i), 1_500));
      play(live, config, random, 3_000);
      kept.forEach((checkpoint, i) => play(checkpoint, config, lcg(400 + i), 1_500));
      for (const c of [live, ...kept, ...restored]) checkAll(c, config);
    });
  });

  it('a copy shares all but a few chunks with the run: a long run of unique keys, copied every 2,000 records', () => {
    const slots = new KeySlots();
    const tables = [new OrderKeyTable(), new OrderKeyTable()];
    let n = 0;
    const write = (count: number) => {
      for (const end = n + count; n < end; n++) {
        const key = `order-${n}`;
        for (const table of tables) {
          const slot = slots.slotOfRecord(0, n, key);
          table.write(table.has(slot) ? slot : slots.hold(key, slot), n, table.has(slot));
          if (table.size > 50_000) table.deleteOldest(slots);
        }
      }
    };
    write(100_000);
    const copies = Array.from({ length: 10 }, () => {
      const copy = deepClone({ slots, tables });
      write(2_000);
      return copy;
    });
    // Every typed-array chunk reachable from a value, by identity.
    const chunksOf = (root: unknown, into: Set<unknown>) => {
      const visit = (value: unknown) => {
        if (typeof value !== 'object' || value === null) return;
        if (ArrayBuffer.isView(value)) into.add(value);
        else for (const item of Object.values(value)) visit(item);
      };
      visit(root);
      return into;
    };
    const held = chunksOf({ slots, tables }, new Set());
    const total = held.size;
    // Newest first: each copy's own chunks are those the run wrote in the 2,000 records after it.
    let own = 0;
    for (const copy of copies.reverse()) {
      for (const chunk of chunksOf(copy, new Set())) {
        if (!held.has(chunk)) own++;
        held.add(chunk);
      }
    }
    // Per copy and table about two chunks each of the queue and of the reused slots' sequences and
    // stamps; the slots' holders, counters, index and memo a few more: some 33 of the run’s 400.
    expect(own).toBeLessThanOrEqual(10 * 33);
    expect(total).toBeGreaterThan(200);
  });
});
