import { describe, expect, it } from 'vitest';
import { deepClone } from '../deepClone';
import type { LogRecord } from '../log/record';
import { ConsistencyTracker } from './consistencyTracker';
import { FactStore } from './factStore';

const SERVICES = Object.freeze(['billing', 'email']);

/** Adds the pending fact of order i; returns its sequence number. */
function addPending(store: FactStore, i: number): number {
  return store.add(`p#${i}`, `order-${i}`, 'orders', i, SERVICES);
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
    for (let i = 0; i < 3000; i++) expect(addPending(store, i)).toBe(i);
    for (let seq = 0; seq < 2500; seq++) store.drop(seq);
    store.settle();
    expect(store.size).toBe(500);
    expect(store.get(10)).toBeUndefined();
    expect(store.get(2500)?.rootEventId).toBe('p#2500');
    const seen: number[] = [];
    store.forEach((seq) => {
      seen.push(seq);
    });
    expect(seen).toEqual(Array.from({ length: 500 }, (_, i) => 2500 + i));
    expect(addPending(store, 3000)).toBe(3000);
  });

  it('is shared by a copy once a chunk is settled; a chunk with a pending fact is copied', () => {
    const store = new FactStore();
    for (let i = 0; i < 2048; i++) addPending(store, i);
    for (let seq = 0; seq < 2048; seq++) if (seq !== 1500) finish(store, seq, 5000);
    addPending(store, 2048);
    const copy = deepClone(store);
    // The settled first chunk is the same object in both; the second (1500 pending) is not.
    const chunksOf = (facts: FactStore) => (facts as unknown as { chunks: unknown[] }).chunks;
    expect(chunksOf(copy)[0]).toBe(chunksOf(store)[0]);
    expect(chunksOf(copy)[1]).not.toBe(chunksOf(store)[1]);
    expect(copy.get(3)).toEqual(store.get(3));
    expect(copy.get(1500)).toEqual({ rootEventId: 'p#1500', entity: 'order-1500', topic: 'orders', appendedMs: 1500, expected: SERVICES, hops: null });
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
    for (let i = 0; i < 1024; i++) addPending(store, i);
    for (let seq = 0; seq < 1024; seq++) finish(store, seq, 10);
    addPending(store, 1024);
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

describe('ConsistencyTracker disagreements, counted as facts change', () => {
  /** Disagreements recounted from what the tracker holds: facts applied by some read models but not all. */
  function recount(tracker: ConsistencyTracker): number {
    return tracker.all().filter((answer) => {
      const times = Object.values(answer.readModels);
      return times.some((at) => at !== null) && times.some((at) => at === null);
    }).length;
  }

  it('match a recount through appends, applications, cleared read models, trims and copies', () => {
    const three = Object.freeze(['billing', 'email', 'inventory']);
    const world = { expectedServices: () => three };
    let state = 12345;
    const next = (n: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return Math.floor((state / 2 ** 32) * n); // the high bits: an LCG's low bits repeat with short periods
    };
    const trackers = [new ConsistencyTracker()];
    let appended = 0;
    for (let step = 0; step < 60_000; step++) {
      const tracker = trackers[next(trackers.length)]!;
      const roll = next(100);
      if (roll < 40) tracker.onAppend('orders', record(appended++), step, world);
      else if (roll < 99 && appended > 0) tracker.onApplied(three[next(3)]!, record(Math.max(0, appended - 1 - next(300))), step);
      else if (roll === 99 && step % 7 === 0) tracker.onReadModelCleared(three[next(3)]!);
      if (step % 5000 === 4999 && trackers.length < 4) trackers.push(deepClone(tracker));
      if (step % 1000 === 0) {
        for (const t of trackers) {
          expect(t.disagreementCount).toBe(recount(t));
          expect(t.boundsProblem()).toBeNull();
        }
      }
    }
    // The trim ran: older facts were dropped.
    expect(trackers[0]!.all().length).toBeLessThan(appended);
    for (const t of trackers) {
      expect(t.disagreementCount).toBe(recount(t));
      const longest = t.longestWait(70_000);
      if (longest?.pending) {
        const oldestDisagreeing = t.all().filter((a) => Object.values(a.readModels).some((at) => at !== null) && Object.values(a.readModels).some((at) => at === null))[0];
        expect(longest.waitMs).toBe(70_000 - oldestDisagreeing!.appendedMs);
      }
    }
  });

  it('a chunk whose facts are all dropped at once is released, not copied; other chunks keep their facts', () => {
    const store = new FactStore();
    for (let i = 0; i < 2500; i++) addPending(store, i);
    for (let seq = 0; seq < 2048; seq++) finish(store, seq, 10);
    const copy = deepClone(store);
    store.dropAll([...Array.from({ length: 1024 }, (_, i) => i), 1500, 2049]);
    store.settle();
    expect(store.size).toBe(2500 - 1026);
    expect(store.firstSeq).toBe(1024);
    expect(store.get(1500)).toBeUndefined();
    expect(store.get(1501)?.rootEventId).toBe('p#1501');
    expect(store.get(2049)).toBeUndefined();
    expect(store.completedMs(1501)).toBe(10);
    // The copy still holds everything.
    expect(copy.size).toBe(2500);
    expect(copy.get(3)?.rootEventId).toBe('p#3');
    expect(copy.get(1500)?.rootEventId).toBe('p#1500');
    const pending: number[] = [];
    store.forEachPending((seq) => {
      pending.push(seq);
    });
    expect(pending).toEqual(Array.from({ length: 452 }, (_, i) => 2048 + i).filter((seq) => seq !== 2049));
  });
});
