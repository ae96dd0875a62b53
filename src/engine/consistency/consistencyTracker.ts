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
 *
 * Facts are frozen versions kept by sequence number (`FactStore`), not in a string-keyed map;
 * the id indexes are CowMaps written once per record, so a checkpoint copy of the simulation
 * shares facts and indexes instead of copying them.
 */
import type { LogRecord } from '../log/record';
import type { SimTimeMs } from '../types';
import { CowMap } from '../cowMap';
import { type Fact, FactStore, frozenFact } from './factStore';

export interface ProbeAnswer {
  entity: string;
  appendedMs: SimTimeMs;
  readModels: Record<string, SimTimeMs | null>;
}

function answerOf(entry: Fact): ProbeAnswer {
  const readModels: Record<string, SimTimeMs | null> = {};
  entry.expected.forEach((service, i) => {
    const at = entry.appliedMs[i]!;
    readModels[service] = at >= 0 ? at : null;
  });
  return { entity: entry.entity, appendedMs: entry.appendedMs, readModels };
}

/** Which fact waited longest for which read model, and whether it is still waiting. */
export interface LongestWait {
  entity: string;
  /** When this fact was appended (an entity such as a compacted key can have newer facts). */
  appendedMs: SimTimeMs;
  service: string;
  waitMs: SimTimeMs;
  pending: boolean;
}

/** Caps that keep memory bounded however long the run (part of the schema of the summary). */
const CONSISTENCY_LIMITS = {
  /** Facts not yet applied everywhere that are tracked (oldest dropped beyond). */
  pendingFacts: 10_000,
  /** Finished facts kept for the probe. */
  recentFacts: 10_000,
} as const;

/** Entities `recent` can answer for (the side-by-side view shows eight). */
const RECENT_ENTITIES = 64;

/** Answers which services must apply facts appended to a topic (directly or downstream). */
export interface ExpectedServices {
  expectedServices(topic: string): readonly string[];
}

export class ConsistencyTracker {
  /** Facts by sequence number, oldest first. */
  private readonly facts = new FactStore();
  /** Root event id → sequence number of its fact. */
  private readonly rootSeq = new CowMap<string, number>();
  /**
   * Every later hop's event id → the root event id of the fact it carries. A root's own id is
   * not stored (it is its own root while its fact is tracked).
   */
  private readonly byEventId = new CowMap<string, string>();
  /** Entity (e.g. an order id) → root event id of its newest fact. */
  private readonly byEntity = new CowMap<string, string>();
  private readonly maxWindowMs = new Map<string, number>();
  private maxFactWindowMs = 0;
  /** The longest a read model took to apply a fact after it was appended, and which. */
  private longestApplied: LongestWait | null = null;
  /** Sequence numbers of facts some but not all expected read models have applied: disagreements now. */
  private readonly disagreeing = new CowMap<number, true>();
  private finished = 0;
  /** The last entities appended, oldest first (bounded), for `recent`. */
  private readonly recentEntities: string[] = [];

  /** A record was appended: a new fact, or a later hop of a known one. */
  onAppend(topic: string, record: LogRecord, nowMs: SimTimeMs, expected: ExpectedServices): void {
    const parentId = parentEventId(record.eventId);
    const rootId = parentId === null ? undefined : this.rootOf(parentId);
    if (rootId !== undefined) {
      const parent = this.factOf(rootId);
      // A finished fact takes no new hops (a late re-emission is not tracked).
      if (!parent || parent.completedMs !== null || this.rootOf(record.eventId) !== undefined) return;
      this.facts.replace(this.rootSeq.get(rootId)!, frozenFact({ ...parent, eventIds: [...parent.eventIds, record.eventId] }));
      this.byEventId.set(record.eventId, rootId);
      return;
    }
    // A producer's resend written twice (no idempotence) carries the same fact: tracked once.
    if (this.rootSeq.has(record.eventId)) return;
    const services = expected.expectedServices(topic);
    if (services.length === 0) return;
    const entity = entityOf(record);
    const fact = frozenFact({
      rootEventId: record.eventId,
      entity,
      topic,
      appendedMs: nowMs,
      expected: services,
      appliedMs: new Array<SimTimeMs>(services.length).fill(-1),
      appliedCount: 0,
      completedMs: null,
      eventIds: [record.eventId],
    });
    // The same root appended again while tracked starts its fact afresh, in the same place.
    const existing = this.rootSeq.get(record.eventId);
    if (existing !== undefined) this.facts.replace(existing, fact);
    else this.rootSeq.set(record.eventId, this.facts.add(fact));
    this.byEntity.set(entity, record.eventId);
    this.recentEntities.push(entity);
    if (this.recentEntities.length > RECENT_ENTITIES) this.recentEntities.shift();
    this.trim();
  }

