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
 * Facts are slots of chunk columns, kept by sequence number (`FactStore`: what each fact is and
 * its progress, written in place), not in a string-keyed map,
 * and found from a root event id through `RootIndex` (chunks by the id's counter); a later hop's
 * id starts with its root's, and the fact lists the hops it has taken. Applications, several per
 * record, find the fact by the record's production sequence number instead (no id to parse).
 * So a record costs no string-keyed table writes, and a checkpoint copy of the simulation shares
 * facts and index chunks instead of copying them.
 */
import type { LogRecord } from '../log/record';
import type { SimTimeMs } from '../types';
import { FactStore } from './factStore';
import { CounterSlots, RootIndex } from './rootIndex';

export interface ProbeAnswer {
  entity: string;
  appendedMs: SimTimeMs;
  readModels: Record<string, SimTimeMs | null>;
}

function answerOf(facts: FactStore, seq: number): ProbeAnswer {
  const readModels: Record<string, SimTimeMs | null> = {};
  facts.expectedOf(seq).forEach((service, i) => {
    const at = facts.appliedMs(seq, i);
    readModels[service] = at >= 0 ? at : null;
  });
  return { entity: facts.entityOf(seq), appendedMs: facts.appendedMsOf(seq), readModels };
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
  /**
   * A record's production sequence number → its fact, written as the record is appended, so
   * the three or more applications of each record find the fact without reading its event id.
   * Checked against the fact by event id when absent or pointing at a fact since dropped.
   */
  private readonly byProduceSeq = new CounterSlots();
  private readonly maxWindowMs = new Map<string, number>();
  private maxFactWindowMs = 0;
  /** The longest a read model took to apply a fact after it was appended, and which. */
  private longestApplied: LongestWait | null = null;
  /**
   * Facts some but not all expected read models have applied: disagreements now. A count kept as
   * facts are applied, cleared and dropped (the facts are those pending with at least one
   * read model applied, which `longestWait` finds in the store), not a table written per record.
   */
  private disagreeing = 0;
  private finished = 0;
  /** Sequence numbers of the last facts appended, a ring of RECENT_ENTITIES for `recent`. */
  private readonly recentSeqs: number[] = [];
  /** Facts appended so far: the next one's place in `recentSeqs` is this modulo its size. */
  private appendedFacts = 0;

  /**
   * A record was appended: a new fact, or a later hop of a known one. A producer's new event
   * comes with its id's origin and counter (`checkout#`, 17): a root (ids hold no `>`) filed by
   * its counter, the id never read (engineContext.ts, AppendRequest).
   */
  onAppend(topic: string, record: LogRecord, nowMs: SimTimeMs, expected: ExpectedServices, freshOrigin?: string, freshCounter?: number): void {
    const byCounter = freshOrigin === undefined || freshCounter === undefined ? null : this.roots.getByCounter(freshOrigin, freshCounter, record.eventId);
    if (byCounter === null) this.onAppendById(topic, record, nowMs, expected);
    else this.addFact(topic, record, nowMs, expected, this.heldRoot(byCounter, record.eventId), freshOrigin!, freshCounter!);
  }

  private onAppendById(topic: string, record: LogRecord, nowMs: SimTimeMs, expected: ExpectedServices): void {
    const parentId = parentEventId(record.eventId);
    const parentSeq = parentId === null ? undefined : this.factSeqOf(parentId);
    if (parentSeq !== undefined) {
      const known = this.factSeqOf(record.eventId);
      if (known !== undefined) this.byProduceSeq.set(record.produceSeq, known);
      // A finished fact takes no new hops (a late re-emission is not tracked).
      if (this.facts.completedMs(parentSeq) !== null || known !== undefined) return;
      this.facts.addHop(parentSeq, record.eventId);
      this.byProduceSeq.set(record.produceSeq, parentSeq);
      return;
    }
    this.addFact(topic, record, nowMs, expected, this.seqOf(record.eventId), null, 0);
  }

  /**
   * A root appended: a new fact unless `resent` names the held fact of an earlier append of the
   * same id (a producer's resend written twice, without idempotence: tracked once). Filed by
   * its counter under `origin` when given, else by its id.
   */
  private addFact(topic: string, record: LogRecord, nowMs: SimTimeMs, expected: ExpectedServices, resent: number | undefined, origin: string | null, counter: number): void {
    if (resent !== undefined) {
      this.byProduceSeq.set(record.produceSeq, resent);
      return;
    }
    const services = expected.expectedServices(topic);
    if (services.length === 0) return;
    const entity = entityOf(record);
    const seq = this.facts.add(record.eventId, entity, topic, nowMs, services);
    if (origin === null) this.roots.set(record.eventId, seq);
    else this.roots.setByCounter(origin, counter, record.eventId, seq);
    this.byProduceSeq.set(record.produceSeq, seq);
    this.recentSeqs[this.appendedFacts++ % RECENT_ENTITIES] = seq;
    this.trim();
  }

  /**
   * The sequence number of the tracked fact a record (any hop) carries, if any. A hop's id is its
   * parent's id and `>service` (service.ts), so its root is one of its prefixes, the one whose
   * fact lists it; a root is its own. One lookup for a root (most records).
   */
  private factSeqOf(eventId: string): number | undefined {
    for (let cut = eventId.lastIndexOf('>'); cut > 0; cut = eventId.lastIndexOf('>', cut - 1)) {
      const seq = this.seqOf(eventId.slice(0, cut));
      if (seq !== undefined && this.facts.hopsOf(seq)?.includes(eventId) === true) return seq;
    }
    return this.seqOf(eventId);
  }

  /** The sequence number of the tracked fact rooted at `rootId`, if it is still held. */
  private seqOf(rootId: string): number | undefined {
    return this.heldRoot(this.roots.get(rootId), rootId);
  }

  /** `seq` (what the root index holds for `rootId`) if its fact is still held and rooted there. */
  private heldRoot(seq: number | undefined, rootId: string): number | undefined {
    return seq !== undefined && this.facts.rootIdOf(seq) === rootId ? seq : undefined;
  }

  /**
   * The fact a record carries: by its production sequence number when that names a fact still
   * held (the same one its event id leads to: ids are listed by one held fact at most, and a
   * root's id names no newer fact while its fact is held), else by its event id.
   */
  private factSeqOfRecord(record: LogRecord): number | undefined {
    const seq = this.byProduceSeq.get(record.produceSeq);
    return seq !== undefined && this.facts.has(seq) ? seq : this.factSeqOf(record.eventId);
  }

  /** A service's handler applied a record (any hop) for the first time or again. */
  onApplied(service: string, record: LogRecord, nowMs: SimTimeMs): void {
    const seq = this.factSeqOfRecord(record);
    if (seq === undefined || this.facts.completedMs(seq) !== null) return;
    const index = this.facts.expectedOf(seq).indexOf(service);
    if (index < 0 || this.facts.appliedMs(seq, index) >= 0) return;
    const appendedMs = this.facts.appendedMsOf(seq);
    const windowMs = nowMs - appendedMs;
    if (windowMs > (this.maxWindowMs.get(service) ?? -1)) this.maxWindowMs.set(service, windowMs);
    if (windowMs > (this.longestApplied?.waitMs ?? -1)) {
      this.longestApplied = Object.freeze({ entity: this.facts.entityOf(seq), appendedMs, service, waitMs: windowMs, pending: false });
    }
    // Written in place: the store's columns, not a new version of the fact.
    const appliedBefore = this.facts.appliedCount(seq);
    const complete = this.facts.apply(seq, index, nowMs);
    if (complete) {
      this.maxFactWindowMs = Math.max(this.maxFactWindowMs, windowMs);
      if (appliedBefore > 0) this.disagreeing--;
      this.finished++;
    } else if (appliedBefore === 0) {
      this.disagreeing++;
    }
  }

  /** A read model was cleared to be rebuilt: it no longer shows what it had applied. */
  onReadModelCleared(service: string): void {
    const cleared: Array<[number, number]> = [];
    this.facts.forEach((seq) => {
      const index = this.facts.expectedOf(seq).indexOf(service);
      if (index < 0 || this.facts.appliedMs(seq, index) < 0) return;
      cleared.push([seq, index]);
    });
    for (const [seq, index] of cleared) {
      const finished = this.facts.completedMs(seq) !== null;
      if (finished) this.finished--;
      else this.disagreeing--; // pending and applied by this read model: it disagreed
      this.facts.unapply(seq, index);
      if (this.facts.appliedCount(seq) > 0) this.disagreeing++;
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
    if (this.disagreeing < 0 || this.disagreeing > pending) return `disagreeing facts ${this.disagreeing} (pending ${pending})`;
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
    this.facts.forEachPending((seq) => {
      if (this.disagreeing === 0 || this.facts.appliedCount(seq) === 0) return;
      const appendedMs = this.facts.appendedMsOf(seq);
      const waitMs = nowMs - appendedMs;
      if (best !== null && waitMs <= best.waitMs) return;
      const service = this.facts.expectedOf(seq).find((_, i) => this.facts.appliedMs(seq, i) < 0);
      if (service !== undefined) best = { entity: this.facts.entityOf(seq), appendedMs, service, waitMs, pending: true };
    });
    return best;
  }

  get largestFactWindowMs(): number {
    return this.maxFactWindowMs;
  }

  /** Entities on which read models disagree right now (some applied the fact, some not). */
  get disagreementCount(): number {
    return this.disagreeing;
  }

  /** When `service` first applied the fact a record carries, if that is still tracked. */
  appliedAt(eventId: string, service: string): SimTimeMs | null {
    const seq = this.factSeqOf(eventId);
    const index = seq === undefined ? -1 : this.facts.expectedOf(seq).indexOf(service);
    if (seq === undefined || index < 0) return null;
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
    const held = Math.min(this.appendedFacts, RECENT_ENTITIES);
    for (let back = 1; back <= held && answers.length < count; back++) {
      const seq = this.recentSeqs[(this.appendedFacts - back) % RECENT_ENTITIES]!;
      if (!this.facts.has(seq)) continue;
      const entity = this.facts.entityOf(seq);
      if (seen.has(entity)) continue;
      seen.add(entity);
      answers.push(answerOf(this.facts, seq));
    }
    return answers;
  }

  /** The newest fact still held about `entity`. Scans the kept facts: asked on demand, not per record. */
  probe(entity: string): ProbeAnswer | null {
    const seq = this.facts.findNewest(entity);
    return seq < 0 ? null : answerOf(this.facts, seq);
  }

  /**
   * Every fact kept (finished and pending, within the limits above), oldest first: what the
   * consistency export writes. Read only on demand, never while the run plays.
   */
  all(): ProbeAnswer[] {
    const answers: ProbeAnswer[] = [];
    this.facts.forEach((seq) => {
      answers.push(answerOf(this.facts, seq));
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
    const dropped: number[] = [];
    this.facts.forEach((seq) => {
      if (finishedExcess <= 0 && pendingExcess <= 0) return false;
      const finished = this.facts.completedMs(seq) !== null;
      if (finished ? finishedExcess <= 0 : pendingExcess <= 0) return;
      if (finished) {
        finishedExcess--;
        this.finished--;
      } else {
        pendingExcess--;
        if (this.facts.appliedCount(seq) > 0) this.disagreeing--;
      }
      this.roots.delete(this.facts.rootIdOf(seq)!);
      dropped.push(seq);
    });
    // In one go, so whole chunks are released rather than emptied slot by slot.
    this.facts.dropAll(dropped);
    this.facts.settle();
    this.roots.dropBelow(this.facts.firstSeq);
    this.byProduceSeq.dropBelow(this.facts.firstSeq);
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
