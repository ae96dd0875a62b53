import { describe, expect, it } from 'vitest';
import { rebalanceDiff } from './rebalanceDiff';

describe('rebalanceDiff', () => {
  it('tells kept, moved (with the previous owner), new and revoked partitions apart', () => {
    const diff = rebalanceDiff([
      { memberId: 'a-0-1', instance: 'a-0', owned: ['t-0', 't-1', 't-2'], assignment: ['t-0', 't-1'] },
      { memberId: 'a-1-1', instance: 'a-1', owned: [], assignment: ['t-2', 't-3'] },
    ]);
    expect(diff['a-0']).toEqual({ chips: [{ partition: 't-0', kind: 'kept' }, { partition: 't-1', kind: 'kept' }], revoked: ['t-2'] });
    expect(diff['a-1']!.chips).toEqual([
      { partition: 't-2', kind: 'moved', from: 'a-0' },
      { partition: 't-3', kind: 'new' },
    ]);
  });
});
