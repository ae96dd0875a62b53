/**
 * The comparison's charts: consumer lag and read-model staleness of both runs on shared axes,
 * and, when a run places orders by calls, the orders that failed and the latency (p50 / p99) of
 * those that succeeded. They follow the once-a-second lag samples of each run (not every frame);
 * the playhead line moves with the clock.
 */
import { useStore } from 'zustand';
import type { Comparison, ComparisonState, RunSide } from '../../app/comparison';
import { type AppState, selectNowMs } from '../../app/store';
import { useElementWidth } from '../useElementWidth';
import { CompareChart, type CompareLine } from './CompareChart';
import { failureSeries, latencySeries, runSeries, sharedDomainEndMs, type CompareMeasure } from './compareSeries';
import { RUN_STYLE } from './runStyle';

const selectSampleSecond = (state: AppState) => Math.floor(state.sim.queries.atMs / 1000);
const selectLabels = (state: ComparisonState) => state.labels;

function lineOf(side: RunSide, label: string, points: CompareLine['points']): CompareLine {
  const style = RUN_STYLE[side];
  return { id: side, letter: side.toUpperCase(), label, colour: style.colour, text: style.text, dash: style.dash, points };
}

function useRunLines(comparison: Comparison, side: RunSide, measure: CompareMeasure, label: string): CompareLine {
  const lab = comparison[side];
  useStore(lab.store, selectSampleSecond);
  const { queries, snapshot } = lab.store.getState().sim;
  const histories = snapshot.groups.map((group) => queries.lagHistory(group.groupId));
  return lineOf(side, label, runSeries(histories, measure));
}

/** A run's orders that failed or timed out per second (calls; 0 throughout without calls). */
function useFailureLine(comparison: Comparison, side: RunSide, label: string): CompareLine {
  const lab = comparison[side];
  useStore(lab.store, selectSampleSecond);
  const { snapshot } = lab.store.getState().sim;
  const clients = snapshot.calls?.clients.map((client) => client.windows) ?? [];
  return lineOf(side, label, failureSeries(clients, snapshot.nowMs));
}

/**
 * A run's p99 (thick) and p50 (thin) latency of succeeded orders per second, in its colour and
 * line pattern; a run without calls has no line, and its legend says so.
 */
function useLatencyLines(comparison: Comparison, side: RunSide, label: string): CompareLine[] {
  const lab = comparison[side];
  useStore(lab.store, selectSampleSecond);
  const { snapshot } = lab.store.getState().sim;
  const clients = snapshot.calls?.clients.map((client) => client.windows) ?? [];
  const legendNote = snapshot.calls === undefined ? 'no calls' : undefined;
  return [
    { ...lineOf(side, label, latencySeries(clients, snapshot.nowMs, 'p99')), id: `${side}-p99`, measure: 'p99', strokeWidth: 3.5, legendNote },
    { ...lineOf(side, label, latencySeries(clients, snapshot.nowMs, 'p50')), id: `${side}-p50`, measure: 'p50', strokeWidth: 1.5, unlisted: true },
  ];
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
  const nowMs = useStore(comparison.a.store, selectNowMs);
  const lag = [useRunLines(comparison, 'a', 'lagRecords', labels.a), useRunLines(comparison, 'b', 'lagRecords', labels.b)];
  const staleness = [useRunLines(comparison, 'a', 'stalenessSeconds', labels.a), useRunLines(comparison, 'b', 'stalenessSeconds', labels.b)];
  const failures = [useFailureLine(comparison, 'a', labels.a), useFailureLine(comparison, 'b', labels.b)];
  const latency = [...useLatencyLines(comparison, 'a', labels.a), ...useLatencyLines(comparison, 'b', labels.b)];
  const aCalls = useStore(comparison.a.store, selectHasCalls);
  const bCalls = useStore(comparison.b.store, selectHasCalls);
  const hasCalls = aCalls || bCalls;
  const domainEndMs = sharedDomainEndMs(nowMs);
  const columns = columnsFor(width, hasCalls ? 4 : 2);
  // The grid's 24 px gaps between the columns.
  const chartWidth = Math.floor((width - 24 * (columns - 1)) / columns) - 2;
  return (
    <section ref={ref} className="compare-charts" aria-label="Both runs over time" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
      <CompareChart title="Consumer lag" yTitle="records (all groups)" width={chartWidth} lines={lag} domainEndMs={domainEndMs} nowMs={nowMs} />
      <CompareChart title="Read-model staleness" yTitle="seconds (worst group)" width={chartWidth} lines={staleness} domainEndMs={domainEndMs} nowMs={nowMs} />
      {hasCalls && (
        <CompareChart title="Orders that failed" yTitle="orders per second" width={chartWidth} lines={failures} domainEndMs={domainEndMs} nowMs={nowMs} />
      )}
      {hasCalls && (
        <CompareChart
          title="Latency of succeeded orders"
          yTitle="milliseconds"
          keyText="each second: thick p99, thin p50"
          width={chartWidth}
          lines={latency}
          domainEndMs={domainEndMs}
          nowMs={nowMs}
        />
      )}
    </section>
  );
}
