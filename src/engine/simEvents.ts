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
  | 'error';

export interface SimEvent {
  readonly seq: number;
  readonly atMs: SimTimeMs;
  readonly kind: SimEventKind;
  /** The entity it is about: an instance name, group id, topic-partition or producer id. */
  readonly entity: string;
  readonly text: string;
  readonly group?: string;
}

/** Cap on kept explanations; older ones fall off (the count of dropped ones is kept). */
export const SIM_EVENT_HISTORY_CAP = 5000;
