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
  noop: 'counts',
};

export function readModelName(handler: string): string {
  return READ_MODELS[handler] ?? `${handler} model`;
}
