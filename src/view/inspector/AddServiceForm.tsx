/**
 * Add a late service: a new consumer group subscribing to a topic, starting from the earliest
 * retained record (replaying history) or from the latest (only what comes next). Producers
 * change nothing. The suggested name says what the newcomer is (labels.ts, `suggestServiceName`).
 */
import { memo, useState } from 'react';
import type { TimedCommand } from '../../engine';
import { isValidServiceId, SERVICE_HANDLERS } from '../../app/entityActions';
import type { AppState } from '../../app/store';
import { useLab } from '../labContext';
import { sameElements } from '../keepWhileSame';
import { suggestServiceName } from '../labels';
import { useAppStore, useShallow } from '../useAppStore';

interface Props {
  topics: string[];
  existing: string[];
  defaultTopic?: string;
}

/**
 * Services the run adds by command (scenario actions and interventions): some are still to come,
 * and a name suggested now would make that later addition fail.
 */
function addedLater(actions: readonly TimedCommand[] | undefined): string[] {
  return (actions ?? []).flatMap((action) => (action.type === 'addService' ? [action.service.id] : []));
}

const selectAddedLater = (state: AppState) => [...addedLater(state.run.scenario.actions), ...addedLater(state.run.interventions)];

function AddServiceFormInner({ topics, existing, defaultTopic }: Props) {
  const { requestCommand } = useLab();
  const later = useAppStore(useShallow(selectAddedLater));
  const [topic, setTopic] = useState(defaultTopic ?? topics[0] ?? '');
  const [reset, setReset] = useState<'earliest' | 'latest'>('earliest');
  const [handler, setHandler] = useState(SERVICE_HANDLERS.includes('scoreFraud') ? 'scoreFraud' : 'noop');
  // The suggestion follows the handler and the offset reset until the user types a name; a
  // topic's name is avoided too, so a service never shares a name with anything on screen.
  const [typed, setTyped] = useState<string | null>(null);
  const id = typed ?? suggestServiceName(handler, reset, [...existing, ...topics, ...later]);
  const problem = !isValidServiceId(id) ? 'letters, digits, . _ - only' : existing.includes(id) ? 'that name is taken' : null;
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (problem) return;
        requestCommand({ type: 'addService', service: { id, subscribe: [topic], handler, config: { 'auto.offset.reset': reset } } });
        // Back to suggesting: once the new service is on screen the suggestion moves past it.
        setTyped(null);
      }}
    >
      <fieldset>
        <legend>Add a late service</legend>
        <label>
          Name <input value={id} onChange={(e) => setTyped(e.target.value)} className="medium" aria-invalid={problem !== null} />
        </label>
        <label>
          reads
          <select value={topic} onChange={(e) => setTopic(e.target.value)}>
            {topics.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label>
          handler
          <select value={handler} onChange={(e) => setHandler(e.target.value)}>
            {SERVICE_HANDLERS.map((h) => (
              <option key={h}>{h}</option>
            ))}
          </select>
        </label>
        <div className="radio-row" role="radiogroup" aria-label="Start from">
          {(['earliest', 'latest'] as const).map((value) => (
            <label key={value}>
              <input type="radio" name="late-reset" checked={reset === value} onChange={() => setReset(value)} /> from {value}
            </label>
          ))}
        </div>
        {problem && <span className="hint">{problem}</span>}
        <button type="submit" disabled={problem !== null}>
          Add service
        </button>
      </fieldset>
    </form>
  );
}

/** Re-rendered only when the topics or services change, not on every frame of the clock. */
export const AddServiceForm = memo(
  AddServiceFormInner,
  (a, b) => sameElements(a.topics, b.topics) && sameElements(a.existing, b.existing) && a.defaultTopic === b.defaultTopic,
);
