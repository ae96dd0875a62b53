/**
 * The one entry point of the assignors: run the named strategy over the leader's view of the
 * group. Pure: the same input always gives the same plan, with no clock and no randomness.
 */
import { cooperativeStickyAssign } from './cooperativeSticky';
import { rangeAssign } from './range';
import { roundRobinAssign } from './roundRobin';
import { stickyAssign } from './sticky';
import type { Assignment, AssignmentInput, AssignorName } from './types';

const ASSIGNORS: Readonly<Record<AssignorName, (input: AssignmentInput) => Assignment>> = {
  range: rangeAssign,
  roundrobin: roundRobinAssign,
  sticky: stickyAssign,
  'cooperative-sticky': cooperativeStickyAssign,
};

export function assignPartitions(strategy: AssignorName, input: AssignmentInput): Assignment {
  const assignor = Object.hasOwn(ASSIGNORS, strategy) ? ASSIGNORS[strategy] : undefined;
  if (!assignor) {
    throw new Error(`Unknown partition assignment strategy "${String(strategy)}"`);
  }
  const seen = new Set<string>();
  for (const { memberId } of input.members) {
    if (seen.has(memberId))
      throw new Error(`Duplicate member id "${memberId}" in assignment input`);
    seen.add(memberId);
  }
  return assignor(input);
}
