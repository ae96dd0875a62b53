/**
 * Short plain-language labels for commands, statuses and read models, shared by the timeline,
 * the fork dialog, the pipeline and the inspector.
 */
import type { Command, InstanceView } from '../engine';

export function commandLabel(command: Command): string {
  switch (command.type) {
    case 'crash':
    case 'resume':
    case 'stop':
    case 'start':
      return `${command.type} ${command.target}`;
    case 'hang':
      return `hang ${command.target}${command.mode === 'handler' ? ' (handler)' : ''}`;
    case 'slow':
      return command.factor === 1 ? `${command.target} normal speed` : `slow ${command.target} ×${command.factor}`;
    case 'scale':
      return `scale ${command.service} to ${command.instances}`;
    case 'addService':
      return `add ${command.service.id}`;
    case 'setIdempotent':
      return `${command.service} ${command.idempotent ? 'idempotent' : 'not idempotent'}`;
    case 'resetOffsets':
      return `reset ${command.group} to ${resetTargetLabel(command.to)}${command.rebuild ? ' (rebuild)' : ''}`;
    case 'pauseProducer':
      return `pause ${command.producer}`;
    case 'resumeProducer':
      return `resume ${command.producer}`;
    case 'setRate':
      return `${command.producer} at ${command.ratePerSec}/s`;
    case 'burst':
      return `burst ${command.count} from ${command.producer}`;
    case 'produce':
      // A null value is a tombstone: the record that deletes its key from a compacted topic.
      if (command.value === null) return `${command.producer}: tombstone ${command.key ?? 'null'}`;
      return `${command.producer} produces ${command.count ?? 1}${command.key !== undefined ? ` (key ${command.key ?? 'null'})` : ''}`;
    case 'addPartitions':
      return `${command.topic} to ${command.partitions} partitions`;
    case 'query':
      return `ask ${command.service} for ${command.entity}`;
    case 'crashBroker':
      return `crash broker ${command.broker}`;
    case 'startBroker':
      return `start broker ${command.broker}`;
    case 'delayNetwork':
      return `delay broker ${command.broker} +${command.extraMs} ms`;
    case 'restoreNetwork':
      return `restore broker ${command.broker}'s network`;
  }
}

function resetTargetLabel(to: Extract<Command, { type: 'resetOffsets' }>['to']): string {
  if (typeof to === 'string') return to;
  if ('offset' in to) return `offset ${to.offset}`;
  if ('timestampMs' in to) return `time ${(to.timestampMs / 1000).toFixed(1)} s`;
  return `shift ${to.shiftBy}`;
}

/** Status words with a distinct glyph each, so colour never carries the meaning alone. */
export const STATUS_GLYPHS: Record<InstanceView['status'], string> = {
  running: '●',
  // U+275A twice: the pause sign U+23F8 is missing from common fonts (it drew an empty box).
  hung: '❚❚',
  crashed: '✕',
  stopped: '■',
};

export function statusText(instance: Pick<InstanceView, 'status' | 'hangMode'>): string {
  return instance.status === 'hung' && instance.hangMode === 'handler' ? 'hung (handler)' : instance.status;
}

/** What each built-in handler keeps: the name of its read model. */
const READ_MODELS: Record<string, string> = {
  reserveStock: 'stock',
  chargePayment: 'charges',
  sendReceipt: 'receipts',
  shipOrder: 'shipments',
  scoreFraud: 'fraud flags',
  acceptOrder: 'orders',
  project: 'latest values',
  noop: 'counts',
};

/** What a handler's read model holds ("receipts"): shared by every service with that handler. */
export function readModelName(handler: string): string {
  return READ_MODELS[handler] ?? `${handler} model`;
}

/**
 * `email` → `email's`, `analytics` → `analytics'`. Service ids are names, so the apostrophe is
 * added as for a name; an id ending in s takes the apostrophe alone ("workers' counts" rather
 * than "workers's counts").
 */
export function possessive(serviceId: string): string {
  return /s$/i.test(serviceId) ? `${serviceId}'` : `${serviceId}'s`;
}

/**
 * The name a read model goes by on screen: "email's receipts". A handler's read-model name is
 * shared by every service using that handler (three email services in one lesson each keep
 * "receipts"), and some match a topic ("orders"), so on its own it is ambiguous; the owning
 * service's id is unique among services, and the possessive keeps it from reading as a topic.
 */
export function readModelLabel(serviceId: string, handler: string): string {
  return `${possessive(serviceId)} ${readModelName(handler)}`;
}

/** The story's service for each built-in handler: what a new service with it is called first. */
const STORY_SERVICES: Record<string, string> = {
  scoreFraud: 'fraud-check',
  sendReceipt: 'email',
  reserveStock: 'inventory',
  chargePayment: 'billing',
  shipOrder: 'shipping',
  acceptOrder: 'checkout',
  project: 'projection',
  noop: 'counter',
};

/**
 * The name the "Add a late service" form suggests: the story's name for the handler
 * (`fraud-check` for scoreFraud), then that name with the offset reset chosen
 * (`fraud-check-latest`, `fraud-check-earliest`), then numbered (`fraud-check-latest-2`). Never
 * a name in `taken` (services, topics, services the run adds later), so two services on screen
 * never share a name and the name says what is different about the newcomer.
 */
export function suggestServiceName(handler: string, reset: 'earliest' | 'latest', taken: readonly string[]): string {
  const used = new Set(taken);
  const base = STORY_SERVICES[handler] ?? handler;
  if (!used.has(base)) return base;
  const withReset = `${base}-${reset}`;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? withReset : `${withReset}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/**
 * `text` cut to at most `maxChars` characters by an ellipsis in the middle, keeping more of its
 * end: ids that share a start differ at the end ("fraud-check-latest" and "fraud-check-latest-2",
 * "email-0" and "email-1"), so cutting the end would give two of them one name on screen.
 */
export function shortenMiddle(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const keep = Math.max(2, Math.floor(maxChars)) - 1;
  const head = Math.max(1, Math.floor(keep * 0.4));
  return `${text.slice(0, head)}…${text.slice(text.length - (keep - head))}`;
}
