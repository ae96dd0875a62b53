import { describe, expect, it } from 'vitest';
import type { PartitionView } from '../../engine';
import { laneLayout } from '../layout';
import { GHOST_SLOTS, isLost, laneEnd, lostDescription, lostLabel, stretchesOf, stretchOf, uncommittedDescription } from './replicationMarks';

const partition = (hw: number, leo: number, lost?: [number, number][]) =>
  ({
    topic: 'payments',
    partition: 0,
    logStartOffset: 0,
    highWatermark: hw,
    logEndOffset: leo,
    ...(lost ? { ackedThenLost: lost.map(([fromOffset, toOffset]) => ({ fromOffset, toOffset, atMs: 17_000, leaderEpoch: 1 })) } : {}),
  }) as PartitionView;

describe('replication marks in a lane', () => {
  it('ends the lane at the log end, or a few ghost cells further while lost offsets were not written again', () => {
    expect(laneEnd(partition(40, 60))).toBe(60);
    expect(laneEnd(partition(50, 50, [[50, 399]]))).toBe(50 + GHOST_SLOTS);
    expect(laneEnd(partition(50, 52, [[50, 54]]))).toBe(53);
    expect(laneEnd(partition(475, 475, [[50, 399]]))).toBe(475);
  });

  it('tells lost offsets, and where a range of offsets is drawn', () => {
    expect(isLost(partition(0, 0, [[5, 8]]).ackedThenLost, 7)).toBe(true);
    expect(isLost(partition(0, 0, [[5, 8]]).ackedThenLost, 8)).toBe(false);
    expect(isLost(undefined, 3)).toBe(false);
    const layout = laneLayout(880, 100);
    const first = layout.spans[0]!.firstOffset;
    const stretch = stretchOf(layout, 90, 100)!;
    expect(stretch.x2 - stretch.x1).toBeCloseTo(10 * (layout.cellWidth + 2));
    // Clipped to the offsets drawn; nothing when the range is all before them.
    expect(stretchOf(layout, 0, first + 1)!.x2 - stretchOf(layout, 0, first + 1)!.x1).toBeCloseTo(layout.cellWidth + 2);
    expect(stretchOf(layout, 0, first)).toBeNull();
  });

  it('cuts a range at the break of a broken lane: one stretch per span, none over the break', () => {
    const layout = laneLayout(880, 540, [220]);
    const [left, right] = layout.spans;
    const stretches = stretchesOf(layout, 225, right!.firstOffset + 3);
    expect(stretches).toHaveLength(2);
    expect(stretches[0]!.x2).toBeLessThanOrEqual(layout.gap!.x);
    expect(stretches[1]!.x1).toBeGreaterThanOrEqual(layout.gap!.x + layout.gap!.width - 2);
    expect(stretchesOf(layout, left!.firstOffset + left!.slots, right!.firstOffset)).toEqual([]);
  });

  it('says what was lost and what is not yet committed, in words that fit', () => {
    const run = { fromOffset: 50, toOffset: 399, atMs: 17_000, leaderEpoch: 1 };
    expect(lostLabel(run, 400)).toBe('✕ 349 acknowledged, then lost');
    expect(lostLabel(run, 120)).toBe('✕ 349 acked, lost');
    expect(lostLabel(run, 40)).toBe('✕ 349');
    expect(lostLabel(run, 10)).toBe('');
    expect(lostDescription('payments-0', run)).toBe('payments-0: 349 records acknowledged then lost at offsets 50–398, cut from the log at 17.0 s when leader epoch 1 began');
    expect(uncommittedDescription('payments-0', partition(40, 48))).toMatch(/^payments-0: 8 records on the leader above the high watermark 40 \(log end 48\): not yet committed/);
  });
});
