/**
 * One group's row under a partition lane: ▲ at its committed offset, ◆ at the position of the
 * instance that owns the partition, and a label saying committed offset, Kafka's lag, the records
 * still to process and the owner. A marker left of the visible window is pinned to the lane's
 * start with ◀.
 */
import { assignedMember, partitionOwner } from '../ownership';
import type { GroupView, PartitionView } from '../../engine';
import { groupRowY, labelPlacement, markerX, type LaneLayout, type LaneRows } from '../layout';
import type { ServiceColour } from '../palette';
import { offsetWords, partitionLag } from './partitionLag';

interface Props {
  group: GroupView;
  /**
   * The group and partition the label's words come from: the same as the markers' when stopped,
   * about ten times a second while playing (TopicLanes), so its text is not rewritten every frame.
   */
  label: GroupView;
  labelPartition: PartitionView;
  row: number;
  top: number;
  layout: LaneLayout;
  partition: PartitionView;
  width: number;
  rows: LaneRows;
  /** The group's service colour, worked out once for all lanes (TopicLanes), not per row. */
  colour: ServiceColour;
}

export function GroupRow({ group, label, labelPartition, row, top, layout, partition, width, rows, colour: serviceColour }: Props) {
  const pk = `${partition.topic}-${partition.partition}`;
  const { mark: colour, text: textColour } = serviceColour;
  const rowY = groupRowY(top, row, rows);
  const committed = group.committed[pk];
  const owner = partitionOwner(group, pk);
  const position = owner?.positions[pk];
  // The label's words come from the paced views (label, labelPartition); the markers do not.
  const figures = partitionLag(label, labelPartition);
  const labelOwner = partitionOwner(label, pk);
  const holder = labelOwner ? undefined : assignedMember(label, pk);
  const holderStatus = holder ? label.instances.find((i) => i.name === holder.instance)?.status : undefined;
  // Assigned but not consumed: a crashed member keeps its partitions until session.timeout.ms.
  // While the group rebalances, its members have revoked what they own (eager): nobody consumes.
  const rebalancing = label.state === 'PreparingRebalance' || label.state === 'CompletingRebalance';
  const ownerText = labelOwner
    ? `owner ${labelOwner.name}${figures.position !== null ? ` at ${figures.position}` : ''}`
    : holder && rebalancing && (holderStatus === 'running' || holderStatus === 'hung')
      ? `rebalancing (was ${holder.instance})`
      : holder
        ? `held by ${holder.instance}${holderStatus ? ` (${holderStatus})` : ''}`
        : 'no owner';
  // Both figures stay in the short form (only the owner goes): either alone misleads.
  const short = offsetWords(figures);
  const mark = committed === undefined ? null : markerX(layout, committed);
  const pos = position === undefined ? null : markerX(layout, position);
  // Pinned to the lane's start: the real offset is further left, outside the window.
  const pinned = (mark ?? pos)?.clamped === 'left' ? '◀ ' : '';
  const xs = [mark?.x, pos?.x].filter((x): x is number => x !== undefined);
  const place = labelPlacement(`${pinned}${short} · ${ownerText}`, pinned + short, xs, layout.laneX, width);
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
