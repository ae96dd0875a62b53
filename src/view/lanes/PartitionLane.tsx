/**
 * One partition: its cells (LaneTape, one per span, with a break between two), segment
 * boundaries, the log start and log end markers, replication's marks when the partition has
 * replicas (ReplicationMarks: the high watermark apart from the log end, records acknowledged
 * then lost), and below them one row per group (GroupRow).
 */
import type { SimQueries } from '../../app/simQueries';
import type { GroupView, PartitionView } from '../../engine';
import { END_LABEL_ROOM, LANE, laneLayout, markerX, type LaneRows } from '../layout';
import { INK, serviceColours, type ServiceColour } from '../palette';
import type { ColourMode } from '../recordColour';
import { useCallback } from 'react';
import type { AppState } from '../../app/store';
import { useEntityProps } from '../useEntityProps';
import { useNameState } from '../usePacedState';
import { GroupRow } from './GroupRow';
import { LaneTape } from './LaneTape';
import { laneEnd } from './replicationMarks';
import { ReplicationMarks } from './ReplicationMarks';

interface Props {
  partition: PartitionView;
  width: number;
  top: number;
  colourMode: ColourMode;
  readers: LaneReader[];
  /** The partition as the group rows' labels spell it out: paced while playing (TopicLanes). */
  labelPartition: PartitionView;
  selection: string | null;
  hatchId: string;
  /** Offsets to keep in view (laneAnchors). */
  anchors: readonly number[];
  /** Reads the older span's records, which the snapshot does not carry. */
  queries: SimQueries;
  rows: LaneRows;
  /** Each service's colour (serviceColours of the groups shown). */
  colours: Readonly<Record<string, ServiceColour>>;
}

/**
 * A group with a row under the lane; `label` is the group as its row's label spells it out:
 * the same while stopped, about ten times a second while playing (TopicLanes: useLineState).
 */
export interface LaneReader {
  group: GroupView;
  label: GroupView;
}

