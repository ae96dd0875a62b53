/**
 * One partition drawn as a tape of offset cells: retained records (coloured), deleted offsets
 * (hatched, before the log start offset), the next offset to be written (dashed), the log end
 * marker, and one row per group with a marker at its committed offset. Records stay in the
 * lane after every group has read them: the log is not a queue.
 */
import type { PartitionView } from '../engine';
import { LANE, laneLayout, markerX, offsetX } from './layout';
import { INK, OKABE_ITO } from './palette';
import { recordColour, type ColourMode } from './recordColour';

export interface GroupMarker {
  groupId: string;
  committed: number | undefined;
  colourIndex: number;
}

interface Props {
  partition: PartitionView;
  width: number;
  /** Top of this lane's block. */
  top: number;
  colourMode: ColourMode;
  groups: GroupMarker[];
}

export function PartitionLane({ partition, width, top, colourMode, groups }: Props) {
  const layout = laneLayout(width, partition.highWatermark);
  const y = top + LANE.top;
  const name = `${partition.topic}-${partition.partition}`;
  const byOffset = new Map(partition.recent.map((r) => [r.offset, r]));
  const cells = [];
  for (let slot = 0; slot < layout.slots; slot++) {
    const offset = layout.firstOffset + slot;
    const x = offsetX(layout, offset);
    const record = byOffset.get(offset);
    const common = { x, y, width: layout.cellWidth, height: LANE.height };
    if (offset === partition.highWatermark) cells.push(<rect key={offset} {...common} className="cell-next" />);
    else if (offset < partition.logStartOffset) cells.push(<rect key={offset} {...common} className="cell-deleted" />);
    else if (record) {
      cells.push(
        <rect key={offset} {...common} fill={recordColour(record, colourMode)} className="cell">
          <title>{`${name} offset ${offset} · key ${record.key ?? 'null'} · ${record.eventType ?? 'tombstone'} · appended at ${(record.timestampMs / 1000).toFixed(2)} s`}</title>
        </rect>,
      );
    } else if (offset < partition.highWatermark) cells.push(<rect key={offset} {...common} className="cell-gap" />);
  }
  const ticks = [];
  for (let offset = Math.ceil(layout.firstOffset / 10) * 10; offset < layout.firstOffset + layout.slots; offset += 10) {
    ticks.push(
      <text key={offset} x={offsetX(layout, offset) + layout.cellWidth / 2} y={y + LANE.height + 14} className="tick" textAnchor="middle">
        {offset}
      </text>,
    );
  }
  const end = markerX(layout, partition.highWatermark);
  return (
    <g data-partition={name}>
      <text x={8} y={y + LANE.height / 2 + 7} className="lane-label">
        {name}
      </text>
      {cells}
      {ticks}
      <line x1={end.x} x2={end.x} y1={y - 6} y2={y + LANE.height + 4} stroke={INK} strokeWidth={3} />
      <text x={end.x - 4} y={y - 9} className="marker-label" textAnchor="end" data-testid={`leo-${name}`} data-offset={partition.logEndOffset}>
        {`log end offset ${partition.logEndOffset}`}
      </text>
      {groups.map((group, row) => (
        <CommittedMarker key={group.groupId} group={group} row={row} laneBottom={y + LANE.height + LANE.ticks} layoutX={(o) => markerX(layout, o)} partitionName={name} highWatermark={partition.highWatermark} width={width} />
      ))}
    </g>
  );
}

interface MarkerProps {
  group: GroupMarker;
  row: number;
  laneBottom: number;
  layoutX: (offset: number) => { x: number; clamped: 'left' | 'right' | null };
  partitionName: string;
  highWatermark: number;
  width: number;
}

function CommittedMarker({ group, row, laneBottom, layoutX, partitionName, highWatermark, width }: MarkerProps) {
  const colour = OKABE_ITO[group.colourIndex % OKABE_ITO.length]!;
  const rowY = laneBottom + row * LANE.groupRow + 14;
  const testId = `committed-${group.groupId}-${partitionName}`;
  if (group.committed === undefined) {
    return (
      <text x={LANE.labelWidth} y={rowY} className="committed-label" fill={colour} data-testid={testId}>
        {`${group.groupId}: no committed offset yet`}
      </text>
    );
  }
  const { x, clamped } = layoutX(group.committed);
  const lag = Math.max(0, highWatermark - group.committed);
  const label = `${group.groupId} ${group.committed} · lag ${lag}`;
  const labelLeft = x > width - 200;
  return (
    <g data-testid={testId} data-offset={group.committed}>
      <path d={`M ${x} ${rowY - 12} l -7 12 l 14 0 z`} fill={colour} />
      {clamped === 'left' && <text x={x - 10} y={rowY} className="committed-label" fill={colour} textAnchor="end">◀</text>}
      <text x={labelLeft ? x - 10 : x + 10} y={rowY} className="committed-label" fill={colour} textAnchor={labelLeft ? 'end' : 'start'}>
        {label}
      </text>
    </g>
  );
}
