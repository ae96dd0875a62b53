/**
 * The offsets a partition lane keeps in view even when they lie far behind the log end (the
 * lane then breaks, see laneLayout): the log start, each owner's position, and committed offsets
 * that have stopped moving. A healthy group auto-commits every few seconds, so its committed
 * offset trails the log end by up to one interval's records and catches up at each commit;
 * counting that as "far behind" would break and mend the lane every cycle. A run of records
 * acknowledged then lost (brokers ≥ 2) stays in view for LOST_IN_VIEW_MS after the cut.
 */
import type { GroupView, PartitionView } from '../../engine';
import { partitionOwner } from '../ownership';

/** A committed offset not renewed for longer than this has stopped (Kafka's default auto.commit.interval.ms is 5 s). */
export const STALLED_COMMIT_MS = 6000;

/** How long after a cut the lane keeps the lost offsets' start in view (then they scroll away with the log). */
export const LOST_IN_VIEW_MS = 60_000;

export function laneAnchors(partition: PartitionView, readers: readonly { group: GroupView }[], nowMs: number): number[] {
  const pk = `${partition.topic}-${partition.partition}`;
  const logStart = partition.logStartOffset;
  const anchors = logStart > 0 ? [logStart] : [];
  for (const { group } of readers) {
    const owner = partitionOwner(group, pk);
    const position = owner?.positions[pk];
    if (position !== undefined) anchors.push(position);
    const committed = group.committed[pk];
    const committedAt = group.committedAtMs[pk];
    const stalled = owner === undefined || committedAt === undefined || nowMs - committedAt > STALLED_COMMIT_MS;
    if (committed !== undefined && stalled) anchors.push(committed);
  }
  for (const run of partition.ackedThenLost ?? []) if (nowMs - run.atMs < LOST_IN_VIEW_MS) anchors.push(run.fromOffset);
  // An offset retention already deleted is shown by the log start boundary (its marker is
  // pinned there with ◀): hatched cells alone would say nothing about where the data begins.
  return anchors.map((offset) => Math.max(offset, logStart));
}
