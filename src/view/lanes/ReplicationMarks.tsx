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
import { lostDescription, lostLabel, stretchesOf, stretchOf, uncommittedDescription, type Stretch } from './replicationMarks';

interface Props {
  /** Where the log end's figure above the cells starts, if it is there: the HW tag keeps clear of it. */
  endLabelX: number | null;
  name: string;
  partition: PartitionView;
  layout: LaneLayout;
  y: number;
  rows: LaneRows;
}

/** Height of the scar under a lost offset that a newer record has taken. */
const SCAR = 8;

export function ReplicationMarks({ name, partition, layout, y, rows, endLabelX }: Props) {
  const { highWatermark: hw, logEndOffset: leo, topic } = partition;
  const below = y + rows.height + rows.ticks - 3;
  const pending = hw < leo ? stretchOf(layout, hw, leo) : null;
  const hwMark = hw < leo ? markerX(layout, hw) : null;
  const lost = (partition.ackedThenLost ?? []).flatMap((run) => {
    const all = stretchOf(layout, run.fromOffset, run.toOffset);
    return all ? [{ run, all, scars: stretchesOf(layout, run.fromOffset, Math.min(run.toOffset, leo)), ghosts: stretchesOf(layout, Math.max(run.fromOffset, leo), run.toOffset) }] : [];
  });
  const lastSlot = layout.spans[layout.spans.length - 1]!;
  const laneRight = markerX(layout, lastSlot.firstOffset + lastSlot.slots).x;
  const step = layout.cellWidth + 2;
  // The label goes over the stretch's part in the newest span (a broken lane has two).
  const pendingLabel = pending && (stretchOf(layout, Math.max(hw, lastSlot.firstOffset), leo) ?? pending);
  const pendingRoom = pendingLabel ? pendingLabel.x2 - pendingLabel.x1 : 0;
  const pendingText = pendingRoom > 150 ? 'not yet committed' : pendingRoom > 100 ? 'uncommitted' : '';
  return (
    <g className="replication-marks">
      {pending && (
        <g role="img" aria-label={uncommittedDescription(name, partition)} data-testid={`uncommitted-${name}`} data-from={hw} data-to={leo}>
          <title>{uncommittedDescription(name, partition)}</title>
          <rect x={pending.x1} y={y} width={pending.x2 - pending.x1} height={rows.height} fill="none" className="uncommitted-outline" />
          {rows.ticks > 0 && <path d={`M ${pending.x1 + 2} ${y + rows.height + 3} v 4 H ${pending.x2 - 2} v -4`} className="uncommitted-bracket" />}
          <Label text={pendingText} x={(pendingLabel ?? pending).x1 + 3} y={rows.ticks > 0 ? below + 2 : y + rows.height / 2 + 4} />
        </g>
      )}
      {hwMark && hwMark.clamped === null && rows.ticks > 0 && (endLabelX === null || endLabelX - hwMark.x > 40) && (
        <text x={hwMark.x + 4} y={y - 7} className="replication-label" data-testid={`hw-tag-${name}`}>
          HW
        </text>
      )}
      {hwMark && hwMark.clamped === null && (
        <line x1={hwMark.x} x2={hwMark.x} y1={y - 6} y2={y + rows.height + 6} stroke={INK} strokeWidth={3} strokeDasharray="5 3" className="hw-line" data-testid={`hw-${name}`} data-offset={hw} />
      )}
      {lost.map(({ run, all, scars, ghosts }) => {
        // Below the cells the words may run on to the lane's end; on them (a short screen) they stay over the run.
        // A run wholly inside a lane's break has no stretch of cells: its words go where the break is.
        const widest = [...scars, ...ghosts].reduce((a: Stretch | null, b) => (a === null || b.x2 - b.x1 > a.x2 - a.x1 ? b : a), null) ?? all;
        const onCells = rows.ticks === 0;
        const text = lostLabel(run, onCells ? Math.max(widest.x2 - widest.x1, 50) : laneRight - layout.laneX);
        const textX = Math.max(layout.laneX, Math.min((onCells ? widest : all).x1 + 2, laneRight - text.length * 7 - 2));
        return (
          <g key={run.fromOffset} role="img" aria-label={lostDescription(name, run)} data-testid={`lost-${name}-${run.fromOffset}`} data-from={run.fromOffset} data-to={run.toOffset}>
            <title>{lostDescription(name, run)}</title>
            {scars.map((scar) => (
              <rect key={scar.x1} x={scar.x1} y={y + rows.height - SCAR} width={scar.x2 - scar.x1} height={SCAR} fill={`url(#lost-${topic})`} className="lost-scar" />
            ))}
            {ghosts.flatMap((ghost) =>
              Array.from({ length: Math.round((ghost.x2 - ghost.x1) / step) }, (_, i) => (
                <rect key={`${ghost.x1}-${i}`} x={ghost.x1 + 1 + i * step} y={y} width={layout.cellWidth} height={rows.height} fill={`url(#lost-${topic})`} className="cell-lost" />
              )),
            )}
            {!(pending && pending.x1 < all.x2 && pending.x2 > all.x1) && <Label text={text} x={textX} y={rows.ticks > 0 ? below + 2 : y + rows.height / 2 + 4} />}
          </g>
        );
      })}
    </g>
  );
}

/** Words on a paper-coloured plate, so that offset ticks and stripes under them do not show through. */
function Label({ text, x, y }: { text: string; x: number; y: number }) {
  if (text === '') return null;
  return (
    <g className="replication-label-plate">
      <rect x={x - 2} y={y - 11} width={text.length * 7 + 4} height={14} rx={2} className="label-plate" />
      <text x={x} y={y} className="replication-label">
        {text}
      </text>
    </g>
  );
}