  /** The root event id of the tracked fact a record (any hop) carries, if any. */
  private rootOf(eventId: string): string | undefined {
    return this.byEventId.get(eventId) ?? (this.rootSeq.has(eventId) ? eventId : undefined);
  }

  private factOf(rootId: string): Fact | undefined {
    const seq = this.rootSeq.get(rootId);
    return seq === undefined ? undefined : this.facts.get(seq);
  }

  /** A service's handler applied a record (any hop) for the first time or again. */
  onApplied(service: string, record: LogRecord, nowMs: SimTimeMs): void {
    const rootId = this.rootOf(record.eventId);
    const seq = rootId === undefined ? undefined : this.rootSeq.get(rootId);
    const entry = seq === undefined ? undefined : this.facts.get(seq);
    if (seq === undefined || !entry || entry.completedMs !== null) return;
    const index = entry.expected.indexOf(service);
    if (index < 0 || entry.appliedMs[index]! >= 0) return;
    const appliedMs = [...entry.appliedMs];
    appliedMs[index] = nowMs;
    const appliedCount = entry.appliedCount + 1;
    const windowMs = nowMs - entry.appendedMs;
    if (windowMs > (this.maxWindowMs.get(service) ?? -1)) this.maxWindowMs.set(service, windowMs);
    if (windowMs > (this.longestApplied?.waitMs ?? -1)) {
      this.longestApplied = Object.freeze({ entity: entry.entity, appendedMs: entry.appendedMs, service, waitMs: windowMs, pending: false });
    }
    const complete = appliedCount === entry.expected.length;
    this.facts.replace(seq, frozenFact({ ...entry, appliedMs, appliedCount, completedMs: complete ? nowMs : null }));
    if (complete) {
      this.maxFactWindowMs = Math.max(this.maxFactWindowMs, windowMs);
      this.disagreeing.delete(seq);
      this.finished++;
    } else if (entry.expected.length > 1 && !this.disagreeing.has(seq)) {
      // Set once: writing it again would change nothing but the copy-on-write table's size.
      this.disagreeing.set(seq, true);
    }
  }

  /** A read model was cleared to be rebuilt: it no longer shows what it had applied. */
  onReadModelCleared(service: string): void {
    const cleared: Array<[number, Fact]> = [];
    this.facts.forEach((entry, seq) => {
      const index = entry.expected.indexOf(service);
      if (index < 0 || entry.appliedMs[index]! < 0) return;
      const appliedMs = [...entry.appliedMs];
      appliedMs[index] = -1;
      cleared.push([seq, frozenFact({ ...entry, appliedMs, appliedCount: entry.appliedCount - 1, completedMs: null })]);
    });
    for (const [seq, entry] of cleared) {
      if (this.facts.get(seq)!.completedMs !== null) this.finished--;
      this.facts.replace(seq, entry);
      if (entry.appliedCount > 0) this.disagreeing.set(seq, true);
      else this.disagreeing.delete(seq);
    }
  }

