import { describe, expect, it } from 'vitest';
import { LABEL_CHAR_WIDTH, labelPlacement } from './labelPlacement';

const full = 'committed 26 · lag 50 · owner email-0 at 30';
const short = 'committed 26 · lag 50';

describe('group row label placement', () => {
  it('goes right of the markers when it fits', () => {
    expect(labelPlacement(full, short, [200, 210], 120, 880)).toEqual({ text: full, x: 222, anchor: 'start' });
  });

  it('goes left of both markers when the right side is too short', () => {
    expect(labelPlacement(full, short, [800, 820], 120, 880)).toEqual({ text: full, x: 788, anchor: 'end' });
  });

  it('drops the owner rather than run over the group name or past the lane', () => {
    // Neither side has room for the full text, but the short one fits on the right.
    const placed = labelPlacement(full, short, [300], 120, 600);
    expect(placed.text).toBe(short);
    expect(placed.x + short.length * LABEL_CHAR_WIDTH).toBeLessThanOrEqual(600 - 8);
    expect(placed.x - (placed.anchor === 'end' ? short.length * LABEL_CHAR_WIDTH : 0)).toBeGreaterThanOrEqual(120);
  });

  it('never starts left of the lane', () => {
    const placed = labelPlacement(full, short, [150], 120, 300);
    expect(placed.anchor === 'start' ? placed.x : placed.x - placed.text.length * LABEL_CHAR_WIDTH).toBeGreaterThanOrEqual(120);
  });

  it('fits between two markers far apart when neither outer side has room', () => {
    // ▲ near the lane's start (a consumer that just restarted), ◆ near the log end.
    const placed = labelPlacement(full, short, [780, 180], 120, 880);
    expect(placed).toEqual({ text: full, x: 192, anchor: 'start' });
  });
});
