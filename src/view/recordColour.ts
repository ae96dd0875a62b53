/**
 * Cell colour of a record: by key when the topic shows at most 8 distinct keys (so a key's
 * records can be followed across a partition), else by event type.
 */
import type { LogRecord } from '../engine';
import { CELL_TINTS } from './palette';

export type ColourMode = 'key' | 'eventType';

export function colourModeFor(distinctKeys: number): ColourMode {
  return distinctKeys > 0 && distinctKeys <= 8 ? 'key' : 'eventType';
}

function stableIndex(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return (hash >>> 0) % CELL_TINTS.length;
}

export function recordColour(record: LogRecord, mode: ColourMode): string {
  if (record.eventType === null) return '#ffffff';
  const basis = mode === 'key' ? (record.key ?? '∅') : record.eventType;
  return CELL_TINTS[stableIndex(basis)]!;
}
