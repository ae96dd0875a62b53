/**
 * The selected entity's panel: what it is, its one-click commands (the same list the context
 * menu and the keyboard use) and the forms for commands that need input. With nothing
 * selected it offers adding a late service.
 */
import { actionsFor } from '../../app/entityActions';
import { useLab } from '../labContext';
import { parseSelection } from '../../app/selection';
import { type AppState, selectQueries } from '../../app/store';
import { useAppStore, useShallow } from '../useAppStore';
import { ActionButtons } from './ActionButtons';
import { AddServiceForm } from './AddServiceForm';
import { EntityDetails } from './EntityDetails';
import { ProduceForm, RateForm } from './ProducerForms';
import { QueryForm } from './QueryForm';
import { ResetOffsetsWalkthrough } from './ResetOffsetsWalkthrough';

const selectSelection = (state: AppState) => state.ui.selection;
const selectSnapshot = (state: AppState) => state.sim.snapshot;
const KIND_NAMES = { instance: 'Instance', group: 'Service', producer: 'Producer', topic: 'Topic', record: 'Record', broker: 'Kafka' } as const;

const selectTopicNames = (state: AppState) => state.sim.snapshot.topics.map((t) => t.name);
const selectServiceIds = (state: AppState) => state.sim.snapshot.groups.map((g) => g.serviceId);

export function Inspector() {
  const selection = useAppStore(selectSelection);
  return selection === null ? <NothingSelected /> : <SelectedEntity selection={selection} />;
}

function NothingSelected() {
  // Compared item by item, so the panel renders again only when a name changes, not every frame.
  const topics = useAppStore(useShallow(selectTopicNames));
  const services = useAppStore(useShallow(selectServiceIds));
  return (
    <section className="inspector" aria-label="Selected entity">
      <h2>Nothing selected</h2>
      <p className="hint">Click an instance, service, producer, topic or record (or Tab to it and press Enter) to act on it; right-click for a menu.</p>
      <details className="late-service">
        <summary>Add a late service…</summary>
        <AddServiceForm topics={topics} existing={services} />
      </details>
    </section>
  );
}

function SelectedEntity({ selection }: { selection: string }) {
  const { select } = useLab();
  const snapshot = useAppStore(selectSnapshot);
  const queries = useAppStore(selectQueries);
  const entity = actionsFor(selection, snapshot);
  const parsed = parseSelection(selection);
  // A selection the run does not have (not yet, or no longer after a seek back) reads as none.
  if (!entity || !parsed) return <NothingSelected />;
  const topics = snapshot.topics.map((t) => t.name);
  const services = snapshot.groups.map((g) => g.serviceId);
  const group = entity.kind === 'group' ? snapshot.groups.find((g) => g.groupId === entity.id) : undefined;
  const producer = entity.kind === 'producer' ? snapshot.producers.find((p) => p.id === entity.id) : undefined;
  const producerPartitions = producer?.topic ? (snapshot.topics.find((t) => t.name === producer.topic)?.partitions.length ?? 0) : 0;
  return (
    <section className="inspector" aria-label={`Selected ${KIND_NAMES[entity.kind].toLowerCase()} ${entity.title}`} data-testid="inspector">
      <h2>
        {KIND_NAMES[entity.kind]} <code>{entity.title}</code>
        <button type="button" className="link close" onClick={() => select(null)} aria-label="Clear selection">
          ✕
        </button>
      </h2>
      <EntityDetails selection={parsed} snapshot={snapshot} queries={queries} />
      {entity.kind === 'instance' && (
        <button type="button" className="link" onClick={() => select(`group:${entity.owner}`)}>
          Service {entity.owner} →
        </button>
      )}
      <ActionButtons actions={entity.actions} />
      {group && <QueryForm key={`query-${group.groupId}`} group={group} />}
      {group && <ResetOffsetsWalkthrough key={group.groupId} group={group} />}
      {producer && <RateForm key={`rate-${producer.id}`} producer={producer} />}
      {producer && <ProduceForm key={`produce-${producer.id}`} producer={producer} partitions={producerPartitions} />}
      {entity.forms.includes('addService') && <AddServiceForm key={entity.id} topics={topics} existing={services} defaultTopic={entity.id} />}
    </section>
  );
}
