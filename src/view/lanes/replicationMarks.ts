/**
 * Where a replicated partition's lane draws what only replication has (issue 17): the high
 * watermark apart from the leader's log end, the records between them (on the leader, not yet
 * committed, so no consumer reads them), and the offsets whose records were acknowledged and
 * then cut from the log. Pure functions of the snapshot and the lane layout, unit-tested.
 */
import type { LostRecordsView, PartitionView } from '../../engine';
import { LANE, markerX, type LaneLayout } from '../layout';

/** Ghost cells drawn after the log end for lost offsets no record has taken again. */
export const GHOST_SLOTS = 6;

/**
 * The offset of the lane's last slot: the log end (the next offset the leader writes), or a few
 * cells further while lost offsets above the log end have not been written again.
 */
export function laneEnd(partition: PartitionView): number {
  const runs = partition.ackedThenLost ?? [];
  const lostEnd = runs.length > 0 ? Math.max(...runs.map((r) => r.toOffset)) : 0;
  const ghosts = Math.min(GHOST_SLOTS, Math.max(0, lostEnd - partition.logEndOffset - 1));
  return partition.logEndOffset + ghosts;
}

/** Whether `offset` is one whose record was acknowledged and then lost. */
export function isLost(runs: readonly LostRecordsView[] | undefined, offset: number): boolean {
  return runs?.some((r) => offset >= r.fromOffset && offset < r.toOffset) ?? false;
}

/** A horizontal stretch of the lane, in pixels, for a range of offsets. */
export interface Stretch {
  x1: number;
  x2: number;
}

/** The pixels of offsets [from, to) where the lane draws them, or null when none is drawn. */
export function stretchOf(layout: LaneLayout, from: number, to: number): Stretch | null {
  const first = layout.spans[0]!.firstOffset;
  const last = layout.spans[layout.spans.length - 1]!;
  const end = last.firstOffset + last.slots;
  const a = Math.max(from, first);
  const b = Math.min(to, end);
  if (b <= a) return null;
  const x1 = markerX(layout, a).x;
  const x2 = markerX(layout, b).x;
  return x2 > x1 ? { x1, x2 } : null;
}

/** The pixels of offsets [from, to) in each span that draws some of them (never across a break). */
export function stretchesOf(layout: LaneLayout, from: number, to: number): Stretch[] {
  const out: Stretch[] = [];
  for (const span of layout.spans) {
    const a = Math.max(from, span.firstOffset);
    const b = Math.min(to, span.firstOffset + span.slots);
    if (b <= a) continue;
    const step = layout.cellWidth + LANE.cellGap;
    out.push({ x1: span.x + (a - span.firstOffset) * step - LANE.cellGap / 2, x2: span.x + (b - span.firstOffset) * step - LANE.cellGap / 2 });
  }
  return out;
}

/** Text of the lost run's mark, as long as the room allows (about 7 px a character at 12 px). */
export function lostLabel(run: LostRecordsView, room: number): string {
  const count = run.toOffset - run.fromOffset;
  for (const text of [`✕ ${count} acknowledged, then lost`, `✕ ${count} acked, lost`, `✕ ${count}`]) {
    if (text.length * 7 <= room) return text;
  }
  return '';
}

/** What a run's mark says to assistive technology and in its tooltip. */
export function lostDescription(name: string, run: LostRecordsView): string {
  const count = run.toOffset - run.fromOffset;
  const offsets = count === 1 ? `offset ${run.fromOffset}` : `offsets ${run.fromOffset}–${run.toOffset - 1}`;
  return `${name}: ${count} record${count === 1 ? '' : 's'} acknowledged then lost at ${offsets}, cut from the log at ${(run.atMs / 1000).toFixed(1)} s when leader epoch ${run.leaderEpoch} began`;
}

/** What the stretch between the high watermark and the log end says. */
export function uncommittedDescription(name: string, partition: PartitionView): string {
  const count = partition.logEndOffset - partition.highWatermark;
  return `${name}: ${count} record${count === 1 ? '' : 's'} on the leader above the high watermark ${partition.highWatermark} (log end ${partition.logEndOffset}): not yet committed, no consumer reads ${count === 1 ? 'it' : 'them'} yet`;
}
