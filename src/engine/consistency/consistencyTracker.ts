/**
 * Eventual consistency, measured in virtual time. For every root event (a fact first appended
 * by a producer or by a service accepting a command) it records when it was appended and when
 * each read model that should see it first applied it, also over several hops (OrderPlaced →
 * billing → PaymentCharged → shipping counts as one fact reaching shipping).
 *
 * From that: each group's largest consistency window (append → applied by that group), each
 * fact's window (append → applied everywhere), the entities on which read models disagree right
 * now (applied by some but not all), and the probe "is order-42 visible in each read model yet,
 * and since when?". Memory is bounded: facts still pending are capped, and finished ones are
 * kept only for the most recent entities.
 */
import type { LogRecord } from '../log/record';
import type { SimTimeMs } from '../types';

export interface FactEntry {
  rootEventId: string;
  entity: string;
  topic: string;
  appendedMs: SimTimeMs;
  /** Services whose read models should apply this fact, fixed when it was appended (frozen, shared). */
  expected: readonly string[];
  /** When each expected service first applied it (same order as `expected`; -1 = not yet). */
  appliedMs: SimTimeMs[];
  appliedCount: number;
  /** When the last expected read model applied it, or null while some have not. */
  completedMs: SimTimeMs | null;
  /** Ids of every record carrying this fact (the root and its later hops). */
  eventIds: string[];
}

export interface ProbeAnswer {
  entity: string;
  appendedMs: SimTimeMs;
  readModels: Record<string, SimTimeMs | null>;
}

/** Caps that keep memory bounded however long the run (part of the schema of the summary). */
export const CONSISTENCY_LIMITS = {
  /** Facts not yet applied everywhere that are tracked (oldest dropped beyond). */
  pendingFacts: 10_000,
  /** Finished facts kept for the probe. */
  recentFacts: 10_000,
} as const;

/** Answers which services must apply facts appended to a topic (directly or downstream). */
export type ExpectedServices = (topic: string) => readonly string[];

export class ConsistencyTracker {
  private readonly facts = new Map<string, FactEntry>();
  /** Every appended record's event id → the fact it carries. */
  private readonly byEventId = new Map<string, FactEntry>();
  private readonly byEntity = new Map<string, FactEntry>();
  private readonly maxWindowMs = new Map<string, number>();
  private maxFactWindowMs = 0;
  /** Facts some but not all expected read models have applied: the disagreements right now. */
  private readonly disagreeing = new Set<FactEntry>();
  private finished = 0;
  /** The last entities appended, oldest first (bounded), for `recent`. */
  private readonly recentEntities: string[] = [];

  /** A record was appended: a new fact, or a later hop of a known one. */
  onAppend(topic: string, record: LogRecord, nowMs: SimTimeMs, expected: ExpectedServices): void {
    const parentId = parentEventId(record.eventId);
    const parent = parentId === null ? undefined : this.byEventId.get(parentId);
    if (parent) {
      // A finished fact is frozen (shared by checkpoints); a late re-emission is not tracked.
      if (Object.isFrozen(parent) || this.byEventId.has(record.eventId)) return;
      parent.eventIds.push(record.eventId);
      this.byEventId.set(record.eventId, parent);
      return;
    }
    const services = expected(topic);
    if (services.length === 0) return;
    const entry: FactEntry = {
      rootEventId: record.eventId,
      entity: entityOf(record),
      topic,
      appendedMs: nowMs,
      expected: services,
      appliedMs: services.map(() => -1),
      appliedCount: 0,
      completedMs: null,
      eventIds: [record.eventId],
    };
    this.facts.set(record.eventId, entry);
    this.byEventId.set(record.eventId, entry);
    this.byEntity.delete(entry.entity);
    this.byEntity.set(entry.entity, entry);
    this.recentEntities.push(entry.entity);
    if (this.recentEntities.length > 64) this.recentEntities.shift();
    this.trim();
  }

  /** A service's handler applied a record (any hop) for the first time or again. */
  onApplied(service: string, record: LogRecord, nowMs: SimTimeMs): void {
    const entry = this.byEventId.get(record.eventId);
    if (!entry || entry.completedMs !== null) return;
    const index = entry.expected.indexOf(service);
    if (index < 0 || entry.appliedMs[index]! >= 0) return;
    entry.appliedMs[index] = nowMs;
    entry.appliedCount++;
    const windowMs = nowMs - entry.appendedMs;
    if (windowMs > (this.maxWindowMs.get(service) ?? -1)) this.maxWindowMs.set(service, windowMs);
    if (entry.appliedCount === entry.expected.length) {
      entry.completedMs = nowMs;
      this.maxFactWindowMs = Math.max(this.maxFactWindowMs, windowMs);
      this.disagreeing.delete(entry);
      this.finished++;
      // Finished facts never change again: frozen, they are shared by every checkpoint copy.
      Object.freeze(entry.appliedMs);
      Object.freeze(entry.eventIds);
      Object.freeze(entry);
    } else if (entry.expected.length > 1) {
      this.disagreeing.add(entry);
    }
  }

