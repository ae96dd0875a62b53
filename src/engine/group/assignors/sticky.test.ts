import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignPartitions } from './assignPartitions';
import { findAssignmentViolations, findBalanceViolations } from './assignmentInvariants';
import { nextRound, show, tps } from './testSupport';
import type { AssignmentInput, AssignmentMember } from './types';

const sticky = (input: AssignmentInput) => show(assignPartitions('sticky', input));
const member = (memberId: string, topics: string[], owned: string[] = [], generation?: number) =>
  ({ memberId, topics, owned: tps(...owned), generation }) satisfies AssignmentMember;

const TOPICS = ['a', 'b', 'c'];
/** Random groups: claims may collide, be stale, name unknown topics or missing partitions. */
const groupArbitrary = fc
  .record({
    counts: fc.tuple(fc.nat(6), fc.nat(6), fc.nat(6)),
    shared: fc.option(fc.subarray([...TOPICS, 'ghost'], { minLength: 1 }), { nil: undefined }),
    members: fc.uniqueArray(
      fc.record({
        memberId: fc.constantFrom('m0', 'm1', 'm10', 'm2', 'B', 'a', 'z'),
        groupInstanceId: fc.option(fc.constantFrom('i1', 'i2'), { nil: undefined }),
        topics: fc.subarray([...TOPICS, 'ghost']),
        owned: fc.array(
          fc.record({ topic: fc.constantFrom(...TOPICS, 'ghost'), partition: fc.nat(7) }),
          { maxLength: 8 },
        ),
        generation: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      }),
      { selector: (m) => m.memberId, minLength: 1, maxLength: 6 },
    ),
  })
  .map(({ counts, shared, members }): AssignmentInput => ({
    topics: Object.fromEntries(TOPICS.map((topic, i) => [topic, counts[i] ?? 0])),
    members: members.map((m) => (shared ? { ...m, topics: shared } : m)),
  }));

const sizes = (input: AssignmentInput) =>
  Object.values(assignPartitions('sticky', input)).map((partitions) => partitions.length);

