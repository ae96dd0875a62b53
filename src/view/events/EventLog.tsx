/**
 * The engine's explanations, newest first, filterable by entity and kind (the filters travel
 * in links as view settings). Each entry is a button that moves the playhead to its moment.
 */
import { useMemo } from 'react';
import { useLab } from '../labContext';
import type { AppState } from '../../app/store';
import { useAppStore } from '../useAppStore';
import { formatSimTime } from '../formatTime';
import { ALL, filterEvents, filterOptions } from './eventFilter';

const LIMIT = 150;
const selectEvents = (state: AppState) => state.sim.events;
const selectEntity = (state: AppState) => String(state.ui.view['logEntity'] ?? ALL);
const selectKind = (state: AppState) => String(state.ui.view['logKind'] ?? ALL);

export function EventLog() {
  const { seek, setView } = useLab();
  const events = useAppStore(selectEvents);
  const entity = useAppStore(selectEntity);
  const kind = useAppStore(selectKind);
  const options = useMemo(() => filterOptions(events), [events]);
  const shown = useMemo(() => filterEvents(events, entity, kind, LIMIT), [events, entity, kind]);
  return (
    <div className="event-log" data-testid="event-log">
      <div className="filters">
        <label>
          Entity
          <select value={entity} onChange={(e) => setView('logEntity', e.target.value)}>
            <option value={ALL}>all</option>
            {entity !== ALL && !options.entities.includes(entity) && <option value={entity}>{entity}</option>}
            {options.entities.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Kind
          <select value={kind} onChange={(e) => setView('logKind', e.target.value)}>
            <option value={ALL}>all</option>
            {kind !== ALL && !options.kinds.includes(kind) && <option value={kind}>{kind}</option>}
            {options.kinds.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {shown.length === 0 ? (
        <p className="empty">Nothing yet. Press Play (Space) or step forward (→).</p>
      ) : (
        <ol className="events" aria-label="Event log, newest first">
          {shown.map((event) => (
            <li key={event.seq}>
              <button type="button" className={`event event-${event.kind}`} onClick={() => seek(event.atMs)} title="Move the playhead to this moment">
                <span className="event-time">{formatSimTime(event.atMs)}</span>
                <span className="event-kind">{event.kind}</span>
                <span className="event-text">{event.text}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
