import { describe, expect, it } from 'vitest';
import { clusterByPixels, mergeSameMoment, placeLabels, timelineExtentMs, timelineScale } from './timeline';

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

describe('mergeSameMoment', () => {
  it('gives commands at the same moment one marker, "crash ×2", listing them', () => {
    const merged = mergeSameMoment([
      { atMs: 21_000, label: 'crash billing-after-0', kind: 'action' },
      { atMs: 21_000, label: 'crash billing-before-0', kind: 'action' },
      { atMs: 21_000, label: 'slow email-0', kind: 'intervention' },
      { atMs: 30_000, label: 'start billing-after-0', kind: 'action' },
    ]);
    expect(merged.map((m) => m.label)).toEqual(['crash ×2', 'slow email-0', 'start billing-after-0']);
    expect(merged[0]!.details).toEqual(['crash billing-after-0', 'crash billing-before-0']);
  });

  it('counts different commands at one moment as actions', () => {
    const merged = mergeSameMoment([
      { atMs: 5_000, label: 'crash a-0', kind: 'intervention' },
      { atMs: 5_000, label: 'hang b-0', kind: 'intervention' },
    ]);
    expect(merged).toEqual([{ atMs: 5_000, label: '2 actions', kind: 'intervention', details: ['crash a-0', 'hang b-0'] }]);
  });
});

describe('clusterByPixels', () => {
  it('merges marks closer than the gap and keeps the others apart', () => {
    const clusters = clusterByPixels([40, 100, 31, 106, 300], (x) => x, 12);
    expect(clusters).toEqual([[31, 40], [100, 106], [300]]);
  });
});
