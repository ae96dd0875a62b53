/**
 * Read models side by side for the newest orders: when each read model applied each one (or
 * "not yet", highlighted while others already have it), each read model's staleness, and the
 * probe "is order-N visible yet?" answered per read model and since when, and the order that
 * waited longest for a read model (one click probes it). A read model goes by its service's
 * name ("email's receipts"): services with one handler keep read models of one name.
 */
import { useState, type FormEvent } from 'react';
import type { ProbeAnswer } from '../../engine';
import { type AppState, selectQueries } from '../../app/store';
import { useAppStore, useShallow } from '../useAppStore';
import { possessive, readModelLabel, readModelName } from '../labels';

const selectServices = (state: AppState) => state.sim.snapshot.groups.map((g) => g.serviceId);
/** Each service's handler, in the order of `selectServices`. */
const selectHandlers = (state: AppState) => state.sim.snapshot.groups.map((g) => g.handler);
const ROWS = 8;

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** A delay: milliseconds below a second, where "0.0 s" would hide it. */
function delay(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : seconds(ms);
}

export function ConsistencyPanel() {
  const queries = useAppStore(selectQueries);
  const services = useAppStore(useShallow(selectServices));
  const handlers = useAppStore(useShallow(selectHandlers));
  const handlerOf = (service: string) => handlers[services.indexOf(service)] ?? 'noop';
  const label = (service: string) => readModelLabel(service, handlerOf(service));
  const facts = queries.recentFacts(ROWS);
  const longest = queries.longestWait();
  // Orders in the checkout story; keys (user-1, …) or other entities in other scenarios.
  const noun = facts.length > 0 && facts.every((fact) => fact.entity.startsWith('order-')) ? 'order' : 'entity';
  const [entity, setEntity] = useState(() => queries.recentFacts(1)[0]?.entity ?? 'order-1');
  const [asked, setAsked] = useState<string | null>(null);
  const columns = services.filter((service) => facts.some((fact) => service in fact.readModels));
  return (
    <section className="consistency" aria-label="Consistency of read models">
      <div className="staleness-row">
        {services.map((service) => {
          const health = queries.health(service);
          if (!health) return null;
          return (
            <span key={service} className="staleness" data-testid={`staleness-${service}`}>
              <strong>{label(service)}</strong> {health.staleness.records} behind · {health.staleness.seconds.toFixed(1)} s stale
              {health.maxConsistencyWindowMs !== null && <> · worst window {seconds(health.maxConsistencyWindowMs)}</>}
            </span>
          );
        })}
      </div>
      {longest && longest.waitMs > 0 && (
        <p className="longest-wait" data-testid="longest-wait" data-entity={longest.entity}>
          Longest wait so far: <code>{longest.entity}</code>, placed at {seconds(longest.appendedMs)};{' '}
          <strong>{longest.service}</strong>{' '}
          {longest.pending
            ? `has not applied it yet (waiting ${delay(longest.waitMs)}).`
            : `applied it ${delay(longest.waitMs)} later. Until then the ${noun} existed but ${label(longest.service)} did not show it.`}{' '}
          <button
            type="button"
            onClick={() => {
              setEntity(longest.entity);
              setAsked(longest.entity);
            }}
          >
            Probe it
          </button>
        </p>
      )}
      <table className="side-by-side">
        <caption>Newest {noun === 'order' ? 'orders' : 'facts'}: when each read model applied them</caption>
        <thead>
          <tr>
            <th scope="col">{noun}</th>
            <th scope="col">placed</th>
            {/* On two lines: the headers do not wrap, and five read models side by side must fit. */}
            {columns.map((service) => (
              <th scope="col" key={service}>
                {possessive(service)} <br />
                {readModelName(handlerOf(service))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {facts.map((fact) => (
            <FactRow key={fact.entity} fact={fact} columns={columns} />
          ))}
        </tbody>
      </table>
      <Probe noun={noun} entity={entity} setEntity={setEntity} asked={asked} setAsked={setAsked} label={label} />
    </section>
  );
}

function FactRow({ fact, columns }: { fact: ProbeAnswer; columns: string[] }) {
  const values = Object.values(fact.readModels);
  const someApplied = values.some((v) => v !== null);
  return (
    <tr>
      <th scope="row">
        <code>{fact.entity}</code>
      </th>
      <td className="num">{seconds(fact.appendedMs)}</td>
      {columns.map((service) => {
        if (!(service in fact.readModels)) return <td key={service} className="cell-na">n/a</td>;
        const applied = fact.readModels[service];
        if (applied === null || applied === undefined) {
          return (
            <td key={service} className={someApplied ? 'cell-missing' : 'cell-pending'}>
              not yet
            </td>
          );
        }
        return (
          <td key={service} className="cell-applied">
            ✓ {seconds(applied)}
          </td>
        );
      })}
    </tr>
  );
}

interface ProbeProps {
  noun: 'order' | 'entity';
  entity: string;
  setEntity(entity: string): void;
  asked: string | null;
  setAsked(entity: string): void;
  /** A service's read model's name on screen. */
  label(service: string): string;
}

function Probe({ noun, entity, setEntity, asked, setAsked, label }: ProbeProps) {
  const queries = useAppStore(selectQueries);
  const answer = asked === null ? null : queries.probe(asked);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAsked(entity);
  };
  return (
    <form className="probe" onSubmit={submit} aria-label={`Probe an ${noun}`}>
      <label>
        Is{' '}
        <input value={entity} onChange={(e) => setEntity(e.target.value)} aria-label={noun === 'order' ? 'Order id' : 'Entity id'} size={12} />{' '}
        visible yet?
      </label>
      <button type="submit">Ask</button>
      {asked !== null && (
        <output className="probe-answer" data-testid="probe-answer">
          {answer === null ? (
            <span>{asked} is not a recent fact (never placed, or too old to be tracked).</span>
          ) : (
            <ul>
              <li>
                placed at {seconds(answer.appendedMs)}
              </li>
              {Object.entries(answer.readModels).map(([service, at]) => (
                <li key={service} data-service={service} data-visible={at !== null}>
                  <strong>{label(service)}</strong>:{' '}
                  {at === null ? 'not yet' : `yes, since ${seconds(at)} (${delay(at - answer.appendedMs)} after it was placed)`}
                </li>
              ))}
            </ul>
          )}
        </output>
      )}
    </form>
  );
}
