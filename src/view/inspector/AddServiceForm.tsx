/**
 * Add a late service: a new consumer group subscribing to a topic, starting from the earliest
 * retained record (replaying history) or from the latest (only what comes next). Producers
 * change nothing.
 */
import { memo, useState } from 'react';
import { isValidServiceId, SERVICE_HANDLERS } from '../../app/entityActions';
import { useLab } from '../labContext';
import { sameElements } from '../keepWhileSame';

interface Props {
  topics: string[];
  existing: string[];
  defaultTopic?: string;
}

function AddServiceFormInner({ topics, existing, defaultTopic }: Props) {
  const { requestCommand } = useLab();
  const suggested = existing.includes('fraud-check') ? `late-${existing.length}` : 'fraud-check';
  const [id, setId] = useState(suggested);
  const [topic, setTopic] = useState(defaultTopic ?? topics[0] ?? '');
  const [reset, setReset] = useState<'earliest' | 'latest'>('earliest');
  const [handler, setHandler] = useState(SERVICE_HANDLERS.includes('scoreFraud') ? 'scoreFraud' : 'noop');
  const problem = !isValidServiceId(id) ? 'letters, digits, . _ - only' : existing.includes(id) ? 'that name is taken' : null;
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (problem) return;
        requestCommand({ type: 'addService', service: { id, subscribe: [topic], handler, config: { 'auto.offset.reset': reset } } });
        setId(`late-${existing.length + 1}`);
      }}
    >
      <fieldset>
        <legend>Add a late service</legend>
        <label>
          Name <input value={id} onChange={(e) => setId(e.target.value)} className="medium" aria-invalid={problem !== null} />
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
