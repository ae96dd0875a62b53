/**
 * What can be done to the selected entity: one list of commands that the inspector panel, the
 * context menu and the keyboard shortcuts all read, so they never disagree. Each action is a
 * plain command (links and replays carry it). Actions that need input (reset offsets, rate,
 * produce a chosen record, add a service) are named as forms for the inspector to render.
 */
import { HANDLER_NAMES, type Command, type GroupView, type InstanceView, type SimSnapshot } from '../engine';
import { parseSelection, splitPartitionKey, splitRecordId } from './selection';

export interface EntityAction {
  id: string;
  /** The button's accessible name. */
  label: string;
  /** Keyboard shortcut (a single key as `KeyboardEvent.key` gives it). */
  key?: string;
  command: Command;
  /** For toggles and choices: whether this is the current state. */
  pressed?: boolean;
  disabled?: boolean;
}

export type EntityForm = 'resetOffsets' | 'rate' | 'produce' | 'addService';

export interface EntityActions {
  kind: 'instance' | 'group' | 'producer' | 'topic' | 'record' | 'broker';
  /** The entity's id (instance name, group id, producer id, topic name, record id, broker id). */
  id: string;
  title: string;
  actions: EntityAction[];
  forms: EntityForm[];
  /** For an instance or group: its service's id; for a topic, partition or record: the topic. */
  owner: string;
}

const SLOW_FACTORS = [1, 2, 5, 10] as const;
const SLOW_KEYS: Record<number, string> = { 1: '1', 2: '2', 5: '5', 10: '0' };
const BURST_COUNT = 20;

/** Handlers a late service may use (the engine's built-in ones). */
export const SERVICE_HANDLERS: readonly string[] = HANDLER_NAMES;

/** Service ids the engine accepts (Kafka's legal topic characters, at most 64). */
export function isValidServiceId(id: string): boolean {
  return /^[A-Za-z0-9._-]{1,64}$/.test(id);
}

export function findInstance(snapshot: SimSnapshot, name: string): { group: GroupView; instance: InstanceView } | null {
  for (const group of snapshot.groups) {
    const instance = group.instances.find((i) => i.name === name);
    if (instance) return { group, instance };
  }
  return null;
}

/** Instances the service currently wants running (those not stopped). */
function activeInstanceCount(group: GroupView): number {
  return group.instances.filter((i) => i.status !== 'stopped').length;
}

function instanceActions(instance: InstanceView): EntityAction[] {
  const target = instance.name;
  const alive = instance.status === 'running' || instance.status === 'hung';
  const actions: EntityAction[] = [
    { id: 'crash', label: 'Crash', key: 'c', command: { type: 'crash', target }, disabled: !alive },
    instance.status === 'hung'
      ? { id: 'resume', label: 'Resume', key: 'h', command: { type: 'resume', target } }
      : { id: 'hang', label: 'Hang', key: 'h', command: { type: 'hang', target }, disabled: instance.status !== 'running' },
    { id: 'hang-handler', label: 'Hang handler only', command: { type: 'hang', target, mode: 'handler' }, disabled: instance.status !== 'running' },
    alive
      ? { id: 'stop', label: 'Stop', key: 's', command: { type: 'stop', target } }
      : { id: 'start', label: 'Start', key: 's', command: { type: 'start', target } },
  ];
  for (const factor of SLOW_FACTORS) {
    actions.push({
      id: `slow-${factor}`,
      label: factor === 1 ? 'Normal speed' : `Slow ×${factor}`,
      key: SLOW_KEYS[factor]!,
      command: { type: 'slow', target, factor },
      pressed: instance.slowFactor === factor,
    });
  }
  return actions;
}

function groupActions(group: GroupView): EntityAction[] {
  const service = group.serviceId;
  const count = activeInstanceCount(group);
  return [
    { id: 'scale-up', label: `Scale to ${count + 1} instances`, key: '+', command: { type: 'scale', service, instances: count + 1 }, disabled: count >= 32 },
    { id: 'scale-down', label: `Scale to ${Math.max(0, count - 1)} instances`, key: '-', command: { type: 'scale', service, instances: Math.max(0, count - 1) }, disabled: count === 0 },
    { id: 'idempotent', label: 'Idempotent handler', key: 'i', command: { type: 'setIdempotent', service, idempotent: !group.idempotent }, pressed: group.idempotent },
  ];
}

