/**
 * The timeline scrubber: the run from t = 0 to as far as it has been, with markers for the
 * interventions (▼, labelled), the scenario's own actions (▽) and rebalances (⟳). Dragging
 * seeks exactly (one seek per frame); a marker seeks to its moment.
 */
import { useMemo } from 'react';
import { useLab } from './labContext';
import { type AppState, selectNowMs, selectQueries } from '../app/store';
import { useAppStore, useShallow } from './useAppStore';
import { disagreementBands } from './insight/lagSeries';
import { formatSimTime } from './formatTime';
import { commandLabel } from './labels';
import { clusterByPixels, describeDetails, mergeSameMoment, placeLabels, TIMELINE, timelineExtentMs, timelineScale } from './layout';
import { OKABE_ITO, OKABE_ITO_TEXT } from './palette';
import { useElementWidth } from './useElementWidth';

const selectReached = (state: AppState) => state.lab.reachedMs;
const selectInterventions = (state: AppState) => state.run.interventions;
const selectScenario = (state: AppState) => state.run.scenario;
const selectRebalances = (state: AppState) => state.lab.rebalances;
/** Markers of one kind closer than this (px) share one. */
const MARKER_MIN_GAP_PX = 10;

const selectLaterCount = (state: AppState) => state.run.interventions.filter((c) => c.atMs > state.sim.snapshot.nowMs).length;

export function Timeline() {
  const { seek, scheduleSeek } = useLab();
  const nowMs = useAppStore(selectNowMs);
  const reachedMs = useAppStore(selectReached);
  const interventions = useAppStore(selectInterventions);
  const scenario = useAppStore(selectScenario);
  const rebalances = useAppStore(useShallow(selectRebalances));
  const laterCount = useAppStore(selectLaterCount);
  const queries = useAppStore(selectQueries);
  const [ref, width] = useElementWidth<HTMLElement>(1200);

  const commands = useMemo(
    () =>
      [
        ...(scenario.actions ?? []).map((c) => ({ atMs: c.atMs, label: commandLabel(c), kind: 'action' as const })),
        ...interventions.map((c) => ({ atMs: c.atMs, label: commandLabel(c), kind: 'intervention' as const })),
      ].sort((a, b) => a.atMs - b.atMs || a.kind.localeCompare(b.kind)),
    [scenario, interventions],
  );
  const latestMarkMs = useMemo(() => Math.max(0, ...commands.map((c) => c.atMs), ...(scenario.notes ?? []).map((n) => n.atMs)), [commands, scenario]);
  const extentMs = timelineExtentMs(reachedMs, nowMs, [latestMarkMs]);
  const x = useMemo(() => timelineScale(extentMs, width), [extentMs, width]);
  // Markers closer than a triangle's width share one, with a count: readable, and bounded by
  // the track's width however many actions a scenario has.
  const markers = useMemo(() => mergeSameMoment(commands, x, MARKER_MIN_GAP_PX), [commands, x]);
  const placed = placeLabels(
    markers.map((m) => ({ x: x(m.atMs), width: m.label.length * TIMELINE.charWidth + 8 })),
    TIMELINE.labelRows,
    6,
    width,
  );
  const trackLeft = x(0);
  const trackWidth = x(extentMs) - trackLeft;

  return (
    <section ref={ref} className="timeline" data-testid="timeline" aria-label="Timeline">
      <svg width={width} height={TIMELINE.height} aria-hidden="true">
        <rect x={trackLeft} y={TIMELINE.trackY + 2} width={trackWidth} height={8} rx={4} className="timeline-track" />
        <rect x={trackLeft} y={TIMELINE.trackY + 2} width={Math.max(0, x(reachedMs) - trackLeft)} height={8} rx={4} className="timeline-reached" />
        <rect x={trackLeft} y={TIMELINE.trackY + 2} width={Math.max(0, x(nowMs) - trackLeft)} height={8} rx={4} className="timeline-played" />
        {disagreementBands(queries.disagreementHistory(), 1000).map((band) => (
          <rect
            key={band.fromMs}
            x={x(band.fromMs)}
            y={TIMELINE.trackY + 11}
            width={Math.max(2, x(band.toMs) - x(band.fromMs))}
            height={4}
            className="timeline-disagreement"
            data-testid="timeline-disagreement"
          />
        ))}
        {clusterByPixels(rebalances, (mark) => x(mark.atMs)).map((cluster) => {
          const first = cluster[0]!;
          return (
            <text
              key={`${first.groupId}-${first.generation}-${first.atMs}`}
              x={x(first.atMs)}
              y={TIMELINE.trackY + 21}
              className="timeline-rebalance"
              textAnchor="middle"
              onClick={() => seek(first.atMs)}
            >
              <title>{cluster.map((mark) => `${formatSimTime(mark.atMs)} rebalance of ${mark.groupId} → generation ${mark.generation}`).join('\n')}</title>
              {cluster.length > 1 ? `⟳×${cluster.length}` : '⟳'}
            </text>
          );
        })}
        {markers.map((marker, i) => {
          const mx = x(marker.atMs);
          const colour = marker.kind === 'intervention' ? OKABE_ITO[4] : OKABE_ITO[0];
          const textColour = marker.kind === 'intervention' ? OKABE_ITO_TEXT[4] : OKABE_ITO_TEXT[0];
          const label = placed[i]!;
          return (
            <g key={`${marker.kind}-${i}`} className="timeline-marker" onClick={() => seek(marker.atMs)}>
              <title>{`${formatSimTime(marker.atMs)} ${marker.kind === 'intervention' ? 'intervention' : 'scenario action'}: ${describeDetails(marker.details)}`}</title>
              <path d={`M ${mx - 6} ${TIMELINE.trackY - 8} l 12 0 l -6 9 z`} fill={marker.kind === 'intervention' ? colour : '#fff'} stroke={colour} strokeWidth={2} />
              {label.row >= 0 && (
                <text x={label.x} y={TIMELINE.trackY - 12 - label.row * TIMELINE.labelRowHeight} textAnchor="middle" className="timeline-label" fill={textColour}>
                  {marker.label}
                </text>
              )}
            </g>
          );
        })}
        <text x={trackLeft} y={TIMELINE.height - 2} className="timeline-axis">0:00</text>
        <text x={x(extentMs)} y={TIMELINE.height - 2} className="timeline-axis" textAnchor="end">{formatSimTime(extentMs).replace(/\.000$/, '')}</text>
        <text x={x(extentMs) - 70} y={TIMELINE.height - 2} className="timeline-axis" textAnchor="end" data-chrome="prepare">
          ▼ intervention · ▽ scenario action · ⟳ rebalance · ▬ read models disagree{laterCount > 0 ? ` · ${laterCount} later` : ''}
        </text>
      </svg>
      <input
        type="range"
        className="scrubber"
        aria-label="Timeline"
        min={0}
        max={extentMs}
        step={100}
        value={nowMs}
        aria-valuetext={`${formatSimTime(nowMs)} of ${formatSimTime(extentMs)}`}
        style={{ left: trackLeft - 8, width: trackWidth + 16, top: TIMELINE.trackY - 4 }}
        onChange={(event) => scheduleSeek(Number(event.target.value))}
      />
    </section>
  );
}
