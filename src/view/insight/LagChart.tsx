/**
 * Lag over virtual time: one line per group (or per partition of one group), in records or in
 * seconds behind, with shaded bands where read models disagree, markers for interventions and
 * rebalances, and the playhead. d3 computes the scales and paths; React renders the SVG. The lines change when a sample is
 * taken (once a virtual second) and the time axis in steps; only the playhead moves every frame.
 */
import { line, scaleLinear, type ScaleLinear } from 'd3';
import type { GroupLagSample, TimedCommand } from '../../engine';
import { type AppState, type RebalanceMark, selectNowMs } from '../../app/store';
import { useAppStore } from '../useAppStore';
import { INK, MUTED, OKABE_ITO } from '../palette';
import { disagreementBands, groupSeries, LAG_MEASURES, maxValue, partitionSeries, type LagMeasure, type LagUnit, type SeriesPoint } from './lagSeries';

export interface ChartGroup {
  groupId: string;
  /** The group's service colour (the same as in the pipeline and the lanes). */
  colour: string;
  /** Its position among the groups: picks the dash pattern, so lines differ without colour too. */
  colourIndex: number;
  samples: readonly GroupLagSample[];
}

interface Props {
  width: number;
  groups: ChartGroup[];
  unit: LagUnit;
  /** What the records unit counts. */
  measure: LagMeasure;
  /** Show this group's partitions as separate lines instead of one line per group. */
  partitionsOf: string | null;
  /** The right end of the time axis (chartDomainEndMs): moves in steps, not every frame. */
  domainEndMs: number;
  interventions: readonly TimedCommand[];
  rebalances: readonly RebalanceMark[];
  disagreements: ReturnType<typeof disagreementBands>;
}

const HEIGHT = 230;
const MARGIN = { top: 26, right: 16, bottom: 40, left: 64 };
const DASHES = ['', '8 4', '3 3', '12 4 3 4', '2 6', '10 2'];

export interface ChartLine {
  id: string;
  label: string;
  colour: string;
  dash: string;
  points: SeriesPoint[];
}

/** The lines the chart draws: one per group, or one per partition of `partitionsOf`. */
export function chartLines(groups: ChartGroup[], unit: LagUnit, measure: LagMeasure, partitionsOf: string | null): ChartLine[] {
  const lines: ChartLine[] = [];
  if (partitionsOf) {
    const group = groups.find((g) => g.groupId === partitionsOf);
    if (!group || group.samples.length === 0) return lines;
    Object.keys(group.samples[group.samples.length - 1]!.partitions).forEach((partition, i) =>
      lines.push({
        id: partition,
        label: partition,
        colour: OKABE_ITO[i % OKABE_ITO.length]!,
        dash: DASHES[i % DASHES.length]!,
        points: partitionSeries(group.samples, partition, unit, measure),
      }),
    );
    return lines;
  }
  for (const group of groups) {
    lines.push({
      id: group.groupId,
      label: group.groupId,
      colour: group.colour,
      dash: DASHES[group.colourIndex % DASHES.length]!,
      points: groupSeries(group.samples, unit, measure),
    });
  }
  return lines;
}

