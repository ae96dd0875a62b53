/**
 * The timeline scrubber: the run from t = 0 to as far as it has been, with markers for the
 * interventions (▼, labelled), the scenario's own actions (▽) and rebalances (⟳). Dragging
 * seeks exactly (one seek per frame); a marker seeks to its moment. In a comparison, run B's
 * markers are drawn below the track, pointing up (▲ △), and every label says its run (A or B);
 * a list of buttons names each marker for assistive technology.
 */
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import { useLab } from './labContext';
import { type AppState, type AppStore, selectNowMs } from '../app/store';
import { useAppStore, useQueriesFollowing, useShallow } from './useAppStore';
import { disagreementBands } from './insight/lagSeries';
import { formatSimTime } from './formatTime';
import { clusterByPixels, mergeSameMoment, placeLabels, TIMELINE, timelineExtentMs, timelineScale } from './layout';
import { OKABE_ITO, OKABE_ITO_TEXT } from './palette';
import { useElementWidth } from './useElementWidth';
import { markedCommands, markerName } from './timelineMarks';

const selectInterventions = (state: AppState) => state.run.interventions;
const selectScenario = (state: AppState) => state.run.scenario;
const selectRebalances = (state: AppState) => state.lab.rebalances;
/** Markers of one kind closer than this (px) share one. */
const MARKER_MIN_GAP_PX = 10;
/** Extra height for run B's markers and labels below the track. */
const RUN_B_HEIGHT = 48;

const selectLaterCount = (state: AppState) => state.run.interventions.filter((c) => c.atMs > state.sim.snapshot.nowMs).length;

/** One run's marks: its actions and interventions, its rebalances, and the latest moment marked. */
function useRunMarks(store: AppStore) {
  const interventions = useStore(store, selectInterventions);
  const scenario = useStore(store, selectScenario);
  const rebalances = useStore(store, useShallow(selectRebalances));
  const commands = useMemo(() => markedCommands(scenario, interventions), [scenario, interventions]);
  const latestMarkMs = useMemo(() => Math.max(0, ...commands.map((c) => c.atMs), ...(scenario.notes ?? []).map((n) => n.atMs)), [commands, scenario]);
  return useMemo(() => ({ commands, rebalances, latestMarkMs }), [commands, rebalances, latestMarkMs]);
}

type RunMarks = ReturnType<typeof useRunMarks>;

interface Props {
  /** In a comparison: run B's store, whose markers are drawn below the track. */
  runB?: AppStore;
}

export function Timeline({ runB }: Props) {
  const lab = useLab();
  const { seek, scheduleSeek } = lab;
  const laterCount = useAppStore(selectLaterCount);
  const [ref, width] = useElementWidth<HTMLElement>(1200);
  const marksA = useRunMarks(lab.store);
  // Hooks in a fixed order: without a run B, B's marks read run A's store and are not drawn.
  const marksB = useRunMarks(runB ?? lab.store);
  const compared = runB !== undefined;
  // The extent moves in steps (timelineExtentMs), so this part of the timeline is drawn again
  // only when a step, a mark or the width changes; the progress and the scrubber follow the
  // clock on their own (TimelineProgress, Scrubber).
  // The latest mark of either run, as one number: the selector runs at every publish, and
  // building its list again each time (a split, a map, a spread) showed in comparison profiles.
  const latestMarkMs = compared ? Math.max(marksA.latestMarkMs, marksB.latestMarkMs) : marksA.latestMarkMs;
  const selectExtent = useMemo(() => {
    const marks = [latestMarkMs];
    return (state: AppState) => timelineExtentMs(state.lab.reachedMs, state.sim.snapshot.nowMs, marks);
  }, [latestMarkMs]);
  const extentMs = useAppStore(selectExtent);
  const x = useMemo(() => timelineScale(extentMs, width), [extentMs, width]);
  const trackLeft = x(0);
  const trackWidth = x(extentMs) - trackLeft;
  const height = TIMELINE.height + (compared ? RUN_B_HEIGHT : 0);
  const markerRuns = useMemo(() => [{ run: 'A' as const, marks: marksA }, { run: 'B' as const, marks: marksB }], [marksA, marksB]);

  return (
    <section ref={ref} className="timeline" data-testid="timeline" aria-label="Timeline">
      <svg width={width} height={height} aria-hidden="true">
        <rect x={trackLeft} y={TIMELINE.trackY + 2} width={trackWidth} height={8} rx={4} className="timeline-track" />
        <TimelineProgress x={x} />
        <DisagreementBands x={x} />
        <Rebalances marks={marksA} x={x} y={TIMELINE.trackY + 21} run={compared ? 'A' : undefined} seek={seek} />
        <Markers marks={marksA} x={x} width={width} run={compared ? 'A' : undefined} seek={seek} />
        {compared && (
          <>
            <Rebalances marks={marksB} x={x} y={TIMELINE.trackY + 66} run="B" seek={seek} />
            <Markers marks={marksB} x={x} width={width} run="B" seek={seek} />
          </>
        )}
        <text x={trackLeft} y={height - 2} className="timeline-axis">0:00</text>
        <text x={x(extentMs)} y={height - 2} className="timeline-axis" textAnchor="end">{formatSimTime(extentMs).replace(/\.000$/, '')}</text>
        <text x={x(extentMs) - 70} y={height - 2} className="timeline-axis" textAnchor="end" data-chrome="prepare">
          {compared ? 'run A above the track (▼ ▽), run B below (▲ △): ▼ intervention · ▽ scenario action · ⟳ rebalance' : '▼ intervention · ▽ scenario action · ⟳ rebalance · ▬ read models disagree'}
          {laterCount > 0 ? ` · ${laterCount} later` : ''}
        </text>
      </svg>
      {compared && <MarkerList runs={markerRuns} seek={seek} />}
      <Scrubber extentMs={extentMs} left={trackLeft - 8} width={trackWidth + 16} onSeek={scheduleSeek} />
    </section>
  );
}

