/**
 * One span of a partition lane's cells: retained records (coloured; click one to inspect it),
 * deleted offsets before the log start (hatched), compaction gaps (dotted), the next offset to
 * be written (dashed) and offset ticks. In a replicated partition the leader's records above the
 * high watermark are drawn faded and striped (not yet committed: no consumer reads them), and
 * the next offset to be written is the leader's log end. Cells sit on a tape in offset coordinates; only the
 * tape's transform moves as the log grows, so existing cells keep their attributes.
 *
 * Memoised apart from the group rows: consumers move their positions several times per record
 * appended, and the cells need not be reconciled again for that.
 */
import { memo, type MouseEvent } from 'react';
import type { LogRecord } from '../../engine';
import { useLab } from '../labContext';
import type { SimQueries } from '../../app/simQueries';
import { LANE, type LaneRows, type LaneSpan } from '../layout';
import { recordColour, type ColourMode } from '../recordColour';
import { sameElements } from '../keepWhileSame';

interface Props {
  name: string;
  topic: string;
  partition: number;
  span: LaneSpan;
  /** The left span of a broken lane: its records are read, the snapshot has only the newest. */
  older: boolean;
  /** Records never change once written, so the tape reads them only when what it shows changes. */
  queries: SimQueries;
  cellWidth: number;
  y: number;
  rows: LaneRows;
  highWatermark: number;
  /** The leader's log end: above the high watermark while followers copy (brokers ≥ 2). */
  logEndOffset: number;
  logStartOffset: number;
  recent: readonly LogRecord[];
  /** The records in [highWatermark, logEndOffset), or none. */
  uncommitted: readonly LogRecord[] | undefined;
  selectedOffset: number | null;
  colourMode: ColourMode;
  hatchId: string;
}

/** Whether the tape would draw the same (records never change once written). */
function sameTape(a: Props, b: Props): boolean {
  return (
    a.span.firstOffset === b.span.firstOffset &&
    a.span.slots === b.span.slots &&
    a.span.x === b.span.x &&
    a.older === b.older &&
    a.cellWidth === b.cellWidth &&
    a.y === b.y &&
    a.rows === b.rows &&
    a.highWatermark === b.highWatermark &&
    a.logEndOffset === b.logEndOffset &&
    a.uncommitted?.[0] === b.uncommitted?.[0] &&
    a.uncommitted?.length === b.uncommitted?.length &&
    a.logStartOffset === b.logStartOffset &&
    a.recent[0]?.offset === b.recent[0]?.offset &&
    a.recent.length === b.recent.length &&
    a.selectedOffset === b.selectedOffset &&
    a.colourMode === b.colourMode &&
    a.hatchId === b.hatchId
  );
}

/**
 * Cells are drawn in chunks of this many offsets, aligned to multiples of it, each memoised:
 * appending a record redraws the chunk at the log end, not the whole tape (issue 21, frames).
 */
const CHUNK_OFFSETS = 8;

export const LaneTape = memo(function LaneTape(props: Props) {
  const { select } = useLab();
  const { name, span, cellWidth, y, rows, highWatermark, logEndOffset, logStartOffset, recent, selectedOffset, colourMode, hatchId } = props;
  const byOffset = new Map(recent.map((r) => [r.offset, r]));
  const aboveHw = new Map(props.uncommitted?.map((r) => [r.offset, r]));
  const recentFrom = recent[0]?.offset ?? logStartOffset;
  const read = props.older ? props.queries.readRecords(props.topic, props.partition, span.firstOffset, span.slots) : [];
  for (const record of read) byOffset.set(record.offset, record);
  const step = cellWidth + LANE.cellGap;
  const onCellClick = (event: MouseEvent<SVGGElement>) => {
    const offset = (event.target as Element).getAttribute('data-offset');
    if (offset !== null && Number(offset) < highWatermark && Number(offset) >= logStartOffset) select(`record:${name}@${offset}`);
  };
  const last = Math.min(span.firstOffset + span.slots, logEndOffset + 1);
  const chunks = [];
  for (let chunk = Math.floor(span.firstOffset / CHUNK_OFFSETS) * CHUNK_OFFSETS; chunk < last; chunk += CHUNK_OFFSETS) {
    const from = Math.max(chunk, span.firstOffset);
    const to = Math.min(chunk + CHUNK_OFFSETS, last);
    // Each bound clamped to the chunk says the same of every offset in it, and stays the same
    // while the log moves on elsewhere; the high watermark is named in titles where it matters.
    const clamp = (offset: number) => Math.min(to, Math.max(from, offset));
    const titledHw = highWatermark < Math.min(to, logEndOffset) ? highWatermark : clamp(highWatermark);
    const records: Array<LogRecord | undefined> = [];
    const pending: Array<LogRecord | undefined> = [];
    for (let offset = from; offset < to; offset++) {
      records.push(byOffset.get(offset));
      pending.push(offset >= highWatermark && offset < logEndOffset ? aboveHw.get(offset) : undefined);
    }
    chunks.push(
      <CellChunk
        key={chunk}
        name={name}
        topic={props.topic}
        from={from}
        records={records}
        pending={pending}
        step={step}
        cellWidth={cellWidth}
        y={y}
        rows={rows}
        highWatermark={titledHw}
        logEndOffset={Math.min(to, Math.max(from - 1, logEndOffset))}
        logStartOffset={clamp(logStartOffset)}
        recentFrom={props.older ? from : clamp(recentFrom)}
        selectedOffset={selectedOffset !== null && selectedOffset >= from && selectedOffset < to ? selectedOffset : null}
        colourMode={colourMode}
        hatchId={hatchId}
      />,
    );
  }
  return (
    <g onClick={onCellClick} className="cells" transform={`translate(${span.x - span.firstOffset * step},0)`}>
      {chunks}
    </g>
  );
}, sameTape);

