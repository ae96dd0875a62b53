/** Conditions are pure functions of summaries, events and time; paths with `*` sum their matches. */
import { describe, expect, it } from 'vitest';
import type { SimEvent, Summary } from '../../engine';
import { compare, evaluate, type ConditionContext } from './evaluateCondition';
import { readPath } from './summaryPath';

const summary = (lags: (number | null)[], status = 'running') =>
  ({
    groups: {
      email: {
        members: { 'email-0': { status, assignment: ['orders-0', 'orders-1'] } },
        offsets: Object.fromEntries(lags.map((lag, p) => [`orders-${p}`, { lag, committed: lag === null ? null : 10 }])),
      },
    },
  }) as unknown as Summary;

const event = (seq: number, code: string, fields: Record<string, string | number | boolean>): SimEvent => ({
  seq,
  atMs: seq,
  kind: 'member',
  entity: '',
  text: '',
  code: code as SimEvent['code'],
  fields,
});

function ctx(over: Partial<ConditionContext> = {}): ConditionContext {
  return { summary: summary([3, 4]), stepStart: summary([1, 1]), lessonStart: summary([null, null]), stepEvents: [], lessonEvents: [], elapsedMs: 0, ...over };
}

describe('summary paths', () => {
  it('sums numbers under *, counts non-null matches, reads words, list lengths and nothing', () => {
    const s = summary([3, null, 5]);
    expect(readPath(s, 'groups.email.offsets.*.lag')).toBe(8);
    expect(readPath(s, 'groups.email.offsets.*.lag', 'count')).toBe(2);
    expect(readPath(s, 'groups.email.offsets.*.lag', 'max')).toBe(5);
    expect(readPath(s, 'groups.email.members.email-0.status')).toBe('running');
    expect(readPath(s, 'groups.email.members.email-0.assignment.length')).toBe(2);
    expect(readPath(s, 'groups.billing.offsets.*.lag')).toBeNull();
    expect(readPath(s, 'groups.email.__proto__')).toBeNull();
  });
});

describe('conditions', () => {
  it('compares paths with numbers, words and other paths; null never matches', () => {
    expect(evaluate({ compare: { path: 'groups.email.offsets.*.lag' }, op: '=', to: 7 }, ctx())).toBe(true);
    expect(evaluate({ compare: { path: 'groups.email.offsets.*.lag', change: 'step' }, op: '=', to: 5 }, ctx())).toBe(true);
    expect(evaluate({ compare: { path: 'groups.email.offsets.*.lag', at: 'step' }, op: '<', to: { path: 'groups.email.offsets.*.lag' } }, ctx())).toBe(true);
    expect(evaluate({ compare: { path: 'groups.email.offsets.*.lag', at: 'lesson' }, op: '>=', to: 0 }, ctx())).toBe(false);
    expect(evaluate({ compare: { path: 'groups.email.offsets.*.lag', times: 2, plus: -4 }, op: '=', to: 10 }, ctx())).toBe(true);
    expect(evaluate({ compare: { path: 'groups.email.members.email-0.status' }, op: '!=', to: 'crashed' }, ctx())).toBe(true);
    expect(compare('running', '<', 'stopped')).toBe(false);
  });

  it('counts or sums events since the step (or the lesson) began, matching their fields', () => {
    const revoked = [event(1, 'partitions.revoked', { group: 'a', count: 2 }), event(2, 'partitions.revoked', { group: 'a', count: 4 }), event(3, 'partitions.revoked', { group: 'b', count: 1 })];
    const c = ctx({ stepEvents: revoked.slice(1), lessonEvents: revoked });
    expect(evaluate({ event: 'partitions.revoked', where: { group: 'a' } }, c)).toBe(true);
    expect(evaluate({ event: 'partitions.revoked', where: { group: 'a' }, op: '=', value: 1 }, c)).toBe(true);
    expect(evaluate({ event: 'partitions.revoked', where: { group: 'a' }, since: 'lesson', op: '=', value: 2 }, c)).toBe(true);
    expect(evaluate({ event: 'partitions.revoked', sumOf: 'count', op: '=', value: 5 }, c)).toBe(true);
    expect(evaluate({ event: 'query' }, c)).toBe(false);
  });

  it('combines with all, any, not and virtual time in the step', () => {
    const c = ctx({ elapsedMs: 1000 });
    expect(evaluate({ all: [{ elapsedMs: 1000 }, { not: { elapsedMs: 2000 } }] }, c)).toBe(true);
    expect(evaluate({ any: [{ elapsedMs: 5000 }, { event: 'query' }] }, c)).toBe(false);
  });
});
