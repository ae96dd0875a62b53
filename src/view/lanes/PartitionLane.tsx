/**
 * One partition as a tape of offset cells: retained records (coloured; click one to inspect
 * it), deleted offsets before the log start offset (hatched), compaction gaps (dotted), segment
 * boundaries, the next offset to be written (dashed) and the log end marker; below it one row
 * per group (GroupRow).
 */
import type { MouseEvent } from 'react';
import type { GroupView, PartitionView } from '../../engine';
import { select } from '../../app/runController';
import { readRecords } from '../../app/insights';
import { LANE, laneLayout, markerX, offsetX } from '../layout';
import { INK } from '../palette';
import { recordColour, type ColourMode } from '../recordColour';
import { useEntityProps } from '../useEntityProps';
import { GroupRow } from './GroupRow';

interface Props {
  partition: PartitionView;
  width: number;
  top: number;
  colourMode: ColourMode;
  readers: { group: GroupView; index: number }[];
  selection: string | null;
  hatchId: string;
  /** Offsets to keep in view (laneAnchors). */
  anchors: readonly number[];
}

export function PartitionLane({ partition, width, top, colourMode, readers, selection, hatchId, anchors }: Props) {
  const name = `${partition.topic}-${partition.partition}`;
  const layout = laneLayout(width, partition.highWatermark, anchors);
  const y = top + LANE.top;
  const labelProps = useEntityProps(`partition:${name}`, `Partition ${name}: log start ${partition.logStartOffset}, log end ${partition.logEndOffset}`);
  const byOffset = new Map(partition.recent.map((r) => [r.offset, r]));
  const recentFrom = partition.recent[0]?.offset ?? partition.logStartOffset;
  // The snapshot carries the newest records; a left span (older offsets) reads its own.
  const older = layout.spans.length > 1 ? readRecords(partition.topic, partition.partition, layout.spans[0]!.firstOffset, layout.spans[0]!.slots) : [];
  for (const record of older) byOffset.set(record.offset, record);
  const olderRange = older.length > 0 ? { from: layout.spans[0]!.firstOffset, to: layout.spans[0]!.firstOffset + layout.spans[0]!.slots } : null;
  const onCellClick = (event: MouseEvent<SVGGElement>) => {
    const offset = (event.target as Element).getAttribute('data-offset');
    if (offset !== null && Number(offset) < partition.highWatermark && Number(offset) >= partition.logStartOffset) select(`record:${name}@${offset}`);
  };
  const step = layout.cellWidth + LANE.cellGap;
  // Cells and ticks sit on a tape in offset coordinates; only the tape's transform moves as
  // the log grows, so existing cells keep their attributes and the browser repaints little.
  const tapes = layout.spans.map((span) => {
    const cells = [];
    const ticks = [];
    for (let offset = span.firstOffset; offset < span.firstOffset + span.slots; offset++) {
      const record = byOffset.get(offset);
      const common = { x: offset * step, y, width: layout.cellWidth, height: LANE.height, 'data-offset': offset };
      if (offset === partition.highWatermark) cells.push(<rect key={offset} {...common} className="cell-next" />);
      else if (offset > partition.highWatermark) continue;
      else if (offset < partition.logStartOffset) cells.push(<rect key={offset} {...common} fill={`url(#${hatchId})`} className="cell-deleted" />);
      else if (record) {
        const selected = selection === `record:${name}@${offset}`;
        cells.push(
          <rect key={offset} {...common} fill={recordColour(record, colourMode)} className={selected ? 'cell cell-selected' : 'cell'}>
            <title>{`${name} offset ${offset} · key ${record.key ?? 'null'} · ${record.eventType ?? 'tombstone'} · appended at ${(record.timestampMs / 1000).toFixed(2)} s by ${record.producer}`}</title>
          </rect>,
        );
      } else if (offset >= recentFrom || (olderRange && offset >= olderRange.from && offset < olderRange.to)) {
        // Inside a span whose records were read, a missing offset was removed by compaction.
        cells.push(<rect key={offset} {...common} className="cell-gap" />);
      } else cells.push(<rect key={offset} {...common} className="cell-old" />);
      if (offset % 10 === 0) {
        ticks.push(
          <text key={`t${offset}`} x={offset * step + layout.cellWidth / 2} y={y + LANE.height + 13} className="tick" textAnchor="middle">
            {offset}
          </text>,
        );
      }
    }
    return (
      <g key={span === layout.spans[0] && layout.spans.length > 1 ? 'older' : 'newest'} onClick={onCellClick} className="cells" transform={`translate(${offsetX(layout, 0, span)},0)`}>
        {cells}
        {ticks}
      </g>
    );
  });
  const gap = layout.gap;
  const gapMark = gap && (
    <g className="lane-gap" data-testid={`gap-${name}`} data-from={gap.fromOffset} data-to={gap.toOffset}>
      <title>{`Offsets ${gap.fromOffset}–${gap.toOffset - 1} are not drawn`}</title>
      <path d={`M ${gap.x + 6} ${y - 2} l 5 ${LANE.height / 2 + 2} l -5 ${LANE.height / 2 + 2} M ${gap.x + gap.width - 6} ${y - 2} l -5 ${LANE.height / 2 + 2} l 5 ${LANE.height / 2 + 2}`} className="lane-gap-edge" />
      <text x={gap.x + gap.width / 2} y={y + LANE.height / 2 + 5} textAnchor="middle" className="lane-gap-label">
        {gap.toOffset - gap.fromOffset}
      </text>
    </g>
  );
  const segmentLines = partition.segments
    .filter((s) => s.baseOffset > layout.spans[0]!.firstOffset && s.baseOffset < partition.highWatermark && markerX(layout, s.baseOffset).clamped === null)
    .map((s) => {
      const x = markerX(layout, s.baseOffset).x;
      return <line key={s.baseOffset} x1={x} x2={x} y1={y - 3} y2={y + LANE.height + 3} className="segment-line" />;
    });
  const end = markerX(layout, partition.highWatermark);
  const endLabel = `log end ${partition.logEndOffset}${partition.highWatermark !== partition.logEndOffset ? ` · HW ${partition.highWatermark}` : ' = high watermark'}`;
  // Right-aligned to the marker, unless that would run past the lane's start.
  const endLabelLeft = end.x - endLabel.length * 8 > LANE.labelWidth;
  const start = markerX(layout, partition.logStartOffset);
  return (
    <g data-partition={name}>
      <g {...labelProps}>
        <text x={8} y={y + LANE.height / 2 + 6} className="lane-label">
          {name}
        </text>
      </g>
      {tapes}
      {gapMark}
      {segmentLines}
      {start.clamped === null && partition.logStartOffset > 0 && (
        <g data-testid={`lso-${name}`} data-offset={partition.logStartOffset}>
          <line x1={start.x} x2={start.x} y1={y - 6} y2={y + LANE.height + 4} stroke={INK} strokeWidth={2} strokeDasharray="3 2" />
          {end.x - start.x > 260 && (
            <text x={start.x + 4} y={y - 7} className="marker-label">
              {`log start ${partition.logStartOffset}`}
            </text>
          )}
        </g>
      )}
      <line x1={end.x} x2={end.x} y1={y - 6} y2={y + LANE.height + 4} stroke={INK} strokeWidth={3} />
      <text
        x={endLabelLeft ? end.x - 4 : end.x + 4}
        y={y - 7}
        className="marker-label"
        textAnchor={endLabelLeft ? 'end' : 'start'}
        data-testid={`leo-${name}`}
        data-offset={partition.logEndOffset}
      >
        {endLabel}
      </text>
      {readers.map(({ group, index }, row) => (
        <GroupRow key={group.groupId} group={group} colourIndex={index} row={row} top={top} layout={layout} partition={partition} width={width} />
      ))}
    </g>
  );
}
