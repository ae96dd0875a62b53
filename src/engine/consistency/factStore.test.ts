import { describe, expect, it } from 'vitest';
import { deepClone } from '../deepClone';
import type { LogRecord } from '../log/record';
import { ConsistencyTracker } from './consistencyTracker';
import { type Fact, FactStore, frozenFact } from './factStore';

const SERVICES = Object.freeze(['billing', 'email']);

function pendingFact(i: number): Fact {
  return frozenFact({ rootEventId: `p#${i}`, entity: `order-${i}`, topic: 'orders', appendedMs: i, expected: SERVICES, eventIds: [`p#${i}`] });
}

function finish(store: FactStore, seq: number, atMs: number): void {
  expect(store.apply(seq, 0, atMs)).toBe(false);
  expect(store.apply(seq, 1, atMs)).toBe(true);
}

function record(i: number): LogRecord {
  return { offset: i, key: `order-${i}`, eventType: 'OrderPlaced', payload: { orderId: `order-${i}` }, timestampMs: i, sizeBytes: 100, producer: 'p', eventId: `p#${i}`, produceSeq: i };
}

describe('FactStore', () => {
  it('finds facts by sequence number, oldest first, and forgets dropped ones', () => {
    const store = new FactStore();
    for (let i = 0; i < 3000; i++) expect(store.add(pendingFact(i))).toBe(i);
    for (let seq = 0; seq < 2500; seq++) store.drop(seq);
    store.settle();
    expect(store.size).toBe(500);
    expect(store.get(10)).toBeUndefined();
    expect(store.get(2500)?.rootEventId).toBe('p#2500');
    const seen: number[] = [];
    store.forEach((_, seq) => {
      seen.push(seq);
    });
    expect(seen).toEqual(Array.from({ length: 500 }, (_, i) => 2500 + i));
    expect(store.add(pendingFact(3000))).toBe(3000);
  });

  it('is shared by a copy once a chunk is settled; a chunk with a pending fact is copied, its facts shared', () => {
    const store = new FactStore();
    for (let i = 0; i < 2048; i++) store.add(pendingFact(i));
    for (let seq = 0; seq < 2048; seq++) if (seq !== 1500) finish(store, seq, 5000);
    store.add(pendingFact(2048));
    const copy = deepClone(store);
    // Facts are frozen, their progress in columns: the copy holds the same facts.
    expect(copy.get(3)).toBe(store.get(3));
    expect(copy.get(1500)).toBe(store.get(1500));
    expect(Object.isFrozen(store.get(3))).toBe(true);
    // Finishing the pending one in a copy of the store leaves the other's chunk alone.
    finish(store, 1500, 6000);
    expect(copy.completedMs(1500)).toBeNull();
    expect(store.completedMs(1500)).toBe(6000);
    expect(copy.appliedMs(1500, 1)).toBe(-1);
    expect(store.appliedMs(1500, 1)).toBe(6000);
  });

  it('a finished fact made pending again (a cleared read model) unfreezes only its chunk, by copying it', () => {
    const store = new FactStore();
    for (let i = 0; i < 1024; i++) store.add(pendingFact(i));
    for (let seq = 0; seq < 1024; seq++) finish(store, seq, 10);
    store.add(pendingFact(1024));
    const shared = deepClone(store);
    store.unapply(7, 1);
    expect(store.completedMs(7)).toBeNull();
    expect(store.appliedCount(7)).toBe(1);
    expect(shared.completedMs(7)).toBe(10);
    expect(shared.appliedCount(7)).toBe(2);
  });
});

describe('ConsistencyTracker copies', () => {
  it('a fork and its original apply pending facts independently', () => {
    const tracker = new ConsistencyTracker();
    const world = { expectedServices: () => SERVICES };
    for (let i = 0; i < 5; i++) tracker.onAppend('orders', record(i), i, world);
    tracker.onApplied('billing', record(0), 10);
    const fork = deepClone(tracker);
    tracker.onApplied('email', record(0), 20);
    fork.onApplied('email', record(0), 30);
    expect(tracker.probe('order-0')?.readModels).toEqual({ billing: 10, email: 20 });
    expect(fork.probe('order-0')?.readModels).toEqual({ billing: 10, email: 30 });
    expect(tracker.disagreementCount).toBe(0);
    expect(fork.disagreementCount).toBe(0);
    tracker.onApplied('billing', record(1), 40);
    expect(tracker.disagreementCount).toBe(1);
    expect(fork.disagreementCount).toBe(0);
  });

  it('keeps its tables bounded over many facts, dropping the oldest finished first', () => {
    const tracker = new ConsistencyTracker();
    const world = { expectedServices: () => SERVICES };
    for (let i = 0; i < 40_000; i++) {
      tracker.onAppend('orders', record(i), i, world);
      if (i % 1000 !== 0) {
        tracker.onApplied('billing', record(i), i + 1);
        tracker.onApplied('email', record(i), i + 2);
      }
    }
    expect(tracker.boundsProblem()).toBeNull();
    expect(tracker.probe('order-1')).toBeNull();
    // Pending facts (every 1000th) are kept although older than the finished ones kept.
    expect(tracker.probe('order-1000')?.readModels).toEqual({ billing: null, email: null });
    expect(tracker.probe('order-39999')?.readModels).toEqual({ billing: 40_000, email: 40_001 });
    expect(tracker.all().length).toBeLessThanOrEqual(12_500 + 40);
  });
});
