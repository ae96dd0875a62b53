/**
 * Layout of the timeline scrubber: the time scale (linear, as d3-scale's) and where marker labels go so that
 * none overlaps another: each label takes the first row where it fits, else it is left out
 * (its marker keeps a tooltip and the event log lists it).
 */
import { linearScale } from './linearScale';

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

/**
 * Lengths the scrubber's axis may have. The axis is the first of these that holds the run, so
 * while a run plays its scale changes only at these few moments: between them the markers stay
 * where they are instead of sliding left every few seconds (a room watching a projector loses
 * its place when the marks move).
 */
const EXTENT_STEPS_MS = [60_000, 120_000, 300_000, 600_000, 1_200_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000, 43_200_000, 86_400_000];

/** The extent of the scrubber: what the run reached, scenario events, and at least a minute. */
export function timelineExtentMs(reachedMs: number, nowMs: number, scenarioTimes: readonly number[]): number {
  const latest = Math.max(reachedMs, nowMs, ...scenarioTimes.map((t) => t + 10_000), 60_000);
  return EXTENT_STEPS_MS.find((step) => step >= latest) ?? Math.ceil(latest / 3_600_000) * 3_600_000;
}

export function timelineScale(extentMs: number, width: number) {
  return linearScale([0, extentMs], [TIMELINE.inset, Math.max(TIMELINE.inset + 10, width - TIMELINE.inset)]);
}

export interface LabelSlot {
  x: number;
  width: number;
}

export interface PlacedLabel {
  /** Row (0 = nearest the track), or -1 when the label fits in no row. */
  row: number;
  /** Centre of the label: its marker's x, moved inward where the label would leave the strip. */
  x: number;
}

/**
 * Where each label goes (input sorted by x): the first row where it fits, shifted inward so it
 * stays within 0…`stripWidth` (a marker at t = 0 keeps its label whole), or no row at all.
 */
export function placeLabels(labels: readonly LabelSlot[], rows: number = TIMELINE.labelRows, gap = 6, stripWidth = Infinity): PlacedLabel[] {
  const rowEnds = Array.from({ length: rows }, () => Number.NEGATIVE_INFINITY);
  return labels.map((label) => {
    const half = label.width / 2;
    const x = Math.max(half, Math.min(stripWidth - half, label.x));
    for (let row = 0; row < rows; row++) {
      if (x - half >= rowEnds[row]! + gap) {
        rowEnds[row] = x + half;
        return { row, x };
      }
    }
    return { row: -1, x };
  });
}

export interface TimelineMarker {
  atMs: number;
  label: string;
  kind: 'action' | 'intervention';
}

/** Details named in a merged marker's tooltip; the rest are counted. */
export const MARKER_DETAILS_SHOWN = 12;

/**
 * One marker per moment and kind: commands at the same virtual time (two instances crashing
 * together) share a marker labelled "crash ×2", whose `details` lists them all, instead of
 * labels hiding each other. With `xOf` and `minGapPx`, markers of one kind closer than that on
 * screen merge too, so 2,000 actions on a 1,000-pixel track make at most one marker every few
 * pixels, each with a count, instead of an unreadable (and slow) smear of triangles.
 */
export function mergeSameMoment(
  markers: readonly TimelineMarker[],
  xOf: (atMs: number) => number = (atMs) => atMs,
  minGapPx = 0,
): Array<TimelineMarker & { details: string[] }> {
  const merged: Array<TimelineMarker & { details: string[] }> = [];
  const lastOfKind = new Map<TimelineMarker['kind'], { marker: TimelineMarker & { details: string[] }; x: number }>();
  for (const marker of markers) {
    const x = xOf(marker.atMs);
    const last = lastOfKind.get(marker.kind);
    if (last && (last.marker.atMs === marker.atMs || x - last.x < minGapPx)) {
      last.marker.details.push(marker.label);
      continue;
    }
    const entry = { ...marker, details: [marker.label] };
    merged.push(entry);
    lastOfKind.set(marker.kind, { marker: entry, x });
  }
  for (const marker of merged) {
    if (marker.details.length === 1) continue;
    const verbs = new Set(marker.details.map((label) => label.split(' ')[0]));
    marker.label = verbs.size === 1 ? `${[...verbs][0]} ×${marker.details.length}` : `${marker.details.length} actions`;
  }
  return merged;
}

/** The tooltip's list of a marker's commands: the first few, then how many more. */
export function describeDetails(details: readonly string[]): string {
  const shown = details.slice(0, MARKER_DETAILS_SHOWN).join(', ');
  return details.length > MARKER_DETAILS_SHOWN ? `${shown} and ${details.length - MARKER_DETAILS_SHOWN} more` : shown;
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
