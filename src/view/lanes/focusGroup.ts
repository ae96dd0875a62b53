/**
 * The group a short screen's lanes show alone, so the story's evidence fits beside the pipeline
 * (at 1280×720 every group's rows under every lane would not): the group the user picked (the
 * group or one of its instances selected), else the group the story is about now — one with a
 * member crashed, hung or stopped, else the one with the most records still to process when
 * that is a real backlog. With none of these, no group stands out and every row is shown.
 */
import type { GroupView, TopicView } from '../../engine';
import { ownerPositions } from '../ownership';

/** Fewer records to process than this is the normal trail of a healthy consumer, not a story. */
export const BACKLOG_WORTH_SHOWING = 20;

export function focusGroup(groups: readonly GroupView[], topics: readonly TopicView[], selection: string | null): string | null {
  const picked = pickedGroup(groups, selection);
  if (picked) return picked;
  const failing = groups.find((g) => g.instances.some((i) => i.status !== 'running'));
  if (failing) return failing.groupId;
  let most: { groupId: string; records: number } | null = null;
  for (const group of groups) {
    // Records to process, as the lanes count them (partitionLag.ts): from the owner's position,
    // or from the committed offset while nobody owns the partition.
    const positions = ownerPositions(group);
    let records = 0;
    for (const topic of topics) {
      if (!group.subscribe.includes(topic.name)) continue;
      for (const partition of topic.partitions) {
        const pk = `${partition.topic}-${partition.partition}`;
        const from = positions.get(pk) ?? group.committed[pk];
        if (from !== undefined) records += Math.max(0, partition.highWatermark - from);
      }
    }
    if (records >= BACKLOG_WORTH_SHOWING && (most === null || records > most.records)) most = { groupId: group.groupId, records };
  }
  return most?.groupId ?? null;
}

function pickedGroup(groups: readonly GroupView[], selection: string | null): string | null {
  if (selection?.startsWith('group:')) {
    const id = selection.slice('group:'.length);
    return groups.some((g) => g.groupId === id) ? id : null;
  }
  if (selection?.startsWith('instance:')) {
    const name = selection.slice('instance:'.length);
    return groups.find((g) => g.instances.some((i) => i.name === name))?.groupId ?? null;
  }
  return null;
}
