/**
 * What a replicated partition's lane adds to its cells (issue 17): the high watermark as a
 * dashed line apart from the leader's log end, a bracket under the records between them (not
 * yet committed), and each run of acknowledged-then-lost offsets: ghost cells where no record
 * has taken the offsets again, a cross-hatched scar under the records that since have, and a
 * label. Every mark has a pattern and words, never colour alone.
 */
import type { PartitionView } from '../../engine';
import type { LaneLayout, LaneRows } from '../layout';
import { markerX } from '../layout';
import { INK } from '../palette';
import './replication.css';
import { lostDescription, lostLabel, stretchOf, uncommittedDescription } from './replicationMarks';

interface Props {
  name: string;
  partition: PartitionView;
  layout: LaneLayout;
  y: number;
  rows: LaneRows;
}

/** Height of the scar under a lost offset that a newer record has taken. */
const SCAR = 8;

export function ReplicationMarks({ name, partition, layout, y, rows }: Props) {
  const { highWatermark: hw, logEndOffset: leo, topic } = partition;
  const below = y + rows.height + rows.ticks - 3;
  const pending = hw < leo ? stretchOf(layout, hw, leo) : null;
  const hwMark = hw < leo ? markerX(layout, hw) : null;
  const lost = (partition.ackedThenLost ?? []).flatMap((run) => {
    const all = stretchOf(layout, run.fromOffset, run.toOffset);
    return all ? [{ run, all, scar: stretchOf(layout, run.fromOffset, Math.min(run.toOffset, leo)), ghost: stretchOf(layout, Math.max(run.fromOffset, leo), run.toOffset) }] : [];
  });
  const lastSlot = layout.spans[layout.spans.length - 1]!;
  const laneRight = markerX(layout, lastSlot.firstOffset + lastSlot.slots).x;
  const step = layout.cellWidth + 2;
  return (
    <g className="replication-marks">
      {pending && (
        <g role="img" aria-label={uncommittedDescription(name, partition)} data-testid={`uncommitted-${name}`} data-from={hw} data-to={leo}>
          <title>{uncommittedDescription(name, partition)}</title>
          <rect x={pending.x1} y={y} width={pending.x2 - pending.x1} height={rows.height} fill="none" className="uncommitted-outline" />
          {rows.ticks > 0 && (
            <>
              <path d={`M ${pending.x1 + 2} ${y + rows.height + 3} v 4 H ${pending.x2 - 2} v -4`} className="uncommitted-bracket" />
              <text x={pending.x1 + 3} y={below + 2} className="replication-label">
                {pending.x2 - pending.x1 > 150 ? 'not yet committed' : pending.x2 - pending.x1 > 70 ? 'uncommitted' : ''}
              </text>
            </>
          )}
        </g>
      )}
      {hwMark && hwMark.clamped === null && (
        <line x1={hwMark.x} x2={hwMark.x} y1={y - 6} y2={y + rows.height + 6} stroke={INK} strokeWidth={3} strokeDasharray="5 3" className="hw-line" data-testid={`hw-${name}`} data-offset={hw} />
      )}
      {lost.map(({ run, all, scar, ghost }) => {
        const room = (rows.ticks > 0 ? laneRight : all.x2) - all.x1;
        return (
          <g key={run.fromOffset} role="img" aria-label={lostDescription(name, run)} data-testid={`lost-${name}-${run.fromOffset}`} data-from={run.fromOffset} data-to={run.toOffset}>
            <title>{lostDescription(name, run)}</title>
            {scar && <rect x={scar.x1} y={y + rows.height - SCAR} width={scar.x2 - scar.x1} height={SCAR} fill={`url(#lost-${topic})`} className="lost-scar" />}
            {ghost &&
              Array.from({ length: Math.round((ghost.x2 - ghost.x1) / step) }, (_, i) => (
                <rect key={i} x={ghost.x1 + 1 + i * step} y={y} width={layout.cellWidth} height={rows.height} fill={`url(#lost-${topic})`} className="cell-lost" />
              ))}
            {rows.ticks > 0 && !(pending && pending.x1 < all.x2 && pending.x2 > all.x1) && (
              <text x={all.x1 + 2} y={below + 2} className="replication-label lost-label">
                {lostLabel(run, room)}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}
