/**
 * The comparison's charts: consumer lag and read-model staleness of both runs on shared axes.
 * They follow the once-a-second lag samples of each run (not every frame); the playhead line
 * moves with the clock.
 */
import { useStore } from 'zustand';
import type { Comparison, ComparisonState, RunSide } from '../../app/comparison';
import { type AppState, selectNowMs } from '../../app/store';
import { useElementWidth } from '../useElementWidth';
import { CompareChart, type CompareLine } from './CompareChart';
import { failureSeries, runSeries, sharedDomainEndMs, type CompareMeasure } from './compareSeries';
import { RUN_STYLE } from './runStyle';

const selectSampleSecond = (state: AppState) => Math.floor(state.sim.queries.atMs / 1000);
const selectLabels = (state: ComparisonState) => state.labels;

function useRunLines(comparison: Comparison, side: RunSide, measure: CompareMeasure, label: string): CompareLine {
  const lab = comparison[side];
  useStore(lab.store, selectSampleSecond);
  const { queries, snapshot } = lab.store.getState().sim;
  const histories = snapshot.groups.map((group) => queries.lagHistory(group.groupId));
  const style = RUN_STYLE[side];
  return { id: side, letter: side.toUpperCase(), label, colour: style.colour, text: style.text, dash: style.dash, points: runSeries(histories, measure) };
}

/** A run's orders that failed or timed out per second (calls; 0 throughout without calls). */
function useFailureLine(comparison: Comparison, side: RunSide, label: string): CompareLine {
  const lab = comparison[side];
  useStore(lab.store, selectSampleSecond);
  const { snapshot } = lab.store.getState().sim;
  const clients = snapshot.calls?.clients.map((client) => client.windows) ?? [];
  const style = RUN_STYLE[side];
  return { id: side, letter: side.toUpperCase(), label, colour: style.colour, text: style.text, dash: style.dash, points: failureSeries(clients, snapshot.nowMs) };
}

const selectHasCalls = (state: AppState) => state.sim.snapshot.calls !== undefined;

export function CompareCharts({ comparison }: { comparison: Comparison }) {
  const [ref, width] = useElementWidth<HTMLElement>(1200);
  const labels = useStore(comparison.store, selectLabels);
  const nowMs = useStore(comparison.a.store, selectNowMs);
  const lag = [useRunLines(comparison, 'a', 'lagRecords', labels.a), useRunLines(comparison, 'b', 'lagRecords', labels.b)];
  const staleness = [useRunLines(comparison, 'a', 'stalenessSeconds', labels.a), useRunLines(comparison, 'b', 'stalenessSeconds', labels.b)];
  const failures = [useFailureLine(comparison, 'a', labels.a), useFailureLine(comparison, 'b', labels.b)];
  const aCalls = useStore(comparison.a.store, selectHasCalls);
  const bCalls = useStore(comparison.b.store, selectHasCalls);
  const hasCalls = aCalls || bCalls;
  const domainEndMs = sharedDomainEndMs(nowMs);
  // Side by side on a wide page (the 24 px gaps of the flex row between them), else stacked.
  const columns = width < 900 ? 1 : hasCalls ? 3 : 2;
  const chartWidth = Math.floor((width - 24 * (columns - 1)) / columns) - 2;
  return (
    <section ref={ref} className="compare-charts" aria-label="Both runs over time">
      <CompareChart title="Consumer lag" yTitle="records (all groups)" width={chartWidth} lines={lag} domainEndMs={domainEndMs} nowMs={nowMs} />
      <CompareChart title="Read-model staleness" yTitle="seconds (worst group)" width={chartWidth} lines={staleness} domainEndMs={domainEndMs} nowMs={nowMs} />
      {hasCalls && (
        <CompareChart title="Orders that failed" yTitle="orders per second" width={chartWidth} lines={failures} domainEndMs={domainEndMs} nowMs={nowMs} />
      )}
    </section>
  );
}