export function LagChart({ width, groups, unit, measure, partitionsOf, domainEndMs, interventions, rebalances, disagreements }: Props) {
  const lines = chartLines(groups, unit, measure, partitionsOf);
  const innerWidth = Math.max(100, width - MARGIN.left - MARGIN.right);
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = scaleLinear().domain([0, domainEndMs / 1000]).range([0, innerWidth]);
  const yMax = Math.max(unit === 'records' ? 10 : 5, maxValue(lines.map((l) => l.points)) * 1.1);
  const y = scaleLinear().domain([0, yMax]).range([innerHeight, 0]).nice();
  const path = line<SeriesPoint>()
    .defined((p) => p.value !== null)
    .x((p) => x(p.atMs / 1000))
    .y((p) => y(p.value ?? 0));
  const yLabel = unit === 'records' ? LAG_MEASURES.find((m) => m.id === measure)!.axis : 'seconds behind (s)';
  return (
    <svg width={width} height={HEIGHT} role="img" aria-label={`Over time: ${yLabel}`} className="lag-chart">
      <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
        {disagreements.map((band) => (
          <rect
            key={band.fromMs}
            x={x(band.fromMs / 1000)}
            width={Math.max(2, x(band.toMs / 1000) - x(band.fromMs / 1000))}
            y={0}
            height={innerHeight}
            className="disagreement-band"
          >
            <title>{`Read models disagree on up to ${band.peak} entities (${(band.fromMs / 1000).toFixed(0)}–${(band.toMs / 1000).toFixed(0)} s)`}</title>
          </rect>
        ))}
        {y.ticks(5).map((tick) => (
          <g key={tick} transform={`translate(0,${y(tick)})`}>
            <line x2={innerWidth} stroke="#e3e7ec" />
            <text x={-8} dy="0.32em" textAnchor="end" className="axis-tick">
              {tick}
            </text>
          </g>
        ))}
        {x.ticks(8).map((tick) => (
          <text key={tick} x={x(tick)} y={innerHeight + 18} textAnchor="middle" className="axis-tick">
            {tick}
          </text>
        ))}
        <line y1={innerHeight} y2={innerHeight} x2={innerWidth} stroke={INK} />
        <line y2={innerHeight} stroke={INK} />
        <text x={innerWidth / 2} y={innerHeight + 36} textAnchor="middle" className="axis-label">
          virtual time (s)
        </text>
        <text x={-MARGIN.left + 4} y={-10} className="axis-label">
          {yLabel}
        </text>
        <ActionMarks commands={interventions} x={x} innerHeight={innerHeight} />
        {rebalances
          .filter((mark) => partitionsOf === null || mark.groupId === partitionsOf)
          .map((mark, i) => (
            <path key={`r${i}`} d={`M ${x(mark.atMs / 1000)} ${innerHeight} l -5 8 l 10 0 z`} fill={MUTED}>
              <title>{`${mark.groupId} rebalanced to generation ${mark.generation} at ${(mark.atMs / 1000).toFixed(1)} s`}</title>
            </path>
          ))}
        {lines.map((l) => (
          <path
            key={l.id}
            d={path(l.points) ?? ''}
            fill="none"
            stroke={l.colour}
            strokeWidth={2.5}
            strokeDasharray={l.dash}
            data-series={l.id}
            data-last-value={l.points[l.points.length - 1]?.value ?? ''}
            data-max-value={maxValue([l.points])}
          >
            <title>{l.label}</title>
          </path>
        ))}
        <Playhead x={x} domainEndMs={domainEndMs} innerHeight={innerHeight} />
      </g>
    </svg>
  );
}

type TimeScale = ScaleLinear<number, number>;

/**
 * The playhead follows the clock; the rest of the chart changes once a second. It stands at
 * whole pixels, so it is drawn again when it moves by a pixel (every few frames at 1×), not
 * every frame: each redraw lays out and repaints the chart.
 */
function Playhead({ x, domainEndMs, innerHeight }: { x: TimeScale; domainEndMs: number; innerHeight: number }) {
  const at = useAppStore((state: AppState) => Math.round(x(Math.min(selectNowMs(state), domainEndMs) / 1000)));
  return <line x1={at} x2={at} y2={innerHeight} stroke={INK} strokeWidth={2} className="playhead" />;
}

/** Actions and interventions that have happened by now: re-rendered only when one more has. */
function ActionMarks({ commands, x, innerHeight }: { commands: readonly TimedCommand[]; x: TimeScale; innerHeight: number }) {
  const happened = useAppStore((state: AppState) => commands.filter((command) => command.atMs <= state.sim.snapshot.nowMs).length);
  const shown = [...commands].sort((a, b) => a.atMs - b.atMs).slice(0, happened);
  return (
    <>
      {shown.map((command, i) => (
        <g key={`i${i}`} transform={`translate(${x(command.atMs / 1000)},0)`}>
          <line y2={innerHeight} stroke={MUTED} strokeDasharray="4 3" />
          <text y={-2} textAnchor="middle" className="marker-tag">
            {command.type}
          </text>
        </g>
      ))}
    </>
  );
}
