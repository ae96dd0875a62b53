import { describe, expect, it } from 'vitest';
import { assignPartitions } from './assignPartitions';
import { show } from './testSupport';
import type { AssignmentInput } from './types';

const range = (input: AssignmentInput) => show(assignPartitions('range', input));

describe('range assignor', () => {
  it('matches the RangeAssignor javadoc: C0 gets t0p0,t0p1,t1p0,t1p1 and C1 the rest', () => {
    const input = {
      topics: { t0: 3, t1: 3 },
      members: [
        { memberId: 'C0', topics: ['t0', 't1'] },
        { memberId: 'C1', topics: ['t0', 't1'] },
      ],
    };
    expect(range(input)).toEqual({
      C0: ['t0p0', 't0p1', 't1p0', 't1p1'],
      C1: ['t0p2', 't1p2'],
    });
  });

  it('gives the first P mod C members one extra consecutive partition', () => {
    const input = {
      topics: { t: 7 },
      members: ['a', 'b', 'c'].map((memberId) => ({ memberId, topics: ['t'] })),
    };
    expect(range(input)).toEqual({
      a: ['tp0', 'tp1', 'tp2'],
      b: ['tp3', 'tp4'],
      c: ['tp5', 'tp6'],
    });
  });

  it('co-partitions topics with equal partition counts: same numbers land on the same member', () => {
    const input = {
      topics: { orders: 4, payments: 4 },
      members: ['m1', 'm2'].map((memberId) => ({ memberId, topics: ['orders', 'payments'] })),
    };
    const result = assignPartitions('range', input);
    for (const partitions of Object.values(result)) {
      const numbers = (topic: string) =>
        partitions.filter((p) => p.topic === topic).map((p) => p.partition);
      expect(numbers('orders')).toEqual(numbers('payments'));
    }
  });

  it('accumulates the extra partitions of every topic on the first member', () => {
    const input = {
      topics: { a: 3, b: 3, c: 3 },
      members: ['m1', 'm2'].map((memberId) => ({ memberId, topics: ['a', 'b', 'c'] })),
    };
    const result = assignPartitions('range', input);
    expect(result.m1).toHaveLength(6);
    expect(result.m2).toHaveLength(3);
  });

  it('splits each topic only among that topic’s subscribers', () => {
    const input = {
      topics: { t0: 1, t1: 2, t2: 3 },
      members: [
        { memberId: 'C0', topics: ['t0'] },
        { memberId: 'C1', topics: ['t0', 't1'] },
        { memberId: 'C2', topics: ['t0', 't1', 't2'] },
      ],
    };
    expect(range(input)).toEqual({
      C0: ['t0p0'],
      C1: ['t1p0'],
      C2: ['t1p1', 't2p0', 't2p1', 't2p2'],
    });
  });

  it('leaves the members after the first P an empty list when members outnumber partitions', () => {
    const input = {
      topics: { t: 2 },
      members: ['a', 'b', 'c', 'd'].map((memberId) => ({ memberId, topics: ['t'] })),
    };
    expect(range(input)).toEqual({ a: ['tp0'], b: ['tp1'], c: [], d: [] });
  });

  it('orders static members first by group.instance.id: static z (instance a) before dynamic b', () => {
    const input = {
      topics: { t: 3 },
      members: [
        { memberId: 'b', topics: ['t'] },
        { memberId: 'z', groupInstanceId: 'a', topics: ['t'] },
      ],
    };
    expect(range(input)).toEqual({ z: ['tp0', 'tp1'], b: ['tp2'] });
  });

  it('orders static members by instance id, not by member id', () => {
    const input = {
      topics: { t: 2 },
      members: [
        { memberId: 'a', groupInstanceId: 'host-2', topics: ['t'] },
        { memberId: 'b', groupInstanceId: 'host-1', topics: ['t'] },
      ],
    };
    expect(range(input)).toEqual({ b: ['tp0'], a: ['tp1'] });
  });

  it('compares ids by UTF-16 code unit like Java, not by locale: B < a and m10 < m2', () => {
    const input = {
      topics: { t: 4 },
      members: ['m2', 'a', 'm10', 'B'].map((memberId) => ({ memberId, topics: ['t'] })),
    };
    expect(range(input)).toEqual({ B: ['tp0'], a: ['tp1'], m10: ['tp2'], m2: ['tp3'] });
  });

  it('ignores subscriptions to unknown topics and never assigns topics nobody subscribes to', () => {
    const input = {
      topics: { known: 2, unsubscribed: 5 },
      members: [
        { memberId: 'a', topics: ['known', 'ghost'] },
        { memberId: 'b', topics: ['ghost'] },
      ],
    };
    expect(range(input)).toEqual({ a: ['knownp0', 'knownp1'], b: [] });
  });

  it('does not depend on the order members arrive in', () => {
    const members = [
      { memberId: 'c', topics: ['x', 'y'] },
      { memberId: 'a', topics: ['x'] },
      { memberId: 's', groupInstanceId: 'i', topics: ['y'] },
      { memberId: 'b', topics: ['x', 'y'] },
    ];
    const topics = { x: 5, y: 4 };
    expect(assignPartitions('range', { topics, members: [...members].reverse() })).toEqual(
      assignPartitions('range', { topics, members }),
    );
  });

  it('ignores previously owned partitions (range is an eager, non-sticky assignor)', () => {
    const input = {
      topics: { t: 2 },
      members: [
        { memberId: 'a', topics: ['t'], owned: [{ topic: 't', partition: 1 }], generation: 3 },
        { memberId: 'b', topics: ['t'], owned: [{ topic: 't', partition: 0 }], generation: 3 },
      ],
    };
    expect(range(input)).toEqual({ a: ['tp0'], b: ['tp1'] });
  });
});
