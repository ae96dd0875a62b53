import { describe, expect, it } from 'vitest';
import type { GroupView } from '../engine';
import fc from 'fast-check';
import { assignedMember, ownerPositions, partitionOwner, partitionOwners } from './ownership';

function group(members: Array<[string, string[]]>, instances: Array<[string, string[]]>): GroupView {
  return {
    members: members.map(([instance, assignment], i) => ({ memberId: `${instance}-${i}`, instance, owned: [], assignment })),
    instances: instances.map(([name, assignment]) => ({ name, assignment, positions: Object.fromEntries(assignment.map((pk) => [pk, 7])) })),
  } as unknown as GroupView;
}

describe('who holds a partition', () => {
  it('is the assigned member’s instance once that instance has taken the partition up', () => {
    const g = group([['billing-0', ['orders-0', 'orders-1']], ['billing-1', ['orders-2']]], [['billing-0', ['orders-0', 'orders-1']], ['billing-1', []]]);
    expect(partitionOwner(g, 'orders-1')?.name).toBe('billing-0');
    // Assigned by the coordinator but not yet taken up (SyncGroup still to come): no owner.
    expect(partitionOwner(g, 'orders-2')).toBeUndefined();
    expect(assignedMember(g, 'orders-2')?.instance).toBe('billing-1');
    expect(partitionOwner(g, 'orders-9')).toBeUndefined();
    expect(assignedMember(g, 'orders-9')).toBeUndefined();
  });

  it('is nobody for an evicted zombie that still believes it owns its old partitions', () => {
    const g = group([['billing-1', ['orders-0']]], [['billing-0', ['orders-0']], ['billing-1', []]]);
    expect(partitionOwner(g, 'orders-0')).toBeUndefined();
    expect(assignedMember(g, 'orders-0')?.instance).toBe('billing-1');
  });

  it('answers for each group view on its own (views are immutable; a new one is indexed anew)', () => {
    const before = group([['billing-0', ['orders-0']]], [['billing-0', ['orders-0']]]);
    const after = group([['billing-1', ['orders-0']]], [['billing-0', []], ['billing-1', ['orders-0']]]);
    expect(partitionOwner(before, 'orders-0')?.name).toBe('billing-0');
    expect(partitionOwner(after, 'orders-0')?.name).toBe('billing-1');
    expect(partitionOwner(before, 'orders-0')?.name).toBe('billing-0');
  });
});

/** The answer worked out from scratch, as the views define it (the reference for the cached one). */
function reference(g: GroupView, pk: string): { member?: string; owner?: string; position?: number } {
  const member = g.members.find((m) => m.assignment.includes(pk));
  const owner = member && g.instances.find((i) => i.name === member.instance && i.assignment.includes(pk));
  return { member: member?.instance, owner: owner?.name, position: owner?.positions[pk] };
}

describe('ownership kept across group views', () => {
  it('answers with the new view’s instances when the members and assignments are shared', () => {
    const before = group([['billing-0', ['orders-0']]], [['billing-0', ['orders-0']]]);
    // The next publish: same members and assignment arrays, a new position.
    const after = {
      ...before,
      instances: [{ ...before.instances[0]!, positions: { 'orders-0': 42 } }],
    } as GroupView;
    expect(partitionOwner(before, 'orders-0')?.positions['orders-0']).toBe(7);
    expect(partitionOwner(after, 'orders-0')?.positions['orders-0']).toBe(42);
    expect(ownerPositions(after).get('orders-0')).toBe(42);
    expect(partitionOwners(after).get('orders-0')).toBe(after.instances[0]);
  });

  it('matches the answer from scratch through views that share members, assignments, both or neither', () => {
    const partitions = ['t-0', 't-1', 't-2', 't-3', 't-4'];
    const names = ['a', 'b', 'c'];
    const assignment = fc.subarray(partitions);
    const step = fc.record({
      newMembers: fc.boolean(),
      members: fc.array(fc.tuple(fc.constantFrom(...names), assignment), { maxLength: 3 }),
      changed: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      assignments: fc.array(assignment, { minLength: 3, maxLength: 3 }),
      position: fc.integer({ min: 0, max: 99 }),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        let previous: GroupView | null = null;
        for (const s of steps) {
          const members =
            previous && !s.newMembers
              ? previous.members
              : s.members.map(([instance, assigned], i) => ({ memberId: `${instance}-${i}`, instance, owned: [], assignment: assigned }));
          const instances = names.map((name, i) => {
            const kept = previous?.instances[i]?.assignment;
            const assigned = kept && !s.changed[i] ? kept : [...s.assignments[i]!];
            return { name, assignment: assigned, positions: Object.fromEntries(assigned.map((pk) => [pk, s.position + i])) };
          });
          const view = { members, instances } as unknown as GroupView;
          for (const pk of [...partitions, 'u-0']) {
            const want = reference(view, pk);
            expect(assignedMember(view, pk)?.instance).toBe(want.member);
            expect(partitionOwner(view, pk)?.name).toBe(want.owner);
            expect(partitionOwner(view, pk)?.positions[pk]).toBe(want.position);
            expect(ownerPositions(view).get(pk)).toBe(want.position);
            expect(partitionOwners(view).get(pk)?.name).toBe(want.owner);
          }
          previous = view;
        }
      }),
      { seed: 20261208, numRuns: 300 },
    );
  });
});