  /**
   * The first table past its bound (for the invariants), or null. Pending facts are trimmed on
   * append, so they never pass a quarter over their cap; finished ones may pass theirs by the
   * pending facts that completed since the last append.
   */
  boundsProblem(): string | null {
    const pending = this.facts.size - this.finished;
    if (pending > CONSISTENCY_LIMITS.pendingFacts * 1.25) return `pending facts: ${pending}`;
    if (this.finished > (CONSISTENCY_LIMITS.recentFacts + CONSISTENCY_LIMITS.pendingFacts) * 1.25) return `finished facts: ${this.finished}`;
    if (this.recentEntities.length > RECENT_ENTITIES) return `recent entities: ${this.recentEntities.length}`;
    if (this.disagreeing.size > pending) return `disagreeing facts ${this.disagreeing.size} > pending ${pending}`;
    return null;
  }

  maxConsistencyWindowMs(service: string): number | null {
    return this.maxWindowMs.get(service) ?? null;
  }

  /**
   * The fact that has waited longest for a read model: the longest wait so far among those
   * applied, or a fact some read model has applied and another still has not, when that one
   * has been waiting longer (during an outage, the oldest order the stopped service has not seen).
   */
  longestWait(nowMs: SimTimeMs): LongestWait | null {
    let best: LongestWait | null = this.longestApplied;
    for (const [seq] of this.disagreeing.entries()) {
      const entry = this.facts.get(seq);
      if (!entry) continue;
      const waitMs = nowMs - entry.appendedMs;
      if (best !== null && waitMs <= best.waitMs) continue;
      const service = entry.expected.find((_, i) => entry.appliedMs[i]! < 0);
      if (service !== undefined) best = { entity: entry.entity, appendedMs: entry.appendedMs, service, waitMs, pending: true };
    }
    return best;
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
    const rootId = this.rootOf(eventId);
    const entry = rootId === undefined ? undefined : this.factOf(rootId);
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
    const rootId = this.byEntity.get(entity);
    const entry = rootId === undefined ? undefined : this.factOf(rootId);
    return entry ? answerOf(entry) : null;
  }

  /**
   * Every fact kept (finished and pending, within the limits above), oldest first: what the
   * consistency export writes. Read only on demand, never while the run plays.
   */
  all(): ProbeAnswer[] {
    const answers: ProbeAnswer[] = [];
    this.facts.forEach((entry) => {
      answers.push(answerOf(entry));
    });
    return answers.sort((a, b) => a.appendedMs - b.appendedMs);
  }

  /**
   * Keeps the tables bounded: once a limit is exceeded by a quarter, drops the oldest finished
   * (or pending) facts down to the limit in one pass, so the cost per append stays constant.
   */
  private trim(): void {
    const pending = this.facts.size - this.finished;
    const finishedOver = this.finished > CONSISTENCY_LIMITS.recentFacts * 1.25;
    const pendingOver = pending > CONSISTENCY_LIMITS.pendingFacts * 1.25;
    if (!finishedOver && !pendingOver) return;
    let finishedExcess = finishedOver ? this.finished - CONSISTENCY_LIMITS.recentFacts : 0;
    let pendingExcess = pendingOver ? pending - CONSISTENCY_LIMITS.pendingFacts : 0;
    // Dropped as they are visited: `forEach` reads a chunk it has started even if a drop copies it.
    this.facts.forEach((entry, seq) => {
      if (finishedExcess <= 0 && pendingExcess <= 0) return false;
      const finished = entry.completedMs !== null;
      if (finished ? finishedExcess <= 0 : pendingExcess <= 0) return;
      if (finished) finishedExcess--;
      else pendingExcess--;
      this.drop(seq, entry);
    });
    this.facts.settle();
  }

  private drop(seq: number, entry: Fact): void {
    this.facts.drop(seq);
    this.rootSeq.delete(entry.rootEventId);
    for (const eventId of entry.eventIds) this.byEventId.delete(eventId);
    if (this.byEntity.get(entry.entity) === entry.rootEventId) this.byEntity.delete(entry.entity);
    this.disagreeing.delete(seq);
    if (entry.completedMs !== null) this.finished--;
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
