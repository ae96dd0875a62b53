/**
 * The explained event log as files: JSON lines (one event per line, every field as the engine
 * gives it) and CSV (one row per event; an event's fields as one JSON column).
 */
import type { SimEvent } from '../../engine';
import { csvText } from './csv';

export function eventLogJsonLines(events: readonly SimEvent[]): string {
  return events.map((event) => `${JSON.stringify(event)}\n`).join('');
}

const EVENT_LOG_COLUMNS = ['seq', 'timeMs', 'kind', 'entity', 'group', 'code', 'text', 'fields'] as const;

export function eventLogCsv(events: readonly SimEvent[]): string {
  return csvText(
    EVENT_LOG_COLUMNS,
    events.map((e) => [e.seq, e.atMs, e.kind, e.entity, e.group, e.code, e.text, e.fields ? JSON.stringify(e.fields) : null]),
  );
}