export function PartitionLane({ partition, width, top, colourMode, readers, labelPartition, selection, hatchId, anchors, queries, rows, colours }: Props) {
  const name = `${partition.topic}-${partition.partition}`;
  const after = rows.endLabel === 'after';
  const hw = partition.highWatermark;
  const leo = partition.logEndOffset;
  const layout = laneLayout(after ? width - END_LABEL_ROOM : width, laneEnd(partition), anchors);
  const y = top + rows.top;
  const selectedOffset = selection?.startsWith(`record:${name}@`) ? Number(selection.slice(`record:${name}@`.length)) : null;
  const tapes = layout.spans.map((span, i) => (
    <LaneTape
      key={layout.spans.length > 1 && i === 0 ? 'older' : 'newest'}
      name={name}
      topic={partition.topic}
      partition={partition.partition}
      span={span}
      older={layout.spans.length > 1 && i === 0}
      cellWidth={layout.cellWidth}
      y={y}
      rows={rows}
      highWatermark={hw}
      logEndOffset={leo}
      uncommitted={partition.uncommitted}
      logStartOffset={partition.logStartOffset}
      recent={partition.recent}
      selectedOffset={selectedOffset}
      colourMode={colourMode}
      hatchId={hatchId}
      queries={queries}
    />
  ));
  const gap = layout.gap;
  const gapMark = gap && (
    <g className="lane-gap" data-testid={`gap-${name}`} data-from={gap.fromOffset} data-to={gap.toOffset}>
      <title>{`Offsets ${gap.fromOffset}–${gap.toOffset - 1} are not drawn`}</title>
      <path d={`M ${gap.x + 6} ${y - 2} l 5 ${rows.height / 2 + 2} l -5 ${rows.height / 2 + 2} M ${gap.x + gap.width - 6} ${y - 2} l -5 ${rows.height / 2 + 2} l 5 ${rows.height / 2 + 2}`} className="lane-gap-edge" />
      <text x={gap.x + gap.width / 2} y={y + rows.height / 2 + 5} textAnchor="middle" className="lane-gap-label">
        {gap.toOffset - gap.fromOffset}
      </text>
    </g>
  );
  const segmentLines = partition.segments
    .filter((s) => s.baseOffset > layout.spans[0]!.firstOffset && s.baseOffset < leo && markerX(layout, s.baseOffset).clamped === null)
    .map((s) => {
      const x = markerX(layout, s.baseOffset).x;
      return <line key={s.baseOffset} x1={x} x2={x} y1={y - 3} y2={y + rows.height + 3} className="segment-line" />;
    });
  const end = markerX(layout, leo);
  const hwText = hw !== leo ? ` · HW ${hw}` : '';
  // After the cells (a short screen) the two figures go on two lines: the room there is narrow.
  const endLabel = after ? `end ${leo}` : `log end ${leo}${hwText || ' = high watermark'}`;
  // Above the cells: right-aligned to the marker, unless that would run past the lane's start.
  const endLabelLeft = !after && end.x - endLabel.length * 8 > LANE.labelWidth;
  // After the lane's last slot: ghost cells of lost offsets may follow the log end's.
  const afterX = markerX(layout, laneEnd(partition) + 1).x + 4;
  const start = markerX(layout, partition.logStartOffset);
  return (
    <g data-partition={name}>
      <LaneName partition={partition} y={y + rows.height / 2 + 6} />
      {tapes}
      {(hw !== leo || partition.ackedThenLost) && (
        <ReplicationMarks name={name} partition={partition} layout={layout} y={y} rows={rows} endLabelX={after ? null : endLabelLeft ? end.x - 4 - endLabel.length * 8 : end.x + 4} />
      )}
      {gapMark}
      {segmentLines}
      {start.clamped === null && partition.logStartOffset > 0 && (
        <g data-testid={`lso-${name}`} data-offset={partition.logStartOffset}>
          <line x1={start.x} x2={start.x} y1={y - 6} y2={y + rows.height + 4} stroke={INK} strokeWidth={2} strokeDasharray="3 2" />
          {!after && end.x - start.x > 260 && (
            <text x={start.x + 4} y={y - 7} className="marker-label">
              {`log start ${partition.logStartOffset}`}
            </text>
          )}
        </g>
      )}
      <line x1={end.x} x2={end.x} y1={y - 6} y2={y + rows.height + 4} stroke={INK} strokeWidth={3} />
      <text
        x={after ? afterX : endLabelLeft ? end.x - 4 : end.x + 4}
        y={after ? y + rows.height / 2 + (hwText ? -1 : 5) : y - 7}
        className={after && hwText ? 'marker-label two-lines' : 'marker-label'}
        textAnchor={endLabelLeft ? 'end' : 'start'}
        data-testid={`leo-${name}`}
        data-offset={leo}
      >
        {endLabel}
      </text>
      {after && hwText && (
        <text x={afterX} y={y + rows.height / 2 + 11} className="marker-label two-lines" data-testid={`hw-label-${name}`}>
          {`HW ${hw}`}
        </text>
      )}
      {readers.map(({ group, label }, row) => (
        <GroupRow key={group.groupId} group={group} label={label} labelPartition={labelPartition} row={row} top={top} layout={layout} partition={partition} width={width} rows={rows} colour={colours[group.serviceId] ?? serviceColours([group.serviceId])[group.serviceId]!} />
      ))}
    </g>
  );
}

/**
 * The lane's name, a button selecting the partition. Its accessible name follows the store
 * about twice a second while playing and exactly when stopped (usePacedState.ts); a component
 * of its own, so that following it renders nothing else of the lane (nor a lane frozen off
 * screen).
 */
function LaneName({ partition, y }: { partition: PartitionView; y: number }) {
  const name = `${partition.topic}-${partition.partition}`;
  const selectNamed = useCallback(
    (state: AppState) => state.sim.snapshot.topics.find((t) => t.name === partition.topic)?.partitions[partition.partition] ?? null,
    [partition.topic, partition.partition],
  );
  const named = useNameState(selectNamed) ?? partition;
  const labelProps = useEntityProps(
    `partition:${name}`,
    `Partition ${name}: log start ${named.logStartOffset}, log end ${named.logEndOffset}${named.highWatermark !== named.logEndOffset ? `, high watermark ${named.highWatermark}` : ''}`,
  );
  return (
    <g {...labelProps}>
      <text x={8} y={y} className="lane-label">
        {name}
      </text>
    </g>
  );
}