describe('sticky assignor', () => {
  it('deals a fresh group round robin, as in the StickyAssignor javadoc example', () => {
    const topics = { t0: 2, t1: 2, t2: 2, t3: 2 };
    const all = ['t0', 't1', 't2', 't3'];
    const input = { topics, members: ['C0', 'C1', 'C2'].map((id) => member(id, all)) };
    expect(sticky(input)).toEqual({
      C0: ['t0p0', 't1p1', 't3p0'],
      C1: ['t0p1', 't2p0', 't3p1'],
      C2: ['t1p0', 't2p1'],
    });
  });

  it('lets the remaining members keep all their partitions when a member leaves', () => {
    const topics = { t0: 2, t1: 2, t2: 2, t3: 2 };
    const all = ['t0', 't1', 't2', 't3'];
    const input = {
      topics,
      members: [
        member('C0', all, ['t0p0', 't1p1', 't3p0'], 1),
        member('C2', all, ['t1p0', 't2p1'], 1),
      ],
    };
    expect(sticky(input)).toEqual({
      C0: ['t0p0', 't0p1', 't1p1', 't3p0'],
      C2: ['t1p0', 't2p0', 't2p1', 't3p1'],
    });
  });

  it('moves only as many partitions as the joining member needs', () => {
    const input = {
      topics: { t: 6 },
      members: [
        member('a', ['t'], ['tp0', 'tp1', 'tp2'], 4),
        member('b', ['t'], ['tp3', 'tp4', 'tp5'], 4),
        member('c', ['t']),
      ],
    };
    expect(sticky(input)).toEqual({ a: ['tp0', 'tp1'], b: ['tp3', 'tp4'], c: ['tp2', 'tp5'] });
  });

  it('balances unequal subscriptions as the javadoc example: C1 t1p0,t1p1 and C2 all of t2', () => {
    const input = {
      topics: { t0: 1, t1: 2, t2: 3 },
      members: [member('C0', ['t0']), member('C1', ['t0', 't1']), member('C2', ['t0', 't1', 't2'])],
    };
    expect(sticky(input)).toEqual({
      C0: ['t0p0'],
      C1: ['t1p0', 't1p1'],
      C2: ['t2p0', 't2p1', 't2p2'],
    });
  });

  it('with unequal subscriptions, drops unsubscribed topics and moves owned partitions only to rebalance', () => {
    const input = {
      topics: { t0: 2, t1: 2 },
      members: [
        member('C0', ['t0', 't1'], ['t0p0', 't1p0'], 2),
        member('C1', ['t0'], ['t0p1', 't1p1'], 2),
      ],
    };
    expect(sticky(input)).toEqual({ C0: ['t1p0', 't1p1'], C1: ['t0p0', 't0p1'] });
  });

  it('gives a partition claimed in two generations to the higher generation’s claimant', () => {
    const input = {
      topics: { t: 2 },
      members: [member('a', ['t'], ['tp0'], 1), member('z', ['t'], ['tp0'], 2)],
    };
    expect(sticky(input)).toEqual({ a: ['tp1'], z: ['tp0'] });
  });

  it('invalidates a partition claimed twice in the same generation: neither claimant keeps it', () => {
    const claimedTwice = {
      topics: { t: 1 },
      members: [member('a', ['t']), member('x', ['t'], ['tp0'], 4), member('y', ['t'], ['tp0'], 4)],
    };
    expect(sticky(claimedTwice)).toEqual({ a: ['tp0'], x: [], y: [] });
    const newerClaim = {
      ...claimedTwice,
      members: [member('a', ['t']), member('x', ['t'], ['tp0'], 4), member('y', ['t'], ['tp0'], 5)],
    };
    expect(sticky(newerClaim)).toEqual({ a: [], x: [], y: ['tp0'] });
  });

  it('still honours uncontested claims from an older generation', () => {
    const input = {
      topics: { t: 3 },
      members: [member('a', ['t'], ['tp2'], 1), member('b', ['t'], ['tp0'], 5), member('c', ['t'])],
    };
    expect(sticky(input)).toEqual({ a: ['tp2'], b: ['tp0'], c: ['tp1'] });
  });

  it('gives at most one partition each when members outnumber partitions, owners keeping theirs', () => {
    const input = {
      topics: { t: 2 },
      members: [
        member('a', ['t']),
        member('b', ['t']),
        member('c', ['t'], ['tp1'], 1),
        member('d', ['t']),
      ],
    };
    expect(sticky(input)).toEqual({ a: ['tp0'], b: [], c: ['tp1'], d: [] });
  });

  it('ignores claims on deleted topics, missing partitions and topics no longer subscribed', () => {
    const input = {
      topics: { t: 2, old: 3 },
      members: [
        member('a', ['t'], ['gonep0', 'tp7', 'oldp1', 'tp1'], 1),
        member('b', ['t'], [], 1),
      ],
    };
    expect(sticky(input)).toEqual({ a: ['tp1'], b: ['tp0'] });
  });

  it('lets exactly P mod C members keep maxQuota, trimming other owners to minQuota', () => {
    const input = {
      topics: { t: 4 },
      members: [
        member('a', ['t'], ['tp0', 'tp1'], 1),
        member('b', ['t'], ['tp2', 'tp3'], 1),
        member('c', ['t']),
      ],
    };
    expect(sticky(input)).toEqual({ a: ['tp0', 'tp1'], b: ['tp2'], c: ['tp3'] });
  });

  it('trims an over-quota owner by keeping its partitions sorted by partition, then topic', () => {
    const input = {
      topics: { x: 2, y: 2 },
      members: [member('a', ['x', 'y'], ['xp1', 'yp1', 'yp0', 'xp0'], 1), member('b', ['x', 'y'])],
    };
    expect(sticky(input)).toEqual({ a: ['xp0', 'yp0'], b: ['xp1', 'yp1'] });
  });

  it('is valid and balanced for any group, claims and subscriptions', () => {
    fc.assert(
      fc.property(groupArbitrary, (input) => {
        const result = assignPartitions('sticky', input);
        expect(findAssignmentViolations(input, result)).toEqual([]);
        expect(findBalanceViolations(input, result)).toEqual([]);
      }),
      { numRuns: 500, seed: 42 },
    );
  });

  it('keeps counts within one of each other when all subscriptions are identical', () => {
    fc.assert(
      fc.property(groupArbitrary, fc.subarray(TOPICS, { minLength: 1 }), (input, topics) => {
        const same = { ...input, members: input.members.map((m) => ({ ...m, topics })) };
        const counts = sizes(same);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('does not depend on the order members arrive in', () => {
    fc.assert(
      fc.property(groupArbitrary, (input) => {
        const reversed = { ...input, members: [...input.members].reverse() };
        expect(assignPartitions('sticky', reversed)).toEqual(assignPartitions('sticky', input));
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('changes nothing when rerun on its own result (fully sticky once balanced)', () => {
    fc.assert(
      fc.property(groupArbitrary, (input) => {
        const first = assignPartitions('sticky', input);
        expect(assignPartitions('sticky', nextRound(input, first, 9))).toEqual(first);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('keeps every remaining member’s partitions when members with identical subscriptions leave', () => {
    fc.assert(
      fc.property(groupArbitrary, fc.nat(5), (input, leaving) => {
        const topics = ['a', 'b', 'c'];
        const same = { ...input, members: input.members.map((m) => ({ ...m, topics })) };
        const before = assignPartitions('sticky', same);
        const stayed = nextRound(same, before, 5).members.filter((_, i) => i !== leaving);
        const after = assignPartitions('sticky', { ...same, members: stayed });
        for (const { memberId } of stayed)
          expect(after[memberId]).toEqual(expect.arrayContaining(before[memberId]!));
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