/** The extra delay "Slow network" adds to every message to or from a broker (the Brokers tab's button too). */
const SLOW_NETWORK_MS = 2000;

/** A broker's commands (issue 17): crash or start it, slow its network or restore it. */
function brokerActions(broker: { id: number; status: 'running' | 'crashed'; extraDelayMs: number }): EntityAction[] {
  const id = broker.id;
  return [
    broker.status === 'running'
      ? { id: 'crash-broker', label: `Crash broker ${id}`, key: 'c', command: { type: 'crashBroker', broker: id } }
      : { id: 'start-broker', label: `Start broker ${id}`, key: 's', command: { type: 'startBroker', broker: id } },
    broker.extraDelayMs > 0
      ? { id: 'restore-network', label: 'Restore network', key: 'n', command: { type: 'restoreNetwork', broker: id } }
      : { id: 'delay-network', label: `Slow network (+${SLOW_NETWORK_MS} ms)`, key: 'n', command: { type: 'delayNetwork', broker: id, extraMs: SLOW_NETWORK_MS } },
  ];
}

export function actionsFor(selection: string | null, snapshot: SimSnapshot): EntityActions | null {
  const parsed = parseSelection(selection);
  if (!parsed) return null;
  switch (parsed.kind) {
    case 'instance': {
      const found = findInstance(snapshot, parsed.id);
      if (!found) return null;
      return { kind: 'instance', id: parsed.id, title: parsed.id, actions: instanceActions(found.instance), forms: [], owner: found.group.groupId };
    }
    case 'group': {
      const group = snapshot.groups.find((g) => g.groupId === parsed.id);
      if (!group) return null;
      return { kind: 'group', id: group.groupId, title: group.serviceId, actions: groupActions(group), forms: ['resetOffsets'], owner: group.serviceId };
    }
    case 'producer': {
      const producer = snapshot.producers.find((p) => p.id === parsed.id);
      if (!producer) return null;
      const p = producer.id;
      const actions: EntityAction[] = [
        producer.paused
          ? { id: 'resume-producer', label: 'Resume producing', key: 'p', command: { type: 'resumeProducer', producer: p } }
          : { id: 'pause-producer', label: 'Pause producing', key: 'p', command: { type: 'pauseProducer', producer: p } },
        { id: 'burst', label: `Burst of ${BURST_COUNT} records`, key: 'b', command: { type: 'burst', producer: p, count: BURST_COUNT } },
      ];
      return { kind: 'producer', id: p, title: p, actions, forms: ['rate', 'produce'], owner: producer.topic ?? producer.to ?? '' };
    }
    case 'broker': {
      const broker = snapshot.replication?.brokers.find((b) => String(b.id) === parsed.id);
      if (!broker) return null;
      return { kind: 'broker', id: parsed.id, title: `broker ${broker.id}`, actions: brokerActions(broker), forms: [], owner: '' };
    }
    case 'topic':
    case 'partition':
    case 'record': {
      const topicName =
        parsed.kind === 'topic'
          ? parsed.id
          : splitPartitionKey(parsed.kind === 'record' ? (splitRecordId(parsed.id)?.partitionKey ?? '') : parsed.id)?.topic;
      const topic = snapshot.topics.find((t) => t.name === topicName);
      if (!topic) return null;
      const count = topic.partitions.length;
      const actions: EntityAction[] = [
        { id: 'add-partition', label: `Add a partition (${count} → ${count + 1})`, key: 'a', command: { type: 'addPartitions', topic: topic.name, partitions: count + 1 }, disabled: count >= 64 },
      ];
      if (parsed.kind === 'record') return { kind: 'record', id: parsed.id, title: parsed.id, actions: [], forms: [], owner: topic.name };
      return { kind: 'topic', id: topic.name, title: topic.name, actions, forms: ['addService'], owner: topic.name };
    }
  }
}