interface ChunkProps {
  name: string;
  topic: string;
  /** The chunk's first offset; it draws one cell per entry of `records`. */
  from: number;
  /** The record at each offset, if retained (and read). */
  records: ReadonlyArray<LogRecord | undefined>;
  /** The leader's record at each offset above the high watermark, if any. */
  pending: ReadonlyArray<LogRecord | undefined>;
  step: number;
  cellWidth: number;
  y: number;
  rows: LaneRows;
  highWatermark: number;
  logEndOffset: number;
  logStartOffset: number;
  /** Offsets from here on that hold no record were removed by compaction; before it, older than the snapshot's records. */
  recentFrom: number;
  selectedOffset: number | null;
  colourMode: ColourMode;
  hatchId: string;
}

function sameChunk(a: ChunkProps, b: ChunkProps): boolean {
  return (
    a.from === b.from &&
    a.step === b.step &&
    a.cellWidth === b.cellWidth &&
    a.y === b.y &&
    a.rows === b.rows &&
    a.highWatermark === b.highWatermark &&
    a.logEndOffset === b.logEndOffset &&
    a.logStartOffset === b.logStartOffset &&
    a.recentFrom === b.recentFrom &&
    a.selectedOffset === b.selectedOffset &&
    a.colourMode === b.colourMode &&
    a.hatchId === b.hatchId &&
    a.name === b.name &&
    a.topic === b.topic &&
    sameElements(a.records, b.records) &&
    sameElements(a.pending, b.pending)
  );
}

/** One chunk's cells and offset ticks (a fragment: the cells stay children of the tape). */
const CellChunk = memo(function CellChunk(props: ChunkProps) {
  const { name, topic, from, records, pending, step, cellWidth, y, rows, highWatermark, logEndOffset, logStartOffset, recentFrom, selectedOffset, colourMode, hatchId } = props;
  const cells = [];
  const ticks = [];
  for (let i = 0; i < records.length; i++) {
    const offset = from + i;
    const record = records[i];
    const common = { x: offset * step, y, width: cellWidth, height: rows.height, 'data-offset': offset };
    const waiting = pending[i];
    if (offset === logEndOffset) cells.push(<rect key={offset} {...common} className="cell-next" />);
    else if (offset > logEndOffset) continue;
    else if (offset >= highWatermark) {
      cells.push(
        <g key={offset} className="cell-uncommitted">
          {waiting && <rect {...common} fill={recordColour(waiting, colourMode)} fillOpacity={0.45} />}
          <rect {...common} fill={`url(#uncommitted-${topic})`}>
            <title>{`${name} offset ${offset} · on the leader, above the high watermark ${highWatermark}: not yet committed, no consumer reads it yet`}</title>
          </rect>
        </g>,
      );
    }
    else if (offset < logStartOffset) cells.push(<rect key={offset} {...common} fill={`url(#${hatchId})`} className="cell-deleted" />);
    else if (record) {
      cells.push(
        <rect key={offset} {...common} fill={recordColour(record, colourMode)} className={offset === selectedOffset ? 'cell cell-selected' : 'cell'}>
          <title>{`${name} offset ${offset} · key ${record.key ?? 'null'} · ${record.eventType ?? 'tombstone'} · appended at ${(record.timestampMs / 1000).toFixed(2)} s by ${record.producer}`}</title>
        </rect>,
      );
    } else if (offset >= recentFrom) {
      // Inside a span whose records were read, a missing offset was removed by compaction.
      cells.push(<rect key={offset} {...common} className="cell-gap" />);
    } else cells.push(<rect key={offset} {...common} className="cell-old" />);
    if (offset % 10 === 0 && rows.ticks > 0) {
      ticks.push(
        <text key={`t${offset}`} x={offset * step + cellWidth / 2} y={y + rows.height + rows.ticks - 3} className="tick" textAnchor="middle">
          {offset}
        </text>,
      );
    }
  }
  return (
    <>
      {cells}
      {ticks}
    </>
  );
}, sameChunk);
