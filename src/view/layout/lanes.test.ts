import { describe, expect, it } from 'vitest';
import { COMPACT_LANE_ROWS, groupRowY, laneBlockHeight, laneLayout, markerX, offsetX, spanOf } from './lanes';

describe('laneLayout', () => {
  it('ends the window at the high watermark so the newest records sit at the right', () => {
    const layout = laneLayout(1000, 500);
    expect(layout.spans).toHaveLength(1);
    const span = layout.spans[0]!;
    expect(span.firstOffset + span.slots - 1).toBe(500);
    expect(layout.gap).toBeNull();
  });

  it('starts at offset 0 while the log is shorter than the lane', () => {
    expect(laneLayout(1000, 3).spans[0]!.firstOffset).toBe(0);
  });

  it('places consecutive offsets one cell apart, left to right', () => {
    const layout = laneLayout(1000, 100);
    expect(offsetX(layout, 90) - offsetX(layout, 89)).toBeCloseTo(layout.cellWidth + 2);
  });

  it('keeps one span when every anchor is inside the newest window', () => {
    const layout = laneLayout(1000, 500, [495, 480]);
    expect(layout.spans).toHaveLength(1);
  });

  it('adds a left span around an older anchor, a break, and the newest offsets on the right', () => {
    // A consumer that was down: its committed offset 26 is far behind the log end 500.
    const layout = laneLayout(1000, 500, [26, 480]);
    expect(layout.spans).toHaveLength(2);
    const [left, right] = layout.spans as [NonNullable<(typeof layout.spans)[0]>, NonNullable<(typeof layout.spans)[0]>];
    expect(left.firstOffset).toBe(24);
    expect(right.firstOffset + right.slots - 1).toBe(500);
    expect(layout.gap).toEqual(expect.objectContaining({ fromOffset: left.firstOffset + left.slots, toOffset: right.firstOffset }));
    // The same number of cell slots as one span: the break takes three.
    expect(left.slots + right.slots + 3).toBe(laneLayout(1000, 500).spans[0]!.slots);
    expect(spanOf(layout, 26)).toBe(left);
    expect(spanOf(layout, 500)).toBe(right);
    expect(spanOf(layout, layout.gap!.fromOffset)).toBeNull();
    // Left to right without overlap.
    expect(offsetX(layout, left.firstOffset + left.slots, left)).toBeLessThanOrEqual(layout.gap!.x + 0.001);
    expect(layout.gap!.x + layout.gap!.width).toBeCloseTo(right.x);
  });

  it('places markers in their span, at the break when left out, and clamps outside the lane', () => {
    const layout = laneLayout(1000, 500, [26]);
    const [left, right] = layout.spans as [NonNullable<(typeof layout.spans)[0]>, NonNullable<(typeof layout.spans)[0]>];
    expect(markerX(layout, 26)).toEqual({ x: offsetX(layout, 26, left) - 1, clamped: null });
    expect(markerX(layout, 490)).toEqual({ x: offsetX(layout, 490, right) - 1, clamped: null });
    expect(markerX(layout, layout.gap!.fromOffset + 1)).toEqual({ x: layout.gap!.x + layout.gap!.width / 2, clamped: 'gap' });
    expect(markerX(layout, 0)).toEqual({ x: layout.laneX - 4, clamped: 'left' });
  });

  it('clamps markers left of a single window to the lane start and says so', () => {
    const layout = laneLayout(1000, 500);
    expect(markerX(layout, 0).clamped).toBe('left');
    expect(markerX(layout, 500).clamped).toBeNull();
  });

  it('widens the left span to take in a second old anchor close to the oldest', () => {
    // A restarted consumer: committed 26, its position already at 40, the log end at 500.
    const layout = laneLayout(1000, 500, [26, 40]);
    const [left] = layout.spans;
    expect(spanOf(layout, 26)).toBe(left);
    expect(spanOf(layout, 40)).toBe(left);
    expect(markerX(layout, 40).clamped).toBeNull();
    // Never more than 60 % of the cells: an anchor far from the oldest stays in the break.
    expect(markerX(layout, 200).clamped).toBe('gap');
  });

  it('on a short screen takes a row per group and the cells, nothing more: the log end goes after the cells', () => {
    expect(laneBlockHeight(1, COMPACT_LANE_ROWS)).toBeLessThan(laneBlockHeight(1) * 0.7);
    // Three partitions of the affected group fit in the room a 1280×720 screen leaves.
    expect(3 * laneBlockHeight(1, COMPACT_LANE_ROWS)).toBeLessThanOrEqual(150);
    // Group rows follow the cells directly, one after another.
    expect(groupRowY(0, 1, COMPACT_LANE_ROWS) - groupRowY(0, 0, COMPACT_LANE_ROWS)).toBe(COMPACT_LANE_ROWS.groupRow);
    expect(groupRowY(0, 0, COMPACT_LANE_ROWS)).toBeGreaterThan(COMPACT_LANE_ROWS.top + COMPACT_LANE_ROWS.height);
  });
});
