import { describe, expect, it } from 'vitest';
import { placeLabels, timelineExtentMs, timelineScale } from './timeline';

describe('timeline layout', () => {
  it('extends to what the run reached, rounded up, and at least a minute', () => {
    expect(timelineExtentMs(0, 0, [])).toBe(60_000);
    expect(timelineExtentMs(123_000, 5_000, [])).toBe(130_000);
    expect(timelineExtentMs(0, 0, [95_000])).toBe(110_000);
  });

  it('maps 0 and the extent to the inset ends', () => {
    const scale = timelineScale(60_000, 1000);
    expect(scale(0)).toBe(14);
    expect(scale(60_000)).toBe(986);
  });

  it('puts labels that would overlap on another row, and drops them when no row is free', () => {
    const rows = placeLabels(
      [
        { x: 100, width: 80 },
        { x: 120, width: 80 },
        { x: 140, width: 80 },
        { x: 400, width: 80 },
      ],
      2,
    );
    expect(rows).toEqual([0, 1, -1, 0]);
  });
});