/**
 * The reached and played parts of the track: the only drawing that follows the clock. Their
 * ends are at whole pixels, so they are drawn again when they move by a pixel (every few frames
 * at 1×, less often as the run grows), not every frame: each redraw lays out and repaints the
 * timeline's drawing.
 */
const TimelineProgress = memo(function TimelineProgress({ x }: { x: Scale }) {
  const nowX = useAppStore((state: AppState) => Math.round(x(selectNowMs(state))));
  const reachedX = useAppStore((state: AppState) => Math.round(x(state.lab.reachedMs)));
  const trackLeft = x(0);
  return (
    <>
      <rect x={trackLeft} y={TIMELINE.trackY + 2} width={Math.max(0, reachedX - trackLeft)} height={8} rx={4} className="timeline-reached" />
      <rect x={trackLeft} y={TIMELINE.trackY + 2} width={Math.max(0, nowX - trackLeft)} height={8} rx={4} className="timeline-played" />
    </>
  );
});

/** The latest disagreement sample (one a virtual second): the bands change only when it does. */
const selectLatestDisagreement = (state: AppState) => state.sim.queries.disagreementHistory().at(-1) ?? null;

const DisagreementBands = memo(function DisagreementBands({ x }: { x: Scale }) {
  // Memoised: re-rendered when a sample is added (or the scale changes), not every frame.
  const bands = disagreementBands(useQueriesFollowing(selectLatestDisagreement).disagreementHistory(), 1000);
  return (
    <>
      {bands.map((band) => (
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
    </>
  );
});

/**
 * The scrubber, a range input over the run. Its value and text follow the clock without React
 * (doc/design.md, rule 11): re-rendering a controlled input sets its type, name and value every
 * frame. The value is the playhead rounded to the input's step, as the browser would round it.
 */
const SCRUBBER_STEP_MS = 100;

function Scrubber({ extentMs, left, width, onSeek }: { extentMs: number; left: number; width: number; onSeek: (ms: number) => void }) {
  const store = useLab().store;
  const ref = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    const input = ref.current;
    if (!input) return;
    let shownValue = -1;
    let shownMs = -1;
    // Playing, the spoken value follows the thumb's steps rather than every frame (no one hears
    // it change sixty times a second, and each change is a DOM write); stopped, it is exact.
    const show = (nowMs: number, exact: boolean) => {
      const value = Math.min(extentMs, Math.max(0, Math.round(nowMs / SCRUBBER_STEP_MS) * SCRUBBER_STEP_MS));
      const stepped = value !== shownValue;
      if (stepped) input.value = String((shownValue = value));
      if (nowMs !== shownMs && (exact || stepped)) input.setAttribute('aria-valuetext', `${formatSimTime((shownMs = nowMs))} of ${formatSimTime(extentMs)}`);
    };
    show(selectNowMs(store.getState()), true);
    return store.subscribe((state, previous) => {
      const { playing } = state.playback;
      if (state.sim.snapshot.nowMs !== previous.sim.snapshot.nowMs || playing !== previous.playback.playing) show(state.sim.snapshot.nowMs, !playing);
    });
  }, [store, extentMs]);
  return (
    <input
      ref={ref}
      type="range"
      className="scrubber"
      aria-label="Timeline"
      min={0}
      max={extentMs}
      step={SCRUBBER_STEP_MS}
      style={{ left, width, top: TIMELINE.trackY - 4 }}
      onChange={(event) => onSeek(Number(event.target.value))}
    />
  );
}

type Scale = (ms: number) => number;

/** A run's ▼/▽ markers above the track, or (run B) ▲/△ below it, with labels placed in rows. */
// Memoised: the playhead moves every frame, the markers only when the scale or the marks change.
const Markers = memo(function Markers({ marks, x, width, run, seek }: { marks: RunMarks; x: Scale; width: number; run?: 'A' | 'B'; seek: (ms: number) => void }) {
  // Markers closer than a triangle's width share one, with a count: readable, and bounded by
  // the track's width however many actions a scenario has.
  const markers = useMemo(() => mergeSameMoment(marks.commands, x, MARKER_MIN_GAP_PX), [marks.commands, x]);
  const below = run === 'B';
  const prefix = run ? `${run} ` : '';
  const placed = placeLabels(
    markers.map((m) => ({ x: x(m.atMs), width: (prefix.length + m.label.length) * TIMELINE.charWidth + 8 })),
    below ? 1 : TIMELINE.labelRows,
    6,
    width,
  );
  return (
    <>
      {markers.map((marker, i) => {
        const mx = x(marker.atMs);
        const colour = marker.kind === 'intervention' ? OKABE_ITO[4] : OKABE_ITO[0];
        const textColour = marker.kind === 'intervention' ? OKABE_ITO_TEXT[4] : OKABE_ITO_TEXT[0];
        const label = placed[i]!;
        // Above: pointing down onto the track; below: pointing up at it from under the marks.
        const shape = below ? `M ${mx - 6} ${TIMELINE.trackY + 36} l 12 0 l -6 -9 z` : `M ${mx - 6} ${TIMELINE.trackY - 8} l 12 0 l -6 9 z`;
        const labelY = below ? TIMELINE.trackY + 50 : TIMELINE.trackY - 12 - label.row * TIMELINE.labelRowHeight;
        return (
          <g key={`${marker.kind}-${i}`} className="timeline-marker" data-run={run} onClick={() => seek(marker.atMs)}>
            <title>{markerName(marker, run)}</title>
            <path d={shape} fill={marker.kind === 'intervention' ? colour : '#fff'} stroke={colour} strokeWidth={2} />
            {label.row >= 0 && (
              <text x={label.x} y={labelY} textAnchor="middle" className="timeline-label" fill={textColour}>
                {run && <tspan className="timeline-run">{prefix}</tspan>}
                {marker.label}
              </text>
            )}
          </g>
        );
      })}
    </>
  );
});

const Rebalances = memo(function Rebalances({ marks, x, y, run, seek }: { marks: RunMarks; x: Scale; y: number; run?: 'A' | 'B'; seek: (ms: number) => void }) {
  return (
    <>
      {clusterByPixels(marks.rebalances, (mark) => x(mark.atMs)).map((cluster) => {
        const first = cluster[0]!;
        return (
          <text
            key={`${first.groupId}-${first.generation}-${first.atMs}`}
            x={x(first.atMs)}
            y={y}
            className="timeline-rebalance"
            textAnchor="middle"
            data-run={run}
            onClick={() => seek(first.atMs)}
          >
            <title>{cluster.map((mark) => `${run ? `Run ${run}, ` : ''}${formatSimTime(mark.atMs)} rebalance of ${mark.groupId} → generation ${mark.generation}`).join('\n')}</title>
            {`${run ?? ''}${cluster.length > 1 ? `⟳×${cluster.length}` : '⟳'}`}
          </text>
        );
      })}
    </>
  );
});

/** Each marker of both runs as a button named for its run, moment and commands (the drawing is hidden from assistive technology). */
const MarkerList = memo(function MarkerList({ runs, seek }: { runs: Array<{ run: 'A' | 'B'; marks: RunMarks }>; seek: (ms: number) => void }) {
  return (
    <ul className="timeline-marker-list" aria-label="Markers of both runs">
      {runs.flatMap(({ run, marks }) =>
        mergeSameMoment(marks.commands).map((marker) => (
          <li key={`${run}-${marker.kind}-${marker.atMs}`}>
            <button type="button" onClick={() => seek(marker.atMs)}>
              {markerName(marker, run)}
            </button>
          </li>
        )),
      )}
    </ul>
  );
});