  /** A read model was cleared to be rebuilt: it no longer shows what it had applied. */
  onReadModelCleared(service: string): void {
    for (const original of [...this.facts.values()]) {
      const index = original.expected.indexOf(service);
      if (index < 0 || original.appliedMs[index]! < 0) continue;
      const entry = Object.isFrozen(original) ? this.thaw(original) : original;
      entry.appliedMs[index] = -1;
      entry.appliedCount--;
      if (entry.completedMs !== null) {
        entry.completedMs = null;
        this.finished--;
      }
      if (entry.appliedCount > 0) this.disagreeing.add(entry);
      else this.disagreeing.delete(entry);
    }
  }

  /** Replaces a frozen (finished) fact by a mutable copy everywhere it is referenced. */
  private thaw(frozen: FactEntry): FactEntry {
    const entry: FactEntry = { ...frozen, appliedMs: [...frozen.appliedMs], eventIds: [...frozen.eventIds] };
    this.facts.set(entry.rootEventId, entry);
    for (const eventId of entry.eventIds) this.byEventId.set(eventId, entry);
    if (this.byEntity.get(entry.entity) === frozen) this.byEntity.set(entry.entity, entry);
    return entry;
  }

  maxConsistencyWindowMs(service: string): number | null {
    return this.maxWindowMs.get(service) ?? null;
  }

  get largestFactWindowMs(): number {
    return this.maxFactWindowMs;
  }

  /** Entities on which read models disagree right now (some applied the fact, some not). */
  get disagreementCount(): number {
    return this.disagreeing.size;
  }

  /** When `service` first applied the fact a record carries, if that is still tracked. */
  appliedAt(eventId: string, service: string): SimTimeMs | null {
    const entry = this.byEventId.get(eventId);
    const index = entry ? entry.expected.indexOf(service) : -1;
    if (!entry || index < 0) return null;
    const at = entry.appliedMs[index]!;
    return at >= 0 ? at : null;
  }

  /** The newest `count` entities, newest first, answered as probes (for the side-by-side view). */
  recent(count: number): ProbeAnswer[] {
    const answers: ProbeAnswer[] = [];
    for (let i = this.recentEntities.length - 1; i >= 0 && answers.length < count; i--) {
      const answer = this.probe(this.recentEntities[i]!);
      if (answer) answers.push(answer);
    }
    return answers;
  }

  probe(entity: string): ProbeAnswer | null {
    const entry = this.byEntity.get(entity);
    if (!entry) return null;
    const readModels: Record<string, SimTimeMs | null> = {};
    entry.expected.forEach((service, i) => {
      const at = entry.appliedMs[i]!;
      readModels[service] = at >= 0 ? at : null;
    });
    return { entity, appendedMs: entry.appendedMs, readModels };
  }

  /**
   * Keeps the maps bounded: once a limit is exceeded by a quarter, drops the oldest finished
   * (or pending) facts down to the limit in one pass, so the cost per append stays constant.
   */
  private trim(): void {
    const pending = this.facts.size - this.finished;
    const finishedOver = this.finished > CONSISTENCY_LIMITS.recentFacts * 1.25;
    const pendingOver = pending > CONSISTENCY_LIMITS.pendingFacts * 1.25;
    if (!finishedOver && !pendingOver) return;
    let finishedExcess = finishedOver ? this.finished - CONSISTENCY_LIMITS.recentFacts : 0;
    let pendingExcess = pendingOver ? pending - CONSISTENCY_LIMITS.pendingFacts : 0;
    for (const [id, entry] of this.facts) {
      if (finishedExcess <= 0 && pendingExcess <= 0) break;
      const finished = entry.completedMs !== null;
      if (finished ? finishedExcess <= 0 : pendingExcess <= 0) continue;
      if (finished) finishedExcess--;
      else pendingExcess--;
      this.facts.delete(id);
      for (const eventId of entry.eventIds) this.byEventId.delete(eventId);
      if (this.byEntity.get(entry.entity) === entry) this.byEntity.delete(entry.entity);
      this.disagreeing.delete(entry);
      if (finished) this.finished--;
    }
  }
}

/** `a>billing>shipping` → `a>billing`; a root id has no parent. */
function parentEventId(eventId: string): string | null {
  const cut = eventId.lastIndexOf('>');
  return cut < 0 ? null : eventId.slice(0, cut);
}

function entityOf(record: LogRecord): string {
  const orderId = record.payload?.['orderId'];
  if (typeof orderId === 'string') return orderId;
  return record.key ?? record.eventId;
}
