/**
 * The reference fold: a service's read model rebuilt from scratch by applying every retained
 * record of its subscriptions exactly once, in offset order per partition. A read model that
 * has caught up should equal it; where it does not, the live model applied something twice,
 * skipped something or kept state the log no longer holds (the lesson on event sourcing
 * compares the two). Computed on demand: it reads the whole retained log.
 */
import type { Topic } from '../log/topic';
import type { Service } from './service';

export interface FoldComparison {
  /** Entities (rows of the read model's tables) whose value differs from the fold. */
  differing: number;
  /** Records the fold applied. */
  records: number;
}

const NO_EMITS = { emit: () => undefined };

export function compareWithFold(service: Service, topics: ReadonlyMap<string, Topic>): FoldComparison {
  const handler = service.handler;
  const model = handler.createReadModel();
  let records = 0;
  for (const name of service.spec.subscribe) {
    const topic = topics.get(name);
    if (!topic) continue;
    for (const log of topic.partitions) {
      for (const segment of log.segments) {
        for (const record of segment.allRecords()) {
          handler.apply(model, record, NO_EMITS);
          records++;
        }
      }
    }
  }
  return { differing: differingEntities(handler.toJSON(model), service.readModelJSON()), records };
}

/** Rows that differ between two read models' JSON: per table, per entity key (or the value itself). */
function differingEntities(expected: unknown, actual: unknown): number {
  if (!isTable(expected) || !isTable(actual)) return JSON.stringify(expected) === JSON.stringify(actual) ? 0 : 1;
  let differing = 0;
  for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    const a = expected[key];
    const b = actual[key];
    if (isTable(a) && isTable(b)) {
      for (const entity of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (JSON.stringify(a[entity]) !== JSON.stringify(b[entity])) differing++;
      }
    } else if (JSON.stringify(a) !== JSON.stringify(b)) differing++;
  }
  return differing;
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
