import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tpKey } from '../../types';
import { assignPartitions } from './assignPartitions';
import { findAssignmentViolations, findBalanceViolations } from './assignmentInvariants';
import { nextRound, show, tps } from './testSupport';
import type { AssignmentInput, AssignmentMember } from './types';

const cooperative = (input: AssignmentInput) => show(assignPartitions('cooperative-sticky', input));
const sticky = (input: AssignmentInput) => show(assignPartitions('sticky', input));
const member = (memberId: string, topics: string[], owned: string[] = [], generation?: number) =>
  ({ memberId, topics, owned: tps(...owned), generation }) satisfies AssignmentMember;

const TOPICS = ['a', 'b', 'c'];
/** Random groups: claims may collide, be stale, name unknown topics or missing partitions. */
const groupArbitrary = fc
  .record({
    counts: fc.tuple(fc.nat(6), fc.nat(6), fc.nat(6)),
    shared: fc.option(fc.subarray(TOPICS, { minLength: 1 }), { nil: undefined }),
    members: fc.uniqueArray(
      fc.record({
        memberId: fc.constantFrom('m0', 'm1', 'm10', 'm2', 'B', 'a', 'z'),
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

/** Generation of each member's claim on each partition, straight from the input. */
function claimsOf(input: AssignmentInput): Map<string, Map<string, number>> {
  const claims = new Map<string, Map<string, number>>();
  for (const m of input.members) {
    for (const { topic, partition } of m.owned ?? []) {
      const byMember = claims.get(tpKey(topic, partition)) ?? new Map<string, number>();
      byMember.set(m.memberId, m.generation ?? -1);
      claims.set(tpKey(topic, partition), byMember);
    }
  }
  return claims;
}

describe('cooperative-sticky assignor', () => {
  it('assigns a fresh group exactly like the sticky assignor', () => {
    const input = {
      topics: { t0: 3, t1: 2 },
      members: ['a', 'b', 'c'].map((id) => member(id, ['t0', 't1'])),
    };
    expect(assignPartitions('cooperative-sticky', input)).toEqual(
      assignPartitions('sticky', input),
    );
  });

  it('withholds partitions moving to a joining member until the follow-up rebalance', () => {
    const input = {
      topics: { t: 6 },
      members: [
        member('a', ['t'], ['tp0', 'tp1', 'tp2'], 4),
        member('b', ['t'], ['tp3', 'tp4', 'tp5'], 4),
        member('c', ['t']),
      ],
    };
    const first = assignPartitions('cooperative-sticky', input);
    expect(show(first)).toEqual({ a: ['tp0', 'tp1'], b: ['tp3', 'tp4'], c: [] });
    expect(cooperative(nextRound(input, first, 5))).toEqual({
      a: ['tp0', 'tp1'],
      b: ['tp3', 'tp4'],
      c: ['tp2', 'tp5'],
    });
  });

  it('hands out a departed member’s partitions at once: nobody still claims them', () => {
    const input = {
      topics: { t: 4 },
      members: [member('a', ['t'], ['tp0', 'tp1'], 2), member('c', ['t'], ['tp3'], 2)],
    };
    expect(cooperative(input)).toEqual({ a: ['tp0', 'tp1'], c: ['tp2', 'tp3'] });
  });

  it('assigns partitions newly added to a topic in the same rebalance', () => {
    const input = {
      topics: { t: 4 },
      members: [member('a', ['t'], ['tp0'], 3), member('b', ['t'], ['tp1'], 3)],
    };
    expect(cooperative(input)).toEqual({ a: ['tp0', 'tp2'], b: ['tp1', 'tp3'] });
  });

  it('withholds a partition claimed twice in the same generation while a claimant remains', () => {
    const input = {
      topics: { t: 1 },
      members: [member('x', ['t'], ['tp0'], 4), member('y', ['t'], ['tp0'], 4)],
    };
    expect(assignPartitions('sticky', input)).toEqual({ x: tps('tp0'), y: [] });
    expect(cooperative(input)).toEqual({ x: [], y: [] });
  });

  it('lets the higher-generation claimant keep its partition though a stale member still lists it', () => {
    const input = {
      topics: { t: 2 },
      members: [member('a', ['t'], ['tp0'], 1), member('z', ['t'], ['tp0'], 2)],
    };
    expect(cooperative(input)).toEqual({ a: ['tp1'], z: ['tp0'] });
  });

  it('withholds a partition an over-quota owner must give up', () => {
    const input = {
      topics: { t: 2 },
      members: [
        member('a', ['t'], ['tp0'], 1),
        member('c', ['t']),
        member('z', ['t'], ['tp0', 'tp1'], 2),
      ],
    };
    expect(sticky(input)).toEqual({ a: ['tp1'], c: [], z: ['tp0'] });
    expect(cooperative(input)).toEqual({ a: [], c: [], z: ['tp0'] });
  });

  it('withholds partitions of a topic the old owner dropped, then settles in one more round', () => {
    const input = {
      topics: { t0: 2, t1: 2 },
      members: [
        member('C0', ['t0', 't1'], ['t0p0', 't1p0'], 2),
        member('C1', ['t0'], ['t0p1', 't1p1'], 2),
      ],
    };
    const first = assignPartitions('cooperative-sticky', input);
    expect(show(first)).toEqual({ C0: ['t1p0'], C1: ['t0p1'] });
    expect(cooperative(nextRound(input, first, 3))).toEqual({
      C0: ['t1p0', 't1p1'],
      C1: ['t0p0', 't0p1'],
    });
  });

  it('lists every member, even one whose whole new assignment is withheld', () => {
    const input = {
      topics: { t: 2 },
      members: [member('old', ['t'], ['tp0', 'tp1'], 1), member('new', ['t'])],
    };
    expect(cooperative(input)).toEqual({ new: [], old: ['tp0'] });
  });

  it('never gives a partition to a member while another member still claims it, unless its claim wins', () => {
    fc.assert(
      fc.property(groupArbitrary, (input) => {
        const claims = claimsOf(input);
        const result = assignPartitions('cooperative-sticky', input);
        for (const [memberId, partitions] of Object.entries(result)) {
          for (const { topic, partition } of partitions) {
            const byMember = claims.get(tpKey(topic, partition)) ?? new Map<string, number>();
            const own = byMember.get(memberId);
            for (const [other, generation] of byMember) {
              if (other !== memberId) expect(own !== undefined && own > generation).toBe(true);
            }
          }
        }
      }),
      { numRuns: 500, seed: 42 },
    );
  });

  it('returns the sticky assignment minus exactly the partitions still claimed elsewhere', () => {
    fc.assert(
      fc.property(groupArbitrary, (input) => {
        const claims = claimsOf(input);
        const eager = assignPartitions('sticky', input);
        const result = assignPartitions('cooperative-sticky', input);
        expect(findAssignmentViolations(input, result, { requireComplete: false })).toEqual([]);
        for (const [memberId, partitions] of Object.entries(eager)) {
          const kept = new Set(result[memberId]?.map((p) => tpKey(p.topic, p.partition)));
          for (const { topic, partition } of partitions) {
            const byMember = claims.get(tpKey(topic, partition));
            const own = byMember?.get(memberId);
            const contested = [...(byMember ?? [])].some(
              ([other, generation]) =>
                other !== memberId && (own === undefined || own <= generation),
            );
            expect(kept.has(tpKey(topic, partition))).toBe(!contested);
          }
        }
      }),
      { numRuns: 500, seed: 8 },
    );
  });

  it('completes a valid, balanced assignment in the follow-up rebalance when subscriptions are identical', () => {
    fc.assert(
      fc.property(groupArbitrary, fc.subarray(TOPICS, { minLength: 1 }), (input, topics) => {
        const same = { ...input, members: input.members.map((m) => ({ ...m, topics })) };
        const first = assignPartitions('cooperative-sticky', same);
        const followUp = nextRound(same, first, 10);
        const second = assignPartitions('cooperative-sticky', followUp);
        expect(findAssignmentViolations(followUp, second)).toEqual([]);
        expect(findBalanceViolations(followUp, second)).toEqual([]);
        const sizes = Object.values(second).map((partitions) => partitions.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500, seed: 21 },
    );
  });

  it('settles to a complete, balanced assignment within three rounds for random groups', () => {
    fc.assert(
      fc.property(groupArbitrary, (input) => {
        let round = input;
        let result = assignPartitions('cooperative-sticky', round);
        for (let generation = 10; generation < 12; generation++) {
          if (findAssignmentViolations(round, result).length === 0) break;
          round = nextRound(round, result, generation);
          result = assignPartitions('cooperative-sticky', round);
        }
        expect(findAssignmentViolations(round, result)).toEqual([]);
        expect(findBalanceViolations(round, result)).toEqual([]);
      }),
      { numRuns: 1000, seed: 13 },
    );
  });

  it('does not depend on the order members arrive in', () => {
    fc.assert(
      fc.property(groupArbitrary, (input) => {
        const reversed = { ...input, members: [...input.members].reverse() };
        expect(assignPartitions('cooperative-sticky', reversed)).toEqual(
          assignPartitions('cooperative-sticky', input),
        );
      }),
      { numRuns: 300, seed: 4 },
    );
  });
});
