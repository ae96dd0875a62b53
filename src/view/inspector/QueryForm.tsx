/**
 * "Ask the read model": the `query` command from the inspector of a service. The answer (hit or
 * miss) is an explained event; the latest one for this service shows under the form, and the
 * event log keeps them all. A read model is asked as a user's screen would ask it, so the
 * answer may trail the log: that gap is eventual consistency.
 */
import { useState, type FormEvent } from 'react';
import type { GroupView, SimEvent } from '../../engine';
import type { AppState } from '../../app/store';
import { useAppStore } from '../useAppStore';
import { useLab } from '../labContext';

/** Handlers whose read model keeps a table of entities it can be asked about. */
const ASKABLE_HANDLERS = new Set(['reserveStock', 'chargePayment', 'sendReceipt', 'scoreFraud', 'shipOrder', 'project']);

export function QueryForm({ group }: { group: GroupView }) {
  const { requestCommand } = useLab();
  const service = group.serviceId;
  const [entity, setEntity] = useState('order-1');
  const answer = useAppStore((state: AppState) => lastAnswer(state, service));
  if (!ASKABLE_HANDLERS.has(group.handler)) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const id = entity.trim();
    if (id !== '') requestCommand({ type: 'query', service, entity: id });
  };
  return (
    <form className="query-form" onSubmit={submit} aria-label={`Ask ${service}'s read model`}>
      <label>
        Does {service}&apos;s read model hold{' '}
        <input value={entity} onChange={(e) => setEntity(e.target.value)} aria-label="Entity to ask about" size={10} maxLength={64} />?
      </label>{' '}
      <button type="submit">Ask the read model</button>
      {answer && (
        <output className="query-answer" data-testid={`query-answer-${service}`} data-hit={answer.fields?.['hit'] === true}>
          {answer.text}
        </output>
      )}
    </form>
  );
}

/** The latest query answer for a service, as the event log has it (null: none yet). */
function lastAnswer(state: AppState, service: string): SimEvent | null {
  const events = state.sim.events;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.code === 'query' && e.fields?.['service'] === service) return e;
  }
  return null;
}
