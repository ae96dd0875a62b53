/**
 * Selection ids (`ui.selection`, documented in store.ts): `instance:email-0`, `group:email`,
 * `topic:orders`, `partition:orders-1`, `record:orders-1@42`, `producer:checkout`, `broker:0`.
 */
export type EntityKind = 'instance' | 'group' | 'topic' | 'partition' | 'record' | 'producer' | 'broker';

export interface ParsedSelection {
  kind: EntityKind;
  id: string;
}

const KINDS: readonly EntityKind[] = ['instance', 'group', 'topic', 'partition', 'record', 'producer', 'broker'];

export function selectionId(kind: EntityKind, id: string): string {
  return `${kind}:${id}`;
}

export function parseSelection(selection: string | null): ParsedSelection | null {
  if (!selection) return null;
  const colon = selection.indexOf(':');
  if (colon <= 0) return null;
  const kind = selection.slice(0, colon) as EntityKind;
  const id = selection.slice(colon + 1);
  if (!KINDS.includes(kind) || id.length === 0) return null;
  return { kind, id };
}

/** `orders-1` → { topic: 'orders', partition: 1 } (topic names may contain dashes). */
export function splitPartitionKey(key: string): { topic: string; partition: number } | null {
  const dash = key.lastIndexOf('-');
  if (dash <= 0) return null;
  const partition = Number(key.slice(dash + 1));
  if (!Number.isInteger(partition) || partition < 0) return null;
  return { topic: key.slice(0, dash), partition };
}

/** `orders-1@42` → { partitionKey: 'orders-1', offset: 42 }. */
export function splitRecordId(id: string): { partitionKey: string; offset: number } | null {
  const at = id.lastIndexOf('@');
  if (at <= 0) return null;
  const offset = Number(id.slice(at + 1));
  if (!Number.isInteger(offset) || offset < 0) return null;
  return { partitionKey: id.slice(0, at), offset };
}
