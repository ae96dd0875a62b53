import { describe, expect, it } from 'vitest';
import { KeySlots } from '../log/keySlots';
import type { LogRecord } from '../log/record';
import { GroupStats } from './groupStats';

const record = (offset: number, key: string, produceSeq: number): LogRecord =>
  ({ offset, key, eventType: 'OrderPlaced', payload: null, timestampMs: 0, sizeBytes: 10, producer: 'p', eventId: `e${offset}`, produceSeq }) as LogRecord;

describe('the per-key order checker', () => {
  it('remembers a bounded number of keys: unique keys with nothing deleted do not grow it without end', () => {
    const stats = new GroupStats();
    const slots = new KeySlots();
    for (let offset = 0; offset < 140_000; offset++) stats.onProcessed(0, 'orders-0', 'orders', record(offset, `order-${offset}`, offset), slots, 0);
    expect(stats.trackedKeys).toBe(131_072);
    expect(stats.boundsProblem()).toBeNull();
  });

  it('still flags a key first processed after a later record of it, while the key is remembered', () => {
    const stats = new GroupStats();
    const slots = new KeySlots();
    stats.onProcessed(0, 'orders-1', 'orders', record(0, 'user-1', 10), slots, 1);
    stats.onProcessed(0, 'orders-0', 'orders', record(0, 'user-1', 5), slots, 0);
    expect(stats.orderViolations).toBe(1);
  });
});

describe('delivery accounting per partition', () => {
  it('keeps each partition of each topic apart when records of several interleave (as a plain map per partition would)', () => {
    const stats = new GroupStats();
    const slots = new Map<string, KeySlots>([
      ['orders', new KeySlots()],
      ['payments', new KeySlots()],
    ]);
    // Model: per partition key, the offsets processed and how often.
    const seen = new Map<string, Map<number, number>>();
    let state = 12345;
    const next = (n: number): number => {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      return state % n;
    };
    const nextOffset = new Map<string, number>();
    let duplicates = 0;
    for (let step = 0; step < 5_000; step++) {
      const topic = next(4) === 0 ? 'payments' : 'orders';
      const partition = next(topic === 'orders' ? 3 : 5);
      const key = `${topic}-${partition}`;
      const end = nextOffset.get(key) ?? 0;
      // Mostly the next offset; now and then one already processed (a redelivery).
      const offset = end > 0 && next(10) === 0 ? next(end) : end;
      if (offset === end) nextOffset.set(key, end + 1);
      const times = seen.get(key) ?? new Map<number, number>();
      seen.set(key, times);
      if (times.has(offset)) duplicates++;
      times.set(offset, (times.get(offset) ?? 0) + 1);
      stats.onProcessed(step, key, topic, record(offset, `k-${step}`, step), slots.get(topic)!, partition);
    }
    expect(stats.duplicates).toBe(duplicates);
    for (const [key, times] of seen) {
      expect(stats.appliedUpTo(key)).toBe(nextOffset.get(key));
      for (const [offset, count] of times) expect(stats.timesProcessed(key, offset)).toBe(count);
    }
  });
});
