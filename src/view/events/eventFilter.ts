/**
 * Filtering the event log by entity and kind. An entity filter matches the event's own entity
 * and its group, so "email" shows the group's rebalances and its instances' crashes alike.
 */
import type { SimEvent } from '../../engine';

export const ALL = 'all';

export function matchesFilter(event: SimEvent, entity: string, kind: string): boolean {
  if (kind !== ALL && event.kind !== kind) return false;
  if (entity === ALL) return true;
  return event.entity === entity || event.group === entity;
}

/** Entities and kinds present in the log, for the filter menus (groups first, then the rest). */
export function filterOptions(events: readonly SimEvent[]): { entities: string[]; kinds: string[] } {
  const groups = new Set<string>();
  const entities = new Set<string>();
  const kinds = new Set<string>();
  for (const event of events) {
    kinds.add(event.kind);
    if (event.group) groups.add(event.group);
    entities.add(event.entity);
  }
  for (const g of groups) entities.delete(g);
  return { entities: [...[...groups].sort(), ...[...entities].sort()], kinds: [...kinds].sort() };
}

/** The newest `limit` matching events, newest first. */
export function filterEvents(events: readonly SimEvent[], entity: string, kind: string, limit: number): SimEvent[] {
  const out: SimEvent[] = [];
  for (let i = events.length - 1; i >= 0 && out.length < limit; i--) {
    if (matchesFilter(events[i]!, entity, kind)) out.push(events[i]!);
  }
  return out;
}
