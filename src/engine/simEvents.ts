/**
 * Explanations: what happened and why, in words a student understands. Every group change,
 * failure, retention pass and refused command emits one. They feed the app's event log and
 * the trace hash, and are kept in a bounded buffer.
 */
import type { SimTimeMs } from './types';

export type SimEventKind =
  | 'producer'
  | 'command'
  | 'member'
  | 'rebalance'
  | 'commit'
  | 'offsets'
  | 'retention'
  | 'compaction'
  | 'topic'
  | 'service'
  | 'call'
  | 'broker'
  | 'error';

export interface SimEvent {
  readonly seq: number;
  readonly atMs: SimTimeMs;
  readonly kind: SimEventKind;
  /** The entity it is about: an instance name, group id, topic-partition or producer id. */
  readonly entity: string;
  readonly text: string;
  readonly group?: string;
  /**
   * What happened, as data (lesson conditions match on it): a stable code and its fields.
   * Neither is hashed: the text already says the same in words.
   */
  readonly code?: SimEventCode;
  readonly fields?: SimEventFields;
}

/** Codes of the explained events that lessons (and tests) match on. */
export type SimEventCode =
  | 'command.rejected'
  | 'command.unhandled'
  | 'command.refused'
  | 'member.started'
  | 'member.crashed'
  | 'member.stopped'
  | 'member.hung'
  | 'member.resumed'
  | 'member.slowed'
  | 'member.left'
  | 'partitions.revoked'
  | 'partitions.assigned'
  | 'offsets.resumed'
  | 'offsets.reset'
  | 'offset.outOfRange'
  | 'producer.metadata'
  | 'group.metadataChanged'
  | 'query'
  | 'order.failed'
  | 'order.timedOut'
  | 'broker.crashed'
  | 'broker.started'
  | 'broker.fenced'
  | 'network.delayed'
  | 'network.restored'
  | 'isr.shrunk'
  | 'isr.expanded'
  | 'leader.elected'
  | 'partition.offline'
  | 'log.truncated'
  | 'produce.notEnoughReplicas'
  | 'produce.failed'
  | 'coordinator.moved';

export const SIM_EVENT_CODES: readonly SimEventCode[] = [
  'command.rejected',
  'command.unhandled',
  'command.refused',
  'member.started',
  'member.crashed',
  'member.stopped',
  'member.hung',
  'member.resumed',
  'member.slowed',
  'member.left',
  'partitions.revoked',
  'partitions.assigned',
  'offsets.resumed',
  'offsets.reset',
  'offset.outOfRange',
  'producer.metadata',
  'group.metadataChanged',
  'query',
  'order.failed',
  'order.timedOut',
  'broker.crashed',
  'broker.started',
  'broker.fenced',
  'network.delayed',
  'network.restored',
  'isr.shrunk',
  'isr.expanded',
  'leader.elected',
  'partition.offline',
  'log.truncated',
  'produce.notEnoughReplicas',
  'produce.failed',
  'coordinator.moved',
];

export type SimEventFields = Readonly<Record<string, string | number | boolean>>;

/** The data half of an explained event. */
export interface SimEventDetail {
  code: SimEventCode;
  fields: SimEventFields;
}

/** Cap on kept explanations; older ones fall off (the count of dropped ones is kept). */
export const SIM_EVENT_HISTORY_CAP = 5000;
