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
 * Facts are frozen records of what they are, kept by sequence number (`FactStore`, which keeps
 * their progress in number columns written in place), not in a string-keyed map,
 * and found from a root event id through `RootIndex` (chunks by the id's counter); a later hop's
 * id starts with its root's, and the fact lists the hops it has taken. So a record costs no
 * string-keyed table writes, and a checkpoint copy of the simulation shares facts and index
 * chunks instead of copying them.
 */
import type { LogRecord } from '../log/record';
import type { SimTimeMs } from '../types';
import { CowMap } from '../cowMap';
import { type Fact, FactStore, frozenFact } from './factStore';
import { RootIndex } from './rootIndex';

export interface ProbeAnswer {
  entity: string;
  appendedMs: SimTimeMs;
  readModels: Record<string, SimTimeMs | null>;
}

function answerOf(facts: FactStore, seq: number, entry: Fact): ProbeAnswer {
  const readModels: Record<string, SimTimeMs | null> = {};
  entry.expected.forEach((service, i) => {
    const at = facts.appliedMs(seq, i);
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
  /** Root event id → sequence number of its fact (possibly dropped since: see `seqOf`). */
  private readonly roots = new RootIndex();
  private readonly maxWindowMs = new Map<string, number>();
  private maxFactWindowMs = 0;
  /** The longest a read model took to apply a fact after it was appended, and which. */
  private longestApplied: LongestWait | null = null;
  /** Sequence numbers of facts some but not all expected read models have applied: disagreements now. */
  private readonly disagreeing = new CowMap<number, true>();
  private finished = 0;
  /** Sequence numbers of the last facts appended, oldest first (bounded), for `recent`. */
  private readonly recentSeqs: number[] = [];

  /** A record was appended: a new fact, or a later hop of a known one. */
  onAppend(topic: string, record: LogRecord, nowMs: SimTimeMs, expected: ExpectedServices): void {
    const parentId = parentEventId(record.eventId);
    const rootId = parentId === null ? undefined : this.rootOf(parentId);
    if (rootId !== undefined) {
      const parentSeq = this.seqOf(rootId);
      const parent = parentSeq === undefined ? undefined : this.facts.get(parentSeq);
      // A finished fact takes no new hops (a late re-emission is not tracked).
      if (parentSeq === undefined || !parent || this.facts.completedMs(parentSeq) !== null || this.rootOf(record.eventId) !== undefined) return;
      // Every field written out, not `{ ...parent }`: a spread copy keeps its fields in a separate property array.
      const { rootEventId, entity, topic: factTopic, appendedMs, expected: services } = parent;
      this.facts.replace(parentSeq, frozenFact({ rootEventId, entity, topic: factTopic, appendedMs, expected: services, eventIds: [...parent.eventIds, record.eventId] }));
      return;
    }
    // A producer's resend written twice (no idempotence) carries the same fact: tracked once.
    if (this.seqOf(record.eventId) !== undefined) return;
    const services = expected.expectedServices(topic);
    if (services.length === 0) return;
    const entity = entityOf(record);
    const fact = frozenFact({
      rootEventId: record.eventId,
      entity,
      topic,
      appendedMs: nowMs,
      expected: services,
      eventIds: [record.eventId],
    });
    const seq = this.facts.add(fact);
    this.roots.set(record.eventId, seq);
    this.recentSeqs.push(seq);
    if (this.recentSeqs.length > RECENT_ENTITIES) this.recentSeqs.shift();
    this.trim();
  }

  /**
   * The root event id of the tracked fact a record (any hop) carries, if any. A hop's id is its
   * parent's id and `>service` (service.ts), so its root is one of its prefixes, the one whose
   * fact lists it; a root is its own.
   */
  private rootOf(eventId: string): string | undefined {
    for (let cut = eventId.lastIndexOf('>'); cut > 0; cut = eventId.lastIndexOf('>', cut - 1)) {
      const prefix = eventId.slice(0, cut);
      if (this.factOf(prefix)?.eventIds.includes(eventId)) return prefix;
    }
    return this.seqOf(eventId) === undefined ? undefined : eventId;
  }

  /** The sequence number of the tracked fact rooted at `rootId`, if it is still held. */
  private seqOf(rootId: string): number | undefined {
    const seq = this.roots.get(rootId);
    return seq !== undefined && this.facts.get(seq)?.rootEventId === rootId ? seq : undefined;
  }

  private factOf(rootId: string): Fact | undefined {
    const seq = this.seqOf(rootId);
    return seq === undefined ? undefined : this.facts.get(seq);
  }

  /** A service's handler applied a record (any hop) for the first time or again. */
  onApplied(service: string, record: LogRecord, nowMs: SimTimeMs): void {
    const rootId = this.rootOf(record.eventId);
    const seq = rootId === undefined ? undefined : this.seqOf(rootId);
    const entry = seq === undefined ? undefined : this.facts.get(seq);
    if (seq === undefined || !entry || this.facts.completedMs(seq) !== null) return;
    const index = entry.expected.indexOf(service);
    if (index < 0 || this.facts.appliedMs(seq, index) >= 0) return;
    const windowMs = nowMs - entry.appendedMs;
    if (windowMs > (this.maxWindowMs.get(service) ?? -1)) this.maxWindowMs.set(service, windowMs);
    if (windowMs > (this.longestApplied?.waitMs ?? -1)) {
      this.longestApplied = Object.freeze({ entity: entry.entity, appendedMs: entry.appendedMs, service, waitMs: windowMs, pending: false });
    }
    // Written in place: the store's columns, not a new version of the fact.
    const complete = this.facts.apply(seq, index, nowMs);
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
    const cleared: Array<[number, number]> = [];
    this.facts.forEach((entry, seq) => {
      const index = entry.expected.indexOf(service);
      if (index < 0 || this.facts.appliedMs(seq, index) < 0) return;
      cleared.push([seq, index]);
    });
    for (const [seq, index] of cleared) {
      if (this.facts.completedMs(seq) !== null) this.finished--;
      this.facts.unapply(seq, index);
      if (this.facts.appliedCount(seq) > 0) this.disagreeing.set(seq, true);
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
    if (this.recentSeqs.length > RECENT_ENTITIES) return `recent entities: ${this.recentSeqs.length}`;
    const aside = this.roots.keptAside;
    if (aside > this.facts.size) return `root ids kept aside ${aside} > facts ${this.facts.size}`;
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
      const service = entry.expected.find((_, i) => this.facts.appliedMs(seq, i) < 0);
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
    const seq = rootId === undefined ? undefined : this.seqOf(rootId);
    const entry = seq === undefined ? undefined : this.facts.get(seq);
    const index = entry ? entry.expected.indexOf(service) : -1;
    if (seq === undefined || !entry || index < 0) return null;
    const at = this.facts.appliedMs(seq, index);
    return at >= 0 ? at : null;
  }

  /**
   * The newest `count` entities, newest first, each answered by its newest fact still held
   * (for the side-by-side view): an entity appended twice among the last ones appears once.
   */
  recent(count: number): ProbeAnswer[] {
    const answers: ProbeAnswer[] = [];
    const seen = new Set<string>();
    for (let i = this.recentSeqs.length - 1; i >= 0 && answers.length < count; i--) {
      const seq = this.recentSeqs[i]!;
      const entry = this.facts.get(seq);
      if (!entry || seen.has(entry.entity)) continue;
      seen.add(entry.entity);
      answers.push(answerOf(this.facts, seq, entry));
    }
    return answers;
  }

  /** The newest fact still held about `entity`. Scans the kept facts: asked on demand, not per record. */
  probe(entity: string): ProbeAnswer | null {
    const seq = this.facts.findNewest((fact) => fact.entity === entity);
    return seq < 0 ? null : answerOf(this.facts, seq, this.facts.get(seq)!);
  }

  /**
   * Every fact kept (finished and pending, within the limits above), oldest first: what the
   * consistency export writes. Read only on demand, never while the run plays.
   */
  all(): ProbeAnswer[] {
    const answers: ProbeAnswer[] = [];
    this.facts.forEach((entry, seq) => {
      answers.push(answerOf(this.facts, seq, entry));
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
      const finished = this.facts.completedMs(seq) !== null;
      if (finished ? finishedExcess <= 0 : pendingExcess <= 0) return;
      if (finished) finishedExcess--;
      else pendingExcess--;
      this.drop(seq, entry, finished);
    });
    this.facts.settle();
    this.roots.dropBelow(this.facts.firstSeq);
  }

  private drop(seq: number, entry: Fact, finished: boolean): void {
    this.facts.drop(seq);
    this.roots.delete(entry.rootEventId);
    this.disagreeing.delete(seq);
    if (finished) this.finished--;
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
