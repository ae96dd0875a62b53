/**
 * One shared-axis chart of a comparison: both runs' lines over the same virtual time axis and
 * the same value axis, with axis titles and units, tick labels, the playhead, and each line
 * labelled at its end and in a legend (A solid, B dashed), so colour is never needed to tell
 * them apart. d3 computes the scales and paths; React renders the SVG.
 */
import { line, scaleLinear } from 'd3';
import { memo } from 'react';
import { useStore } from 'zustand';
import { type AppState, type AppStore, selectNowMs } from '../../app/store';
import type { SeriesPoint } from '../insight/lagSeries';
import { INK, MUTED } from '../palette';

export interface CompareLine {
  id: string;
  /** "A" or "B". */
  letter: string;
  label: string;
  colour: string;
  text: string;
  dash: string;
  points: SeriesPoint[];
  /** Line width (default 3): the latency chart draws p99 thick and p50 thin. */
  strokeWidth?: number;
  /** What the line measures when a run has several ("p99"): after the letter at its end and in the names. */
  measure?: string;
  /** Left out of the legend (a run's second line, keyed by the legend's first). */
  unlisted?: boolean;
  /** Said in the legend after the run's label ("places no calls"). */
  legendNote?: string;
}

interface Props {
  title: string;
  yTitle: string;
  width: number;
  lines: CompareLine[];
  domainEndMs: number;
  /** The store whose clock is the playhead (run A's: both runs are at the same moment). */
  clock: AppStore;
  /** A key above the plot, e.g. which line width is which measure. */
  keyText?: string;
}

const HEIGHT = 220;
const MARGIN = { top: 30, right: 34, bottom: 44, left: 62 };

function clockLabel(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * Memoised: the lines change once a virtual second (the lag samples); only the playhead line
 * follows every frame, in a component of its own.
 */
export const CompareChart = memo(function CompareChart({ title, yTitle, width, lines, domainEndMs, clock, keyText }: Props) {
  // Room at the right for the end labels ("A p99" is wider than "A").
  const right = lines.some((l) => l.measure) ? 58 : MARGIN.right;
  const innerWidth = Math.max(120, width - MARGIN.left - right);
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const maxValue = Math.max(1, ...lines.flatMap((l) => l.points.map((p) => p.value ?? 0)));
  const x = scaleLinear().domain([0, domainEndMs]).range([0, innerWidth]);
  const y = scaleLinear().domain([0, maxValue]).nice(4).range([innerHeight, 0]);
  const path = line<SeriesPoint>()
    .defined((p) => p.value !== null)
    .x((p) => x(p.atMs))
    .y((p) => y(p.value ?? 0));
  const xTicks = x.ticks(Math.max(2, Math.floor(innerWidth / 90)));
  const yTicks = y.ticks(4);
  return (
    <figure className="compare-chart">
      <figcaption>
        <strong>{title}</strong>
        <span className="compare-legend">
          {lines
            .filter((l) => !l.unlisted)
            .map((l) => (
              <span key={l.id} className="compare-legend-item">
                <svg width="30" height="10" aria-hidden="true">
                  <line x1="0" y1="5" x2="30" y2="5" stroke={l.colour} strokeWidth="3" strokeDasharray={l.dash} />
                </svg>
                <span style={{ color: l.text }}>
                  Run {l.letter}: {l.label}
                  {l.legendNote ? ` (${l.legendNote})` : ''}
                </span>
              </span>
            ))}
        </span>
      </figcaption>
      <svg width={width} height={HEIGHT} role="img" aria-label={`${title}: ${lines.map((l) => `run ${l.letter}${l.measure ? ` ${l.measure}` : ''} ${lastValue(l.points)}`).join(', ')}`}>
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          {yTicks.map((tick) => (
            <g key={`y${tick}`}>
              <line x1={0} x2={innerWidth} y1={y(tick)} y2={y(tick)} stroke="#d9dde3" />
              <text x={-8} y={y(tick)} dy="0.32em" textAnchor="end" className="compare-tick">
                {tick}
              </text>
            </g>
          ))}
          {xTicks.map((tick) => (
            <text key={`x${tick}`} x={x(tick)} y={innerHeight + 18} textAnchor="middle" className="compare-tick">
              {clockLabel(tick)}
            </text>
          ))}
          {keyText && (
            <text x={0} y={-10} className="compare-tick">
              {keyText}
            </text>
          )}
          <line x1={0} x2={innerWidth} y1={innerHeight} y2={innerHeight} stroke={MUTED} />
          <line x1={0} x2={0} y1={0} y2={innerHeight} stroke={MUTED} />
          <text x={innerWidth / 2} y={innerHeight + 38} textAnchor="middle" className="compare-axis-title">
            virtual time (m:ss)
          </text>
          <text transform={`translate(${-46},${innerHeight / 2}) rotate(-90)`} textAnchor="middle" className="compare-axis-title">
            {yTitle}
          </text>
          {lines.map((l) => (
            <path key={l.id} d={path(l.points) ?? ''} fill="none" stroke={l.colour} strokeWidth={l.strokeWidth ?? 3} strokeDasharray={l.dash} />
          ))}
          {endLabels(lines, x, y).map((label) => (
            <text key={`end${label.id}`} x={label.x} y={label.y} className="compare-end-label" fill={label.text}>
              {label.name}
            </text>
          ))}
          <Playhead clock={clock} x={x} height={innerHeight} />
        </g>
      </svg>
    </figure>
  );
});

/** At whole pixels: drawn again when it moves by a pixel, not every frame (as the lag chart's, LagChart.tsx). */
function Playhead({ clock, x, height }: { clock: AppStore; x: (ms: number) => number; height: number }) {
  const at = useStore(clock, (state: AppState) => Math.round(x(selectNowMs(state))));
  return <line x1={at} x2={at} y1={0} y2={height} stroke={INK} strokeWidth={1.5} />;
}

/** Each line's letter at its end; the second moved clear of the first when they would overlap. */
function endLabels(lines: CompareLine[], x: (ms: number) => number, y: (value: number) => number) {
  const labels: Array<{ id: string; name: string; text: string; x: number; y: number }> = [];
  for (const l of lines) {
    const last = [...l.points].reverse().find((p) => p.value !== null);
    if (!last) continue;
    let labelY = y(last.value ?? 0) + 5;
    // Clear of every label placed so far (four lines in the latency chart).
    while (labels.some((placed) => Math.abs(placed.y - labelY) < 16)) labelY += 16;
    labels.push({ id: l.id, name: l.measure ? `${l.letter} ${l.measure}` : l.letter, text: l.text, x: x(last.atMs) + 6, y: labelY });
  }
  return labels;
}

function lastValue(points: SeriesPoint[]): string {
  const last = [...points].reverse().find((p) => p.value !== null);
  return last ? String(Math.round((last.value ?? 0) * 10) / 10) : 'no data';
}
