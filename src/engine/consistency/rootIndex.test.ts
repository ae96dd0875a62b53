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
  /** Each event id appended once here: one production sequence number per id, as the world gives each append its own. */
  const produceSeqs = new Map<string, number>();
  function record(eventId: string, orderId: string): LogRecord {
    if (!produceSeqs.has(eventId)) produceSeqs.set(eventId, produceSeqs.size);
    return { offset: 0, key: orderId, eventType: 'OrderPlaced', payload: { orderId }, timestampMs: 0, sizeBytes: 100, producer: 'p', eventId, produceSeq: produceSeqs.get(eventId)! };
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

describe('ConsistencyTracker finding facts by production sequence number and filing them by counter', () => {
  it('applies exactly what finding and filing them by event id applies, through hops, resends, trims, clears and copies', () => {
    const services = Object.freeze(['billing', 'email', 'shipping']);
    const world = { expectedServices: (topic: string) => (topic === 'untracked' ? [] : services) };
    let state = 99;
    const next = (n: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return Math.floor((state / 2 ** 32) * n); // the high bits: an LCG's low bits repeat with short periods
    };
    // Both trackers see the same appends; the reference applies records whose production
    // sequence number was never appended, so it always finds the fact by event id, and is never
    // told a root's origin and counter, so it files every fact by its id. Roots are told to the
    // other, resends of them too (as when a service and a producer share an id), and roots of
    // counters too long to be read from an id (filed aside by id).
    const pairs: Array<[ConsistencyTracker, ConsistencyTracker]> = [[new ConsistencyTracker(), new ConsistencyTracker()]];
    const appended: LogRecord[] = [];
    let produceSeq = 0;
    let roots = 0;
    const append = (pair: [ConsistencyTracker, ConsistencyTracker], topic: string, eventId: string, at: number): void => {
      const record: LogRecord = { offset: 0, key: null, eventType: 'E', payload: { orderId: `order-${eventId.split('>')[0]}` }, timestampMs: at, sizeBytes: 10, producer: 'p', eventId, produceSeq: produceSeq++ };
      appended.push(record);
      const root = /^([a-z]+#)([0-9]+)$/.exec(eventId);
      if (root) pair[0].onAppend(topic, record, at, world, root[1]!, Number(root[2]));
      else pair[0].onAppend(topic, record, at, world);
      pair[1].onAppend(topic, record, at, world);
    };
    for (let step = 0; step < 80_000; step++) {
      const pair = pairs[next(pairs.length)]!;
      const roll = next(100);
      if (roll < 30) append(pair, next(20) === 0 ? 'untracked' : 'orders', next(50) === 0 ? `q#${1_000_000_000 + roots++}` : `p#${roots++}`, step);
      else if (roll < 38 && appended.length > 0) {
        // A hop of a recent record, or a resend of one (its id appended again).
        const of = appended[appended.length - 1 - next(Math.min(200, appended.length))]!;
        append(pair, 'payments', roll < 35 ? `${of.eventId}>${services[next(3)]}` : of.eventId, step);
      } else if (roll < 99 && appended.length > 0) {
        const record = appended[appended.length - 1 - next(Math.min(400, appended.length))]!;
        const service = services[next(3)]!;
        pair[0].onApplied(service, record, step);
        pair[1].onApplied(service, { ...record, produceSeq: -1 - record.produceSeq }, step);
      } else if (step % 11 === 0) {
        const service = services[next(3)]!;
        for (const tracker of pair) tracker.onReadModelCleared(service);
      }
      if (step % 20_000 === 19_999) pairs.push([deepClone(pair[0]), deepClone(pair[1])]);
    }
    for (const [tracker, reference] of pairs) {
      expect(tracker.all()).toEqual(reference.all());
      expect(tracker.disagreementCount).toBe(reference.disagreementCount);
      expect(tracker.longestWait(90_000)).toEqual(reference.longestWait(90_000));
    }
    // Facts were trimmed on the way, so lookups met dropped facts too.
    expect(pairs[0]![0].all().length).toBeLessThan(roots);
  });
});
