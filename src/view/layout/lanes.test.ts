import { describe, expect, it } from 'vitest';
import { laneLayout, markerX, offsetX } from './lanes';

describe('laneLayout', () => {
  it('ends the window at the high watermark so the newest records sit at the right', () => {
    const layout = laneLayout(1000, 500);
    expect(layout.firstOffset + layout.slots - 1).toBe(500);
  });

  it('starts at offset 0 while the log is shorter than the lane', () => {
    expect(laneLayout(1000, 3).firstOffset).toBe(0);
  });

  it('places consecutive offsets one cell apart, left to right', () => {
    const layout = laneLayout(1000, 100);
    expect(offsetX(layout, 90) - offsetX(layout, 89)).toBeCloseTo(layout.cellWidth + 2);
  });

  it('clamps markers left of the window to the lane start and says so', () => {
    const layout = laneLayout(1000, 500);
    expect(markerX(layout, 0)).toEqual({ x: layout.laneX - 4, clamped: 'left' });
    expect(markerX(layout, 500).clamped).toBeNull();
  });
});
