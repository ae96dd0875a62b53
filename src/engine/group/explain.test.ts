import { describe, expect, it } from 'vitest';
import { describeAssignmentChange, type MemberAssignment } from './explain';

const tp = (partition: number) => ({ topic: 'orders', partition });
const member = (instance: string, partitions: number[], cooperative: boolean): MemberAssignment => ({ instance, partitions: partitions.map(tp), cooperative });

describe('what a rebalance changed, in words', () => {
  it('says "keeps" only for a partition the same member owned through a cooperative rebalance', () => {
    const before = new Map([['m0', member('email-0', [0, 1, 2], true)]]);
    const after = new Map([
      ['m0', member('email-0', [0, 1], true)],
      ['m1', member('email-1', [2], true)],
    ]);
    expect(describeAssignmentChange(before, after)).toBe('email-0 keeps 2; email-1 takes orders-2 from email-0.');
  });

  it('says "gets back" under the eager protocol, where every member revoked everything first', () => {
    const before = new Map([['m0', member('email-0', [0, 1, 2], false)]]);
    const after = new Map([
      ['m0', member('email-0', [0, 1], false)],
      ['m1', member('email-1', [2], false)],
    ]);
    expect(describeAssignmentChange(before, after)).toBe('email-0 gets back orders-0, orders-1; email-1 takes orders-2 from email-0.');
  });

  it('says "gets" when a restarted instance (a new member) has what its previous incarnation had', () => {
    const before = new Map([['m0-old', member('email-0', [0, 1], true)]]);
    const after = new Map([['m0-new', member('email-0', [0, 1], true)]]);
    expect(describeAssignmentChange(before, after)).toBe('email-0 gets orders-0, orders-1.');
  });
});
