/**
 * The area under the pipeline, in tabs: the partition lanes (default), lag over time,
 * read-model consistency, delivery guarantees, and Kafka's describe table for a chosen group.
 * The open tab and the described group travel in share links as view settings.
 */
import { lazy, Suspense, type KeyboardEvent } from 'react';
import { useLab } from '../labContext';
import type { AppState } from '../../app/store';
import { useAppStore } from '../useAppStore';
import { lanesShown, TopicLanes } from '../lanes/TopicLanes';
import { useProgressiveCount } from '../progressive/useProgressiveCount';
import './insight.css';

// The other tabs load when first opened: most sessions start on the lanes, and the charts and
// tables are a download the first screen does not need.
const LagPanel = lazy(() => import('./LagPanel').then((m) => ({ default: m.LagPanel })));
const ConsistencyPanel = lazy(() => import('./ConsistencyPanel').then((m) => ({ default: m.ConsistencyPanel })));
const GuaranteeCounters = lazy(() => import('./GuaranteeCounters').then((m) => ({ default: m.GuaranteeCounters })));
const DescribePanel = lazy(() => import('./DescribePanel').then((m) => ({ default: m.DescribePanel })));

const TABS = [
  { id: 'lanes', label: 'Partitions' },
  { id: 'lag', label: 'Lag' },
  { id: 'consistency', label: 'Consistency' },
  { id: 'guarantees', label: 'Guarantees' },
  { id: 'describe', label: 'Describe group' },
] as const;

const selectTab = (state: AppState) => {
  const tab = state.ui.view['insightTab'];
  return TABS.some((t) => t.id === tab) ? (tab as string) : 'lanes';
};
/**
 * Rows the lanes draw at first (TopicLanes.tsx, `lanesShown`): each lane's own and one per group
 * reading it. Past `LANE_ROWS_AT_ONCE` (at the limits: 187 rows, about a thousand elements) the
 * lanes are drawn in a mount step of their own (progressive/mountSteps.ts), after the page has
 * painted the rest; every preset's lanes come at once.
 */
const selectLaneRows = (state: AppState): number => {
  const { topics, groups } = state.sim.snapshot;
  const readers = topics.map((topic) => groups.filter((group) => group.subscribe.includes(topic.name)).length);
  const shown = lanesShown(
    topics.map((topic) => topic.partitions.length),
    [],
    readers,
  );
  return shown.reduce((rows, lanes, i) => rows + lanes * (1 + readers[i]!), 0);
};
const LANE_ROWS_AT_ONCE = 96;

function Lanes() {
  const rows = useAppStore(selectLaneRows);
  const ready = useProgressiveCount(1, rows > LANE_ROWS_AT_ONCE ? 0 : 1) > 0;
  return ready ? <TopicLanes /> : <p className="hint" data-testid="lanes-drawing">Drawing the partition lanes…</p>;
}

export function InsightsPanel() {
  const { setView } = useLab();
  const tab = useAppStore(selectTab);
  // ← and → move between the tabs (WAI-ARIA tabs pattern) instead of stepping the clock.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const index = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setView('insightTab', next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <section className="insights" aria-label="Insights">
      <div role="tablist" aria-label="Insight views" className="insight-tabs" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className={tab === t.id ? 'insight-tab active' : 'insight-tab'}
            onClick={() => setView('insightTab', t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'lanes' && <Lanes />}
        <Suspense fallback={<p className="hint">Loading…</p>}>
          {tab === 'lag' && <LagPanel />}
          {tab === 'consistency' && <ConsistencyPanel />}
          {tab === 'guarantees' && <GuaranteeCounters />}
          {tab === 'describe' && <DescribePanel />}
        </Suspense>
      </div>
    </section>
  );
}
