/**
 * Layout of the timeline scrubber: the time scale (d3-scale) and where marker labels go so that
 * none overlaps another: each label takes the first row where it fits, else it is left out
 * (its marker keeps a tooltip and the event log lists it).
 */
import { scaleLinear } from 'd3';

export const TIMELINE = {
  height: 72,
  /** Left and right inset so the end markers are not clipped. */
  inset: 14,
  trackY: 36,
  labelRows: 2,
  labelRowHeight: 14,
  /** Approximate width of one character of marker label text at 13px. */
  charWidth: 7,
} as const;

/** The extent of the scrubber: what the run reached, scenario events, and at least a minute. */
export function timelineExtentMs(reachedMs: number, nowMs: number, scenarioTimes: readonly number[]): number {
  const latest = Math.max(reachedMs, nowMs, ...scenarioTimes.map((t) => t + 10_000), 60_000);
  // Round up to a whole 10 s so the axis ends on a clean tick.
  return Math.ceil(latest / 10_000) * 10_000;
}

export function timelineScale(extentMs: number, width: number) {
  return scaleLinear().domain([0, extentMs]).range([TIMELINE.inset, Math.max(TIMELINE.inset + 10, width - TIMELINE.inset)]);
}

export interface LabelSlot {
  x: number;
  width: number;
}

/** Row index (0 = nearest the track) for each label, or -1 when it fits in no row. */
export function placeLabels(labels: readonly LabelSlot[], rows: number = TIMELINE.labelRows, gap = 6): number[] {
  const rowEnds = Array.from({ length: rows }, () => Number.NEGATIVE_INFINITY);
  return labels.map((label) => {
    const left = label.x - label.width / 2;
    for (let row = 0; row < rows; row++) {
      if (left >= rowEnds[row]! + gap) {
        rowEnds[row] = label.x + label.width / 2;
        return row;
      }
    }
    return -1;
  });
}

export interface TimelineMarker {
  atMs: number;
  label: string;
  kind: 'action' | 'intervention';
}

/**
 * One marker per moment and kind: commands at the same virtual time (two instances crashing
 * together) share a marker labelled "crash ×2", whose `details` lists them all, instead of
 * labels hiding each other.
 */
export function mergeSameMoment(markers: readonly TimelineMarker[]): Array<TimelineMarker & { details: string[] }> {
  const merged: Array<TimelineMarker & { details: string[] }> = [];
  for (const marker of markers) {
    const last = merged[merged.length - 1];
    if (last && last.atMs === marker.atMs && last.kind === marker.kind) last.details.push(marker.label);
    else merged.push({ ...marker, details: [marker.label] });
  }
  for (const marker of merged) {
    if (marker.details.length === 1) continue;
    const verbs = new Set(marker.details.map((label) => label.split(' ')[0]));
    marker.label = verbs.size === 1 ? `${[...verbs][0]} ×${marker.details.length}` : `${marker.details.length} actions`;
  }
  return merged;
}

/**
 * Groups points closer than `minGapPx` to the previous one in the same cluster (input sorted by
 * x), so marks drawn at nearly the same place (three groups rebalancing within a second)
 * become one mark with a count instead of a smear.
 */
export function clusterByPixels<T>(items: readonly T[], xOf: (item: T) => number, minGapPx = 12): T[][] {
  const clusters: T[][] = [];
  let lastX = Number.NEGATIVE_INFINITY;
  for (const item of [...items].sort((a, b) => xOf(a) - xOf(b))) {
    const x = xOf(item);
    if (clusters.length > 0 && x - lastX < minGapPx) clusters[clusters.length - 1]!.push(item);
    else clusters.push([item]);
    lastX = x;
  }
  return clusters;
}
