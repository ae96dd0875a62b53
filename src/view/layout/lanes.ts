/**
 * The one model-to-pixel mapping of the partition lanes: which offsets a lane shows and where
 * each cell and marker goes. Pure functions of the snapshot numbers, unit-tested.
 */
/** A run of consecutive offsets drawn as cells, starting at pixel `x`. */
export interface LaneSpan {
  firstOffset: number;
  slots: number;
  x: number;
}

export interface LaneLayout {
  /**
   * One span ending at the high watermark, or two when something that matters (a group's
   * committed offset or position, the log start) lies further back: then the left span shows
   * the offsets around it, a break stands for the offsets in between, and the right span shows
   * the newest ones. A restarted consumer's committed offset stays on screen while it catches up.
   */
  spans: LaneSpan[];
  /** The offsets left out between the two spans, and where the break is drawn. */
  gap: { fromOffset: number; toOffset: number; x: number; width: number } | null;
  cellWidth: number;
  laneX: number;
}

/** Across a lane: the label column and the cells. */
export const LANE = {
  labelWidth: 120,
  cellGap: 2,
  minCellWidth: 14,
  maxCellWidth: 30,
} as const;

/** Down a lane: where the cells, ticks and group rows go. */
export interface LaneRows {
  /** Room above the cells for the log start and log end markers' labels (0: no such labels). */
  top: number;
  height: number;
  /** Room below the cells for offset ticks. */
  ticks: number;
  /** One row per group: its committed offset, its owner and the owner's position. */
  groupRow: number;
  bottom: number;
  /** Where the log end's figure goes: above the cells by its marker, or after the lane's last cell. */
  endLabel: 'above' | 'after';
}

export const LANE_ROWS: LaneRows = { top: 22, height: 30, ticks: 16, groupRow: 20, bottom: 8, endLabel: 'above' };

/**
 * On a short screen (a 1280×720 projector), lanes give up the line above their cells and the
 * offset ticks: the log end's figure moves after the lane's last cell and each group row says
 * its offsets in words, so the pipeline and the affected group's lanes fit on one screen.
 */
export const COMPACT_LANE_ROWS: LaneRows = { top: 2, height: 24, ticks: 0, groupRow: 18, bottom: 3, endLabel: 'after' };

/** Room kept right of the cells for the log end's figure when it goes after them ("end 12345"). */
export const END_LABEL_ROOM = 64;

/** Height of one partition's block: label room, cells, ticks and a marker row per group. */
export function laneBlockHeight(groupCount: number, rows: LaneRows = LANE_ROWS): number {
  return rows.top + rows.height + rows.ticks + groupCount * rows.groupRow + rows.bottom;
}

/** Cells the break between two spans takes. */
const GAP_SLOTS = 3;

/**
 * Shows the newest offsets: the last slot is the high watermark (the next offset to be written),
 * so the newest records sit at the right edge. When an `anchor` (committed offsets, positions,
 * the log start) is older than that window, a left span starts two cells before the oldest one
 * and is wide enough for the other old anchors when they are close to it.
 */
export function laneLayout(width: number, highWatermark: number, anchors: readonly number[] = []): LaneLayout {
  const usable = Math.max(100, width - LANE.labelWidth - 24);
  const slots = Math.max(4, Math.floor(usable / (LANE.minCellWidth + LANE.cellGap + 6)));
  const cellWidth = Math.min(LANE.maxCellWidth, usable / slots - LANE.cellGap);
  const step = cellWidth + LANE.cellGap;
  const laneX = LANE.labelWidth;
  const newestFirst = Math.max(0, highWatermark - slots + 1);
  const old = anchors.filter((offset) => offset >= 0 && offset < newestFirst);
  if (old.length === 0 || slots < 12) return { spans: [{ firstOffset: newestFirst, slots, x: laneX }], gap: null, cellWidth, laneX };
  const oldest = Math.min(...old);
  // The left span grows (from 40 % up to 60 % of the cells) to take in the other old anchors too.
  const spread = Math.max(...old) - oldest + 5;
  const leftSlots = Math.min(Math.floor((slots - GAP_SLOTS) * 0.6), Math.max(Math.floor((slots - GAP_SLOTS) * 0.4), spread));
  const rightSlots = slots - GAP_SLOTS - leftSlots;
  const left = { firstOffset: Math.max(0, oldest - 2), slots: leftSlots, x: laneX };
  const right = { firstOffset: highWatermark - rightSlots + 1, slots: rightSlots, x: laneX + (leftSlots + GAP_SLOTS) * step };
  const gap = { fromOffset: left.firstOffset + leftSlots, toOffset: right.firstOffset, x: laneX + leftSlots * step, width: GAP_SLOTS * step };
  return { spans: [left, right], gap, cellWidth, laneX };
}

/** The span that draws `offset`, if any. */
export function spanOf(layout: LaneLayout, offset: number): LaneSpan | null {
  return layout.spans.find((span) => offset >= span.firstOffset && offset < span.firstOffset + span.slots) ?? null;
}

/**
 * x of the left edge of the cell for `offset` in `span` (outside the span's cells when the
 * offset is not in it): cells sit on a tape, so a span moves by one transform as the log grows.
 */
export function offsetX(layout: LaneLayout, offset: number, span: LaneSpan = layout.spans[layout.spans.length - 1]!): number {
  return span.x + (offset - span.firstOffset) * (layout.cellWidth + LANE.cellGap);
}

/** y of the baseline of group row `row` below a lane whose block starts at `top`. */
export function groupRowY(top: number, row: number, rows: LaneRows = LANE_ROWS): number {
  return top + rows.top + rows.height + rows.ticks + row * rows.groupRow + rows.groupRow - 6;
}

/**
 * Where a marker at `offset` (a boundary before that offset's cell) is drawn: clamped to the
 * lane's ends, or at the middle of the break when the offset is one of those left out.
 */
export function markerX(layout: LaneLayout, offset: number): { x: number; clamped: 'left' | 'right' | 'gap' | null } {
  const first = layout.spans[0]!;
  const last = layout.spans[layout.spans.length - 1]!;
  if (offset < first.firstOffset) return { x: layout.laneX - 4, clamped: 'left' };
  const end = last.firstOffset + last.slots;
  if (offset > end) return { x: offsetX(layout, end, last), clamped: 'right' };
  // A boundary at the first offset after a span (its end) still belongs to that span.
  const span = layout.spans.find((s) => offset >= s.firstOffset && offset <= s.firstOffset + s.slots);
  if (span) return { x: offsetX(layout, offset, span) - LANE.cellGap / 2, clamped: null };
  return { x: layout.gap!.x + layout.gap!.width / 2, clamped: 'gap' };
}
