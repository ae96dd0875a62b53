import { describe, expect, it } from 'vitest';
import type { GroupView } from '../engine';
import { assignedMember, partitionOwner } from './ownership';

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
