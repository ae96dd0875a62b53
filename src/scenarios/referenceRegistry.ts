/**
 * What the cross-field rules know so far (topics, services, groups, producers), and the message
 * for a name that is not among them.
 */
import type { ProducerSpec } from '../engine';

export interface ReferenceRegistry {
  /** Topic name → partition count, as of the action being checked. */
  topics: Map<string, number>;
  /** Service id → the path that defined it. */
  services: Map<string, string>;
  /** Consumer group id → the service id that owns it. */
  groups: Map<string, string>;
  producers: Map<string, ProducerSpec>;
  /** Services that receive commands or calls from a producer; only they may subscribe to nothing. */
  commandOwners: Set<string>;
  /** Brokers in the cluster (`brokers`, default 1). */
  brokers: number;
}

export function unknownTopic(name: string, registry: ReferenceRegistry): string {
  return unknownName('topic', name, registry.topics);
}

export function unknownName(
  kind: string,
  name: string,
  known: ReadonlyMap<string, unknown>,
  when = '',
): string {
  const names = [...known.keys()].map((each) => `"${each}"`).join(', ');
  return `${kind} "${name}" does not exist${when}; ${names === '' ? `there is no ${kind}` : `known: ${names}`}`;
}
