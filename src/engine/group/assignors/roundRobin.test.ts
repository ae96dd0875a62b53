import { describe, expect, it } from 'vitest';
import { assignPartitions } from './assignPartitions';
import { show } from './testSupport';
import type { AssignmentInput } from './types';

const roundRobin = (input: AssignmentInput) => show(assignPartitions('roundrobin', input));

describe('round-robin assignor', () => {
  it('matches the RoundRobinAssignor javadoc: C0 gets t0p0,t0p2,t1p1 and C1 t0p1,t1p0,t1p2', () => {
    const input = {
      topics: { t0: 3, t1: 3 },
      members: [
        { memberId: 'C0', topics: ['t0', 't1'] },
        { memberId: 'C1', topics: ['t0', 't1'] },
      ],
    };
    expect(roundRobin(input)).toEqual({
      C0: ['t0p0', 't0p2', 't1p1'],
      C1: ['t0p1', 't1p0', 't1p2'],
    });
  });

  it('matches the javadoc for unequal subscriptions: C2 ends up with four partitions', () => {
    const input = {
      topics: { t0: 1, t1: 2, t2: 3 },
      members: [
        { memberId: 'C0', topics: ['t0'] },
        { memberId: 'C1', topics: ['t0', 't1'] },
        { memberId: 'C2', topics: ['t0', 't1', 't2'] },
      ],
    };
    expect(roundRobin(input)).toEqual({
      C0: ['t0p0'],
      C1: ['t1p0'],
      C2: ['t1p1', 't2p0', 't2p1', 't2p2'],
    });
  });

  it('keeps its place in the circle when it skips a member not subscribed to the topic', () => {
    // t0p0→A, t0p1: B skipped→A, t1p0→B (the circle stayed after A), t1p1→A.
    const input = {
      topics: { t0: 2, t1: 2 },
      members: [
        { memberId: 'A', topics: ['t0', 't1'] },
        { memberId: 'B', topics: ['t1'] },
      ],
    };
    expect(roundRobin(input)).toEqual({ A: ['t0p0', 't0p1', 't1p1'], B: ['t1p0'] });
  });

  it('deals partitions across topics in (topic, partition) order, whatever the input order', () => {
    const input = {
      topics: { b: 2, a: 1 },
      members: ['m1', 'm2'].map((memberId) => ({ memberId, topics: ['b', 'a'] })),
    };
    expect(roundRobin(input)).toEqual({ m1: ['ap0', 'bp1'], m2: ['bp0'] });
  });

  it('balances identical subscriptions: counts differ by at most one', () => {
    const input = {
      topics: { x: 5, y: 7, z: 1 },
      members: ['a', 'b', 'c', 'd'].map((memberId) => ({ memberId, topics: ['x', 'y', 'z'] })),
    };
    const sizes = Object.values(assignPartitions('roundrobin', input)).map((l) => l.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(13);
  });

  it('leaves later members empty when members outnumber partitions', () => {
    const input = {
      topics: { t: 2 },
      members: ['a', 'b', 'c'].map((memberId) => ({ memberId, topics: ['t'] })),
    };
    expect(roundRobin(input)).toEqual({ a: ['tp0'], b: ['tp1'], c: [] });
  });

  it('orders static members first by group.instance.id: static z (instance a) before dynamic b', () => {
    const input = {
      topics: { t: 3 },
      members: [
        { memberId: 'b', topics: ['t'] },
        { memberId: 'z', groupInstanceId: 'a', topics: ['t'] },
      ],
    };
    expect(roundRobin(input)).toEqual({ z: ['tp0', 'tp2'], b: ['tp1'] });
  });

  it('keeps a static member’s partitions when it restarts with a new member id', () => {
    const before = {
      topics: { t: 4 },
      members: [
        { memberId: 'dyn-1', topics: ['t'] },
        { memberId: 'old-id', groupInstanceId: 'host-9', topics: ['t'] },
      ],
    };
    const after = {
      topics: { t: 4 },
      members: [
        { memberId: 'dyn-1', topics: ['t'] },
        { memberId: 'zz-new-id', groupInstanceId: 'host-9', topics: ['t'] },
      ],
    };
    expect(roundRobin(after)['zz-new-id']).toEqual(roundRobin(before)['old-id']);
  });

  it('compares ids by UTF-16 code unit like Java: B < a and m10 < m2', () => {
    const input = {
      topics: { t: 4 },
      members: ['m2', 'a', 'm10', 'B'].map((memberId) => ({ memberId, topics: ['t'] })),
    };
    expect(roundRobin(input)).toEqual({ B: ['tp0'], a: ['tp1'], m10: ['tp2'], m2: ['tp3'] });
  });

  it('ignores unknown topics and topics that nobody subscribes to', () => {
    const input = {
      topics: { known: 3, unsubscribed: 2 },
      members: [
        { memberId: 'a', topics: ['ghost', 'known'] },
        { memberId: 'b', topics: ['ghost'] },
      ],
    };
    expect(roundRobin(input)).toEqual({ a: ['knownp0', 'knownp1', 'knownp2'], b: [] });
  });

  it('does not depend on the order members arrive in', () => {
    const members = [
      { memberId: 'c', topics: ['x', 'y'] },
      { memberId: 'a', topics: ['x'] },
      { memberId: 's', groupInstanceId: 'i', topics: ['y'] },
      { memberId: 'b', topics: ['y', 'x'] },
    ];
    const topics = { x: 5, y: 4 };
    expect(assignPartitions('roundrobin', { topics, members: [...members].reverse() })).toEqual(
      assignPartitions('roundrobin', { topics, members }),
    );
  });
});
