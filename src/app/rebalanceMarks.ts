/**
 * Rebalance markers for the timeline: every completed rebalance this run has passed, kept
 * after the playhead moves back (the snapshot only knows the ones up to now).
 */
import type { GroupView } from '../engine';
import type { RebalanceMark } from './store';

/** Adds the groups' rebalances not yet marked; returns `marks` itself when nothing is new. */
export function mergeRebalances(marks: readonly RebalanceMark[], groups: readonly GroupView[]): RebalanceMark[] {
  const seen = new Set(marks.map(markKey));
  let added: RebalanceMark[] | null = null;
  for (const group of groups) {
    for (const r of group.rebalances) {
      const mark = { atMs: r.atMs, groupId: group.groupId, generation: r.generation };
      if (seen.has(markKey(mark))) continue;
      seen.add(markKey(mark));
      (added ??= []).push(mark);
    }
  }
  if (!added) return marks as RebalanceMark[];
  return [...marks, ...added].sort((a, b) => a.atMs - b.atMs || a.groupId.localeCompare(b.groupId));
}

function markKey(mark: RebalanceMark): string {
  return `${mark.groupId}#${mark.generation}@${mark.atMs}`;
}
