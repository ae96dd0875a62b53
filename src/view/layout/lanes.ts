/**
 * The one model-to-pixel mapping of the partition lanes: which offsets a lane shows and where
 * each cell and marker goes. Pure functions of the snapshot numbers, unit-tested.
 */
export interface LaneLayout {
  /** First offset shown (inclusive). */
  firstOffset: number;
  /** Number of cell slots in the lane. */
  slots: number;
  cellWidth: number;
  laneX: number;
}

export const LANE = {
  labelWidth: 120,
  /** Room above the cells for the log start and log end markers' labels. */
  top: 22,
  height: 30,
  /** Room below the cells for offset ticks. */
  ticks: 16,
  /** One row per group: its committed offset, its owner and the owner's position. */
  groupRow: 20,
  bottom: 8,
  cellGap: 2,
  minCellWidth: 14,
  maxCellWidth: 30,
} as const;

/** Height of one partition's block: label room, cells, ticks and a marker row per group. */
export function laneBlockHeight(groupCount: number): number {
  return LANE.top + LANE.height + LANE.ticks + groupCount * LANE.groupRow + LANE.bottom;
}

/**
 * Shows the newest offsets: the window's last slot is the high watermark (the next offset to
 * be written), so the newest records sit at the right edge and older ones scroll off left.
 */
export function laneLayout(width: number, highWatermark: number): LaneLayout {
  const usable = Math.max(100, width - LANE.labelWidth - 24);
  const slots = Math.max(4, Math.floor(usable / (LANE.minCellWidth + LANE.cellGap + 6)));
  const cellWidth = Math.min(LANE.maxCellWidth, usable / slots - LANE.cellGap);
  const firstOffset = Math.max(0, highWatermark - slots + 1);
  return { firstOffset, slots, cellWidth, laneX: LANE.labelWidth };
}

/** x of the left edge of the cell for `offset` (may be outside the lane when off-window). */
export function offsetX(layout: LaneLayout, offset: number): number {
  return layout.laneX + (offset - layout.firstOffset) * (layout.cellWidth + LANE.cellGap);
}

/** y of the baseline of group row `row` below a lane whose block starts at `top`. */
export function groupRowY(top: number, row: number): number {
  return top + LANE.top + LANE.height + LANE.ticks + row * LANE.groupRow + 14;
}

/** Where a marker at `offset` is drawn, clamped to the lane, and whether it was clamped. */
export function markerX(layout: LaneLayout, offset: number): { x: number; clamped: 'left' | 'right' | null } {
  const lastOffset = layout.firstOffset + layout.slots;
  if (offset < layout.firstOffset) return { x: layout.laneX - 4, clamped: 'left' };
  if (offset > lastOffset) return { x: offsetX(layout, lastOffset), clamped: 'right' };
  return { x: offsetX(layout, offset) - LANE.cellGap / 2, clamped: null };
}
