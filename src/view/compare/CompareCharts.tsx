/**
 * The comparison's charts: consumer lag and read-model staleness of both runs on shared axes,
 * and, when a run places orders by calls, the orders that failed and the latency (p50 / p99) of
 * those that succeeded. They follow the once-a-second lag samples of each run (not every frame);
 * the playhead line moves with the clock.
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { Comparison, ComparisonState, RunSide } from '../../app/comparison';
import type { AppState } from '../../app/store';
import { useElementWidth } from '../useElementWidth';
import { CompareChart, type CompareLine } from './CompareChart';
import { failureSeries, latencySeries, runSeries, sharedDomainEndMs, type CompareMeasure } from './compareSeries';
import { RUN_STYLE } from './runStyle';

const selectSampleSecond = (state: AppState) => Math.floor(state.sim.queries.atMs / 1000);
/** The time axis's end moves in 10 s steps: the charts follow it, not every frame. */
const selectDomainEndMs = (state: AppState) => sharedDomainEndMs(state.sim.snapshot.nowMs);
const selectLabels = (state: ComparisonState) => state.labels;

function lineOf(side: RunSide, label: string, points: CompareLine['points']): CompareLine {
  const style = RUN_STYLE[side];
  return { id: side, letter: side.toUpperCase(), label, colour: style.colour, text: style.text, dash: style.dash, points };
}

function useRunLines(comparison: Comparison, side: RunSide, measure: CompareMeasure, label: string): CompareLine {
  const lab = comparison[side];
  const second = useStore(lab.store, selectSampleSecond);
  return useMemo(() => {
    const { queries, snapshot } = lab.store.getState().sim;
    const histories = snapshot.groups.map((group) => queries.lagHistory(group.groupId));
    return lineOf(side, label, runSeries(histories, measure));
    // `second`: the samples changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lab, side, label, measure, second]);
}

/** A run's orders that failed or timed out per second (calls; 0 throughout without calls). */
function useFailureLine(comparison: Comparison, side: RunSide, label: string): CompareLine {
  const lab = comparison[side];
  const second = useStore(lab.store, selectSampleSecond);
  return useMemo(() => {
    const { snapshot } = lab.store.getState().sim;
    const clients = snapshot.calls?.clients.map((client) => client.windows) ?? [];
    return lineOf(side, label, failureSeries(clients, snapshot.nowMs));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lab, side, label, second]);
}

/**
 * A run's p99 (thick) and p50 (thin) latency of succeeded orders per second, in its colour and
 * line pattern; a run without calls has no line, and its legend says so.
 */
function useLatencyLines(comparison: Comparison, side: RunSide, label: string): CompareLine[] {
  const lab = comparison[side];
  const second = useStore(lab.store, selectSampleSecond);
  return useMemo(() => {
    const { snapshot } = lab.store.getState().sim;
    const clients = snapshot.calls?.clients.map((client) => client.windows) ?? [];
    const legendNote = snapshot.calls === undefined ? 'no calls' : undefined;
    return [
      { ...lineOf(side, label, latencySeries(clients, snapshot.nowMs, 'p99')), id: `${side}-p99`, measure: 'p99', strokeWidth: 3.5, legendNote },
      { ...lineOf(side, label, latencySeries(clients, snapshot.nowMs, 'p50')), id: `${side}-p50`, measure: 'p50', strokeWidth: 1.5, unlisted: true },
    ];
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lab, side, label, second]);
}

const selectHasCalls = (state: AppState) => state.sim.snapshot.calls !== undefined;

/** Charts in a row: one column on a narrow page, four on a very wide one, else two. */
function columnsFor(width: number, charts: number): number {
  if (width < 900) return 1;
  return width >= 1700 ? charts : 2;
}

export function CompareCharts({ comparison }: { comparison: Comparison }) {
  const [ref, width] = useElementWidth<HTMLElement>(1200);
  const labels = useStore(comparison.store, selectLabels);
  const domainEndMs = useStore(comparison.a.store, selectDomainEndMs);
  const lagA = useRunLines(comparison, 'a', 'lagRecords', labels.a);
  const lagB = useRunLines(comparison, 'b', 'lagRecords', labels.b);
  const staleA = useRunLines(comparison, 'a', 'stalenessSeconds', labels.a);
  const staleB = useRunLines(comparison, 'b', 'stalenessSeconds', labels.b);
  const failA = useFailureLine(comparison, 'a', labels.a);
  const failB = useFailureLine(comparison, 'b', labels.b);
  const latencyA = useLatencyLines(comparison, 'a', labels.a);
  const latencyB = useLatencyLines(comparison, 'b', labels.b);
  // New arrays only when a line is new, so a chart whose lines did not change is not redrawn.
  const lag = useMemo(() => [lagA, lagB], [lagA, lagB]);
  const staleness = useMemo(() => [staleA, staleB], [staleA, staleB]);
  const failures = useMemo(() => [failA, failB], [failA, failB]);
  const latency = useMemo(() => [...latencyA, ...latencyB], [latencyA, latencyB]);
  const aCalls = useStore(comparison.a.store, selectHasCalls);
  const bCalls = useStore(comparison.b.store, selectHasCalls);
  const hasCalls = aCalls || bCalls;
  const columns = columnsFor(width, hasCalls ? 4 : 2);
  // The grid's 24 px gaps between the columns.
  const chartWidth = Math.floor((width - 24 * (columns - 1)) / columns) - 2;
  return (
    <section ref={ref} className="compare-charts" aria-label="Both runs over time" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
      <CompareChart title="Consumer lag" yTitle="records (all groups)" width={chartWidth} lines={lag} domainEndMs={domainEndMs} clock={comparison.a.store} />
      <CompareChart title="Read-model staleness" yTitle="seconds (worst group)" width={chartWidth} lines={staleness} domainEndMs={domainEndMs} clock={comparison.a.store} />
      {hasCalls && (
        <CompareChart title="Orders that failed" yTitle="orders per second" width={chartWidth} lines={failures} domainEndMs={domainEndMs} clock={comparison.a.store} />
      )}
      {hasCalls && (
        <CompareChart
          title="Latency of succeeded orders"
          yTitle="milliseconds"
          keyText="each second: thick p99, thin p50"
          width={chartWidth}
          lines={latency}
          domainEndMs={domainEndMs}
          clock={comparison.a.store}
        />
      )}
    </section>
  );
}
