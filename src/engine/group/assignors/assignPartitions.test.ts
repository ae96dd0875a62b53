import { describe, expect, it } from 'vitest';
import { assignPartitions } from './assignPartitions';
import { ASSIGNOR_NAMES, type AssignorName } from './types';

const input = {
  topics: { t: 3 },
  members: [
    { memberId: 'a', topics: ['t'] },
    { memberId: 'b', topics: ['t'] },
  ],
};

describe('assignPartitions', () => {
  it.each(ASSIGNOR_NAMES)('runs %s and lists every member', (strategy) => {
    const result = assignPartitions(strategy, input);
    expect(Object.keys(result).sort()).toEqual(['a', 'b']);
    expect(Object.values(result).flat()).toHaveLength(3);
  });

  it('throws an error naming an unknown strategy', () => {
    expect(() => assignPartitions('uniform' as AssignorName, input)).toThrow(/"uniform"/);
  });

  it('refuses an input listing the same member id twice', () => {
    const twice = { topics: { t: 1 }, members: [input.members[0]!, input.members[0]!] };
    expect(() => assignPartitions('range', twice)).toThrow(/Duplicate member id "a"/);
  });

  it('returns an empty assignment for a group without members', () => {
    for (const strategy of ASSIGNOR_NAMES) {
      expect(assignPartitions(strategy, { topics: { t: 3 }, members: [] })).toEqual({});
    }
  });
});
