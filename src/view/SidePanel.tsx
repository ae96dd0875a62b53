/**
 * The right column's lower part: the consumer groups or the event log, as tabs (the choice
 * travels in links as the `panel` view setting). The event log and the brokers are loaded when
 * their tab is first opened: the page starts on the groups, and the start-up script has a budget.
 */
import { lazy, Suspense, type KeyboardEvent } from 'react';
import { useLab } from './labContext';
import type { AppState } from '../app/store';
import { useAppStore } from './useAppStore';
import { GroupPanel } from './groups/GroupPanel';

const EventLog = lazy(() => import('./events/EventLog').then((m) => ({ default: m.EventLog })));
const BrokerPanel = lazy(() => import('./brokers/BrokerPanel').then((m) => ({ default: m.BrokerPanel })));

const TABS = [
  { id: 'groups', label: 'Consumer groups' },
  { id: 'events', label: 'Event log' },
  { id: 'brokers', label: 'Brokers' },
] as const;

type TabId = (typeof TABS)[number]['id'];

const selectPanel = (state: AppState): TabId => {
  const panel = state.ui.view['panel'];
  return panel === 'events' || panel === 'brokers' ? panel : 'groups';
};

export function SidePanel() {
  const { setView } = useLab();
  const panel = useAppStore(selectPanel);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    event.stopPropagation();
    const index = TABS.findIndex((tab) => tab.id === panel);
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!.id;
    setView('panel', next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <section className="side-panel">
      <div role="tablist" aria-label="Side panel" className="tabs" onKeyDown={onKeyDown}>
        {TABS.map((tab) => (
          <button
            key={tab.id}
            id={`tab-${tab.id}`}
            type="button"
            role="tab"
            aria-selected={panel === tab.id}
            aria-controls={`panel-${tab.id}`}
            tabIndex={panel === tab.id ? 0 : -1}
            onClick={() => setView('panel', tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${panel}`} aria-labelledby={`tab-${panel}`} className="tab-panel">
        <Suspense fallback={<p className="hint">Loading…</p>}>
          {panel === 'groups' ? <GroupPanel /> : panel === 'events' ? <EventLog /> : <BrokerPanel />}
        </Suspense>
      </div>
    </section>
  );
}
