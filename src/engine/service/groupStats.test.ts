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
