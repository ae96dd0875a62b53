/**
 * The area under the pipeline, in tabs: the partition lanes (default), lag over time,
 * read-model consistency, delivery guarantees, and Kafka's describe table for a chosen group.
 * The open tab and the described group travel in share links as view settings.
 */
import type { KeyboardEvent } from 'react';
import { useLab } from '../labContext';
import type { AppState } from '../../app/store';
import { useAppStore } from '../useAppStore';
import { ConsistencyPanel } from './ConsistencyPanel';
import { MembersTable, StateTable } from './DescribeMembers';
import { DescribeTable } from './DescribeTable';
import { GuaranteeCounters } from './GuaranteeCounters';
import { TopicLanes } from '../lanes/TopicLanes';
import { LagPanel } from './LagPanel';
import './insight.css';

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
const selectGroups = (state: AppState) => state.sim.snapshot.groups;
const selectTopics = (state: AppState) => state.sim.snapshot.topics;
/** The tool's three views of a group: offsets (the default), --members, --state. */
const DESCRIBE_VIEWS = [
  { id: 'offsets', label: '--describe' },
  { id: 'members', label: '--members' },
  { id: 'state', label: '--state' },
] as const;
const selectDescribeView = (state: AppState): (typeof DESCRIBE_VIEWS)[number]['id'] => {
  const value = state.ui.view['describeView'];
  return value === 'members' || value === 'state' ? value : 'offsets';
};

const selectDescribeGroup = (state: AppState) => {
  const selection = state.ui.selection;
  if (selection?.startsWith('group:')) return selection.slice('group:'.length);
  const chosen = state.ui.view['describeGroup'];
  return typeof chosen === 'string' ? chosen : null;
};

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
        {tab === 'lanes' && <TopicLanes />}
        {tab === 'lag' && <LagPanel />}
        {tab === 'consistency' && <ConsistencyPanel />}
        {tab === 'guarantees' && <GuaranteeCounters />}
        {tab === 'describe' && <DescribePanel />}
      </div>
    </section>
  );
}

function DescribePanel() {
  const { setView } = useLab();
  const groups = useAppStore(selectGroups);
  const topics = useAppStore(selectTopics);
  const chosen = useAppStore(selectDescribeGroup);
  const view = useAppStore(selectDescribeView);
  const group = groups.find((g) => g.groupId === chosen) ?? groups[0];
  if (!group) return <p>No consumer groups.</p>;
  return (
    <div>
      <div className="chart-controls">
        <label>
          Group{' '}
          <select
            value={group.groupId}
            onChange={(e) => setView('describeGroup', e.target.value)}
            aria-label="Group to describe"
          >
            {groups.map((g) => (
              <option key={g.groupId} value={g.groupId}>
                {g.groupId}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="segmented">
          <legend className="visually-hidden">What to describe</legend>
          {DESCRIBE_VIEWS.map((option) => (
            <label key={option.id} className={view === option.id ? 'checked' : ''}>
              <input
                type="radio"
                name="describe-view"
                value={option.id}
                checked={view === option.id}
                onChange={() => setView('describeView', option.id)}
              />
              {option.label}
            </label>
          ))}
        </fieldset>
      </div>
      {view === 'offsets' && <DescribeTable group={group} topics={topics} groups={groups} />}
      {view === 'members' && <MembersTable group={group} groups={groups} />}
      {view === 'state' && <StateTable group={group} />}
    </div>
  );
}
