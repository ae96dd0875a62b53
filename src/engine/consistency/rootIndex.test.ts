import { describe, expect, it } from 'vitest';
import { deepClone } from '../deepClone';
import type { LogRecord } from '../log/record';
import { ConsistencyTracker } from './consistencyTracker';
import { RootIndex } from './rootIndex';

describe('RootIndex', () => {
  it('finds roots named <origin>#<n> by their counter, per origin', () => {
    const index = new RootIndex();
    for (let n = 0; n < 1000; n++) index.set(`checkout#${n}`, 2 * n);
    index.set('billing#7', 5);
    expect(index.get('checkout#0')).toBe(0);
    expect(index.get('checkout#999')).toBe(1998);
    expect(index.get('billing#7')).toBe(5);
    expect(index.get('billing#8')).toBeUndefined();
    expect(index.get('checkout#1000')).toBeUndefined();
    expect(index.get('email#0')).toBeUndefined();
    expect(index.keptAside).toBe(0);
  });

  it('keeps ids of any other form aside, and tells `x#01` from `x#1`', () => {
    const index = new RootIndex();
    index.set('x#1', 1);
    index.set('x#01', 2);
    index.set('checkout#3>billing', 3);
    index.set('plain-id', 4);
    index.set('#5', 5);
    expect([index.get('x#1'), index.get('x#01'), index.get('checkout#3>billing'), index.get('plain-id'), index.get('#5')]).toEqual([1, 2, 3, 4, 5]);
    expect(index.keptAside).toBe(4);
    index.delete('plain-id');
    expect(index.get('plain-id')).toBeUndefined();
    expect(index.keptAside).toBe(3);
  });

  it('is shared by a copy except for the open chunk; writes to a copy never show in the original', () => {
    const index = new RootIndex();
    for (let n = 0; n < 600; n++) index.set(`p#${n}`, n);
    const copy = deepClone(index);
    copy.set('p#600', 600);
    copy.set('p#10', 42);
    expect(copy.get('p#10')).toBe(42);
    expect(index.get('p#10')).toBe(10);
    expect(index.get('p#600')).toBeUndefined();
    index.set('p#601', 601);
    expect(copy.get('p#601')).toBeUndefined();
  });

  it('releases leading chunks once every fact in them is gone, and keeps a very old root appended again', () => {
    const index = new RootIndex();
    for (let n = 0; n < 2000; n++) index.set(`p#${n}`, n);
    index.dropBelow(1000);
    expect(index.get('p#0')).toBeUndefined();
    expect(index.get('p#767')).toBeUndefined();
    expect(index.get('p#999')).toBe(999);
    expect(index.get('p#1999')).toBe(1999);
    index.set('p#3', 5000);
    expect(index.get('p#3')).toBe(5000);
    expect(index.keptAside).toBe(1);
  });
});

describe('ConsistencyTracker with the root index', () => {
  const expected = { expectedServices: () => ['billing', 'email'] };
  function record(eventId: string, orderId: string): LogRecord {
    return { offset: 0, key: orderId, eventType: 'OrderPlaced', payload: { orderId }, timestampMs: 0, sizeBytes: 100, producer: 'p', eventId, produceSeq: 0 };
  }

  it('follows a fact over its hops and forgets a hop it never took', () => {
    const tracker = new ConsistencyTracker();
    tracker.onAppend('orders', record('checkout#0', 'order-0'), 0, expected);
    tracker.onAppend('payments', record('checkout#0>billing', 'order-0'), 5, expected);
    tracker.onApplied('billing', record('checkout#0', 'order-0'), 10);
    tracker.onApplied('email', record('checkout#0>billing', 'order-0'), 20);
    expect(tracker.probe('order-0')).toEqual({ entity: 'order-0', appendedMs: 0, readModels: { billing: 10, email: 20 } });
    expect(tracker.appliedAt('checkout#0>billing', 'email')).toBe(20);
    expect(tracker.appliedAt('checkout#0>shipping', 'email')).toBeNull();
  });

  it('answers the newest entities once each, newest first', () => {
    const tracker = new ConsistencyTracker();
    tracker.onAppend('orders', record('checkout#0', 'order-0'), 0, expected);
    tracker.onAppend('orders', record('checkout#1', 'order-1'), 1, expected);
    tracker.onAppend('orders', record('checkout#2', 'order-0'), 2, expected);
    expect(tracker.recent(8).map((a) => [a.entity, a.appendedMs])).toEqual([['order-0', 2], ['order-1', 1]]);
  });
});
