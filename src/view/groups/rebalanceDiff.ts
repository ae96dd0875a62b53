/**
 * What the last rebalance changed for each member, from the coordinator's view: partitions it
 * kept, took from another member, got new (nobody owned them) and had revoked.
 */
import type { GroupMemberView } from '../../engine';

export type ChipKind = 'kept' | 'moved' | 'new';

export interface MemberDiff {
  chips: { partition: string; kind: ChipKind; from?: string }[];
  revoked: string[];
}

export function rebalanceDiff(members: readonly GroupMemberView[]): Record<string, MemberDiff> {
  const previousOwner = new Map<string, string>();
  for (const m of members) for (const p of m.owned) previousOwner.set(p, m.instance);
  // A group's first assignment hands out partitions nobody owned: nothing "moved" or is "new".
  const first = previousOwner.size === 0;
  const out: Record<string, MemberDiff> = {};
  for (const m of members) {
    const assigned = new Set(m.assignment);
    out[m.instance] = {
      chips: m.assignment.map((partition) => {
        const from = previousOwner.get(partition);
        if (from === m.instance || first) return { partition, kind: 'kept' as const };
        if (from === undefined) return { partition, kind: 'new' as const };
        return { partition, kind: 'moved' as const, from };
      }),
      revoked: m.owned.filter((p) => !assigned.has(p)),
    };
  }
  return out;
}
