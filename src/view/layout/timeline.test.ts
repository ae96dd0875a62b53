import { describe, expect, it } from 'vitest';
import { clusterByPixels, describeDetails, MARKER_DETAILS_SHOWN, mergeSameMoment, placeLabels, timelineExtentMs, timelineScale } from './timeline';

describe('timeline layout', () => {
  it('extends to what the run reached, rounded up, and at least a minute', () => {
    expect(timelineExtentMs(0, 0, [])).toBe(60_000);
    expect(timelineExtentMs(123_000, 5_000, [])).toBe(300_000);
    expect(timelineExtentMs(0, 0, [95_000])).toBe(120_000);
    // While a run plays from 1:01 to 1:59 the axis keeps one length: its markers never slide.
    const lengths = new Set<number>();
    for (let t = 61_000; t < 120_000; t += 1000) lengths.add(timelineExtentMs(t, t, [50_000]));
    expect([...lengths]).toEqual([120_000]);
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
    expect(rows.map((r) => r.row)).toEqual([0, 1, -1, 0]);
  });

  it('moves a label inward where it would leave the strip, so a marker at the edge keeps its label whole', () => {
    const placed = placeLabels([{ x: 14, width: 120 }, { x: 990, width: 100 }], 2, 6, 1000);
    expect(placed).toEqual([{ row: 0, x: 60 }, { row: 0, x: 950 }]);
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

describe('merging markers by pixels', () => {
  it('merges 2,000 actions on a 1,000-pixel track into at most one marker per gap, keeping every command', () => {
    const markers = Array.from({ length: 2_000 }, (_, i) => ({ atMs: i * 7, label: `crash s-${i}`, kind: 'action' as const }));
    const scale = timelineScale(14_000, 1000);
    const merged = mergeSameMoment(markers, scale, 10);
    expect(merged.length).toBeLessThanOrEqual(100);
    expect(merged.length).toBeGreaterThan(80);
    expect(merged.reduce((n, m) => n + m.details.length, 0)).toBe(2_000);
    expect(merged[0]!.label).toMatch(/^crash ×\d+$/);
  });

  it('keeps interventions and scenario actions apart even when they are close', () => {
    const merged = mergeSameMoment(
      [
        { atMs: 1_000, label: 'crash a-0', kind: 'action' },
        { atMs: 1_010, label: 'slow b-0', kind: 'intervention' },
        { atMs: 1_020, label: 'start a-0', kind: 'action' },
      ],
      (t) => t / 10,
      5,
    );
    expect(merged.map((m) => [m.kind, m.label])).toEqual([
      ['action', '2 actions'],
      ['intervention', 'slow b-0'],
    ]);
  });

  it('names the first commands in the tooltip and counts the rest', () => {
    const details = Array.from({ length: MARKER_DETAILS_SHOWN + 3 }, (_, i) => `crash s-${i}`);
    expect(describeDetails(details)).toMatch(/^crash s-0, crash s-1, .* and 3 more$/);
    expect(describeDetails(['crash a-0'])).toBe('crash a-0');
  });
});

describe('clusterByPixels', () => {
  it('merges marks closer than the gap and keeps the others apart', () => {
    const clusters = clusterByPixels([40, 100, 31, 106, 300], (x) => x, 12);
    expect(clusters).toEqual([[31, 40], [100, 106], [300]]);
  });
});
