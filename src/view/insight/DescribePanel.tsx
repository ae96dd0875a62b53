/**
 * The describe tab: kafka-consumer-groups for a chosen group, in the tool's three views
 * (--describe offsets, --members, --state). The group and the view travel in share links.
 */
import { useLab } from '../labContext';
import type { AppState } from '../../app/store';
import { useAppStore } from '../useAppStore';
import { MembersTable, StateTable } from './DescribeMembers';
import { DescribeTable } from './DescribeTable';

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

export function DescribePanel() {
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
