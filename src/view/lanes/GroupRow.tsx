/**
 * One group's row under a partition lane: ▲ at its committed offset, ◆ at the position of the
 * instance that owns the partition, and a label saying committed offset, lag and owner. A
 * marker left of the visible window is pinned to the lane's start with ◀.
 */
import { partitionOwner } from '../ownership';
import type { GroupView, PartitionView } from '../../engine';
import { groupRowY, markerX, type LaneLayout } from '../layout';
import { groupColours } from '../palette';

interface Props {
  group: GroupView;
  colourIndex: number;
  row: number;
  top: number;
  layout: LaneLayout;
  partition: PartitionView;
  width: number;
}

export function GroupRow({ group, colourIndex, row, top, layout, partition, width }: Props) {
  const pk = `${partition.topic}-${partition.partition}`;
  const { mark: colour, text: textColour } = groupColours(colourIndex);
  const rowY = groupRowY(top, row);
  const committed = group.committed[pk];
  const owner = partitionOwner(group, pk);
  const position = owner?.positions[pk];
  const ownerText = owner ? `owner ${owner.name}${position !== undefined ? ` at ${position}` : ''}` : 'no owner';
  const lag = committed === undefined ? null : Math.max(0, partition.highWatermark - committed);
  const base = committed === undefined ? `no commit yet · ${ownerText}` : `committed ${committed} · lag ${lag} · ${ownerText}`;
  const mark = committed === undefined ? null : markerX(layout, committed);
  const pos = position === undefined ? null : markerX(layout, position);
  // Pinned to the lane's start: the real offset is further left, outside the window.
  const pinned = (mark ?? pos)?.clamped === 'left' ? '◀ ' : '';
  const short = committed === undefined ? 'no commit yet' : `committed ${committed} · lag ${lag}`;
  const xs = [mark?.x, pos?.x].filter((x): x is number => x !== undefined);
  const place = labelPlacement(pinned + base, pinned + short, xs, layout.laneX, width);
  return (
    <g data-testid={`committed-${group.groupId}-${pk}`} data-offset={committed ?? ''} data-owner={owner?.name ?? ''} data-position={position ?? ''}>
      <text x={8} y={rowY} className="group-row-name" fill={textColour}>
        {group.groupId}
      </text>
      <line x1={layout.laneX} x2={width - 8} y1={rowY - 5} y2={rowY - 5} className="group-row-rule" />
      {mark && <path d={`M ${mark.x} ${rowY - 12} l -6 11 l 12 0 z`} fill={colour} />}
      {/* Hollow and drawn last: at the same offset as ▲ (caught up) both stay visible. */}
      {pos && (
        <path d={`M ${pos.x} ${rowY - 16} l 9 9 l -9 9 l -9 -9 z`} fill="none" stroke={colour} strokeWidth={2.5} data-testid={`position-${owner!.name}-${pk}`} data-offset={position} />
      )}
      <text x={place.x} y={rowY} className="committed-label" fill={textColour} textAnchor={place.anchor}>
        {place.text}
      </text>
    </g>
  );
}

/** Roughly the width of the label font's characters (monospace-ish digits, 13 px bold). */
const CHAR_WIDTH = 7.6;

/**
 * Where a row's label goes: right of both markers, else left of both, else between them (right
 * of the left one, when they are far apart), each first in full and then in the short form
 * (without the owner); as a last resort from the lane's start. It never runs over the group's
 * name on the left or past the lane on the right.
 */
export function labelPlacement(full: string, short: string, markerXs: number[], laneX: number, width: number): { text: string; x: number; anchor: 'start' | 'end' } {
  const sorted = [...markerXs].sort((a, b) => a - b);
  const right = (sorted.length > 0 ? sorted[sorted.length - 1]! : laneX) + 12;
  const left = (sorted.length > 0 ? sorted[0]! : laneX) - 12;
  const between = sorted.length === 2 ? { from: sorted[0]! + 12, to: sorted[1]! - 12 } : null;
  for (const text of [full, short]) {
    const needed = text.length * CHAR_WIDTH;
    if (right + needed <= width - 8) return { text, x: right, anchor: 'start' };
    if (left - needed >= laneX) return { text, x: left, anchor: 'end' };
    if (between && between.to - between.from >= needed) return { text, x: between.from, anchor: 'start' };
  }
  return { text: short, x: laneX, anchor: 'start' };
}
