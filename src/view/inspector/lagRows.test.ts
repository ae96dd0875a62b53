import { describe, expect, it } from 'vitest';
import type { GroupView, PartitionView, SimSnapshot } from '../../engine';
import { LAG_WHY } from '../lanes/partitionLag';
import { groupLagRows, instanceLagRows, partitionLagRows } from './lagRows';

const partitions = [45, 30].map((hw, i) => ({ topic: 'orders', partition: i, logStartOffset: 0, logEndOffset: hw, highWatermark: hw }) as PartitionView);

// billing-0 owns orders-0 and has read to its log end; billing-1 is assigned orders-1 but has not
// taken it up, so nobody consumes it.
const billing = {
  groupId: 'billing',
  subscribe: ['orders'],
  committed: { 'orders-0': 40, 'orders-1': 26 },
  instances: [
    { name: 'billing-0', assignment: ['orders-0'], positions: { 'orders-0': 45 } },
    { name: 'billing-1', assignment: [], positions: {} },
  ],
  members: [
    { memberId: 'billing-0-1', instance: 'billing-0', owned: [], assignment: ['orders-0'] },
    { memberId: 'billing-1-1', instance: 'billing-1', owned: [], assignment: ['orders-1'] },
  ],
} as unknown as GroupView;
const audit = { groupId: 'audit', subscribe: ['orders'], committed: {}, instances: [], members: [] } as unknown as GroupView;
const snapshot = { topics: [{ name: 'orders', partitions }], groups: [billing, audit] } as unknown as SimSnapshot;

describe("the inspector's lag rows", () => {
  it('lists both figures per partition of a group, totals first, then why they differ', () => {
    expect(groupLagRows(billing, snapshot)).toEqual([
      ['lag', 'in all: lag 9 · 4 to process\norders-0: lag 5 · 0 to process\norders-1: lag 4 · 4 to process'],
      ['why they differ', LAG_WHY],
    ]);
  });

  it("shows an instance only the partitions it owns or holds", () => {
    expect(instanceLagRows(billing, ['orders-0'], snapshot)[0]).toEqual(['lag', 'orders-0: lag 5 · 0 to process']);
    expect(instanceLagRows(billing, [], snapshot)).toEqual([]);
  });

  it('shows a partition one row per group reading it', () => {
    expect(partitionLagRows(partitions[0]!, snapshot)).toEqual([
      ['billing', 'committed 40 · lag 5 · 0 to process'],
      ['audit', 'no commit yet'],
      ['why they differ', LAG_WHY],
    ]);
  });
});
