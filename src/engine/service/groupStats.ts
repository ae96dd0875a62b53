/**
 * Delivery accounting for one group: how often its handler ran, on how many distinct records,
 * how many repeats were duplicates (redelivery after a crash or rebalance) or replays (after an
 * explicit offset reset), how many records its position moved past unprocessed (skipped), and
 * how many first processings came after a later-produced record of the same key (order
 * violations). Per partition, processed offsets are kept as runs (IntervalSet), so memory stays
 * small however long the run.
 */
import { IntervalSet } from '../intervalSet';
import type { CompactedOffsets } from '../log/compactedOffsets';
import type { KeySlots } from '../log/keySlots';
import type { LogRecord } from '../log/record';
import { OrderKeyTable } from './orderKeyTable';
import { RecencyTable } from './recencyTable';

class PartitionProgress {
  readonly processed = new IntervalSet();
  /** Processed or skipped: offsets the group has accounted for. */
  readonly accounted = new IntervalSet();
  readonly replayedSinceReset = new IntervalSet();
  firstPosition: number | null = null;
  replayHorizon = 0;
  /** Offset after the last record the read model applied (raised by skips, lowered by a rebuild). */
  appliedUpTo: number | null = null;
  /** Offsets applied to the read model as it is now (emptied when it is cleared for a rebuild). */
  readonly inModel = new IntervalSet();
}

export type ProcessingKind = 'first' | 'duplicate' | 'replayed';

/** A moment a guarantee was broken, so the lab can jump to it. */
export interface Incident {
  atMs: number;
  kind: 'duplicate' | 'skipped' | 'orderViolation';
  partition: string;
  offset: number;
  /** How many records it concerns (skips come in ranges). */
  count: number;
}

/** Incidents kept per group (the oldest fall off). */
const INCIDENT_HISTORY_CAP = 500;

/** Records whose repeat count is remembered per group (the most recently repeated). */
const REPEATS_CAP = 10_000;

/**
 * Keys whose latest production sequence the order checker remembers, per topic and group (the
 * most recently first-processed). Retention prunes keys whose records are gone; with Kafka's
 * default retention (7 days) nothing is pruned, and unique keys (order-1, order-2, …) would grow
 * the table by every record. A key not seen among this many is no longer checked for order.
 */
const ORDER_KEYS_CAP = 131_072;

export class GroupStats {
  processed = 0;
  uniqueProcessed = 0;
  duplicates = 0;
  replayed = 0;
  skipped = 0;
  orderViolations = 0;
  /**
   * Distinct records in the read model as it is now: `uniqueProcessed` counts every record the
   * group ever handled, this starts again at 0 when the model is cleared for a rebuild, so
   * "applied" and "behind" add up to what the model must hold.
   */
  appliedToModel = 0;
  /** Per partition (`topic-partition` key → index in `partitionList`, in first-seen order). */
  private readonly partitionIndex = new Map<string, number>();
  private readonly partitionList: PartitionProgress[] = [];
  /**
   * The partition and the topic asked for last, by key and index (a poll's records come in runs
   * of one partition, so most calls skip the Map lookup; indexes, not references, so the stats
   * stay a tree of plain data).
   */
  private lastPartitionKey: string | null = null;
  private lastPartition = -1;
  private lastTopic: string | null = null;
  private lastTable = -1;
  /** Per topic, per key (its slot in the topic's KeySlots), the highest production sequence first-processed so far. */
  private readonly latestSeqByKey = new Map<string, number>();
  private readonly tables: OrderKeyTable[] = [];
  private trackedKeyCount = 0;
  private pruneAtSize = 1024;
  readonly incidents: Incident[] = [];
  /** Extra processings of a record (`partition@offset` → repeats), for the inspector; bounded. */
  private readonly repeats = new RecencyTable();

  /** `now`: the virtual time the caller passes (the context's), so the stats keep no clock. */
  private incident(now: number, kind: Incident['kind'], partition: string, offset: number, count: number): void {
    const last = this.incidents[this.incidents.length - 1];
    // Consecutive incidents of one kind on one partition at one moment are one incident.
    if (last && last.kind === kind && last.partition === partition && last.atMs === now) {
      last.count += count;
      return;
    }
    this.incidents.push({ atMs: now, kind, partition, offset, count });
    if (this.incidents.length > INCIDENT_HISTORY_CAP) this.incidents.shift();
  }

  private progress(key: string): PartitionProgress {
    if (key === this.lastPartitionKey) return this.partitionList[this.lastPartition]!;
    let index = this.partitionIndex.get(key);
    if (index === undefined) {
      index = this.partitionList.length;
      this.partitionList.push(new PartitionProgress());
      this.partitionIndex.set(key, index);
    }
    this.lastPartitionKey = key;
    this.lastPartition = index;
    return this.partitionList[index]!;
  }

  /** `keySlots`: the topic's (Topic.orderKeys), shared by every group reading it; `partition`: the record's. */
  onProcessed(now: number, partitionKey: string, topic: string, record: LogRecord, keySlots: KeySlots, partition: number): ProcessingKind {
    this.processed++;
    const progress = this.progress(partitionKey);
    if (progress.firstPosition === null) progress.firstPosition = record.offset;
    if (progress.appliedUpTo === null || record.offset + 1 > progress.appliedUpTo) progress.appliedUpTo = record.offset + 1;
    if (progress.inModel.add(record.offset)) this.appliedToModel++;
    if (progress.processed.add(record.offset)) {
      progress.accounted.add(record.offset);
      this.uniqueProcessed++;
      if (this.checkOrder(topic, record, keySlots, partition)) this.incident(now, 'orderViolation', partitionKey, record.offset, 1);
      return 'first';
    }
    const id = `${partitionKey}@${record.offset}`;
    const known = this.repeats.get(id);
    // Rewritten so the most recently repeated records are the ones kept.
    this.repeats.set(id, (known ?? 0) + 1, known !== undefined);
    if (this.repeats.size > REPEATS_CAP) this.repeats.deleteOldest();
    if (record.offset < progress.replayHorizon && progress.replayedSinceReset.add(record.offset)) {
      this.replayed++;
      return 'replayed';
    }
    this.duplicates++;
    this.incident(now, 'duplicate', partitionKey, record.offset, 1);
    return 'duplicate';
  }

  /** A partition's progress if it has any. */
  private partitionOf(key: string): PartitionProgress | undefined {
    const index = this.partitionIndex.get(key);
    return index === undefined ? undefined : this.partitionList[index];
  }

  /** The index of `topic`'s order table (made on first use), remembered as the last asked for. */
  private tableOf(topic: string): number {
    let index = this.latestSeqByKey.get(topic);
    if (index === undefined) {
      index = this.tables.length;
      this.tables.push(new OrderKeyTable());
      this.latestSeqByKey.set(topic, index);
    }
    this.lastTopic = topic;
    this.lastTable = index;
    return index;
  }

  /** Returns true when this first processing violates per-key order. */
  private checkOrder(topic: string, record: LogRecord, keySlots: KeySlots, partition: number): boolean {
    if (record.key === null) return false;
    const byKey = this.tables[topic === this.lastTopic ? this.lastTable : this.tableOf(topic)]!;
    const slot = keySlots.slotOfRecord(partition, record.offset, record.key);
    const present = byKey.has(slot);
    if (present && byKey.latest(slot) > record.produceSeq) {
      this.orderViolations++;
      return true;
    }
    if (!present) this.trackedKeyCount++;
    // Rewritten, so the oldest entry is the key first-processed longest ago.
    if (present) byKey.write(slot, record.produceSeq, true);
    else {
      const held = keySlots.hold(record.key, slot);
      if (held !== slot) keySlots.remember(partition, record.offset, held);
      byKey.write(held, record.produceSeq, false);
    }
    if (byKey.size > ORDER_KEYS_CAP) {
      byKey.deleteOldest(keySlots);
      this.trackedKeyCount--;
    }
    return false;
  }

  /**
   * Forgets keys whose latest record was produced before `oldestRetainedSeq`: every record that
   * can still be first-processed is newer, so those entries can never flag a violation again.
   */
  pruneKeys(topic: string, oldestRetainedSeq: () => number, keySlots: KeySlots): void {
    const index = this.latestSeqByKey.get(topic);
    const byKey = index === undefined ? undefined : this.tables[index];
    // The bound is asked for only now: finding it reads every partition of the topic.
    if (!byKey || byKey.size < this.pruneAtSize) return;
    this.trackedKeyCount -= byKey.deleteBelow(oldestRetainedSeq(), keySlots);
    this.pruneAtSize = Math.max(1024, byKey.size * 2);
  }

  /** The first buffer past its bound (for the invariants), or null. */
  boundsProblem(): string | null {
    if (this.incidents.length > INCIDENT_HISTORY_CAP) return `incidents: ${this.incidents.length}`;
    if (this.repeats.size > REPEATS_CAP) return `repeat counts: ${this.repeats.size}`;
    for (const [topic, index] of this.latestSeqByKey) if (this.tables[index]!.size > ORDER_KEYS_CAP) return `${topic}: keys checked for order: ${this.tables[index]!.size}`;
    return null;
  }

  get trackedKeys(): number {
    return this.trackedKeyCount;
  }

  /**
   * The group's position on a partition was set (assignment, reset): count what it skipped.
   * Offsets in `compactedAway` held records superseded by a newer value of their key: not skipped.
   */
  onPositionMoved(now: number, partitionKey: string, position: number, _reason: string, compactedAway?: CompactedOffsets): number {
    const progress = this.progress(partitionKey);
    if (progress.appliedUpTo === null || position > progress.appliedUpTo) progress.appliedUpTo = position;
    if (progress.firstPosition === null) {
      progress.firstPosition = position;
      return 0;
    }
    const first = progress.firstPosition;
    if (position <= first) return 0;
    let missing = position - first - progress.accounted.countIn(first, position);
    compactedAway?.forEachRunIn(first, position, (lo, hi) => {
      missing -= hi - lo - progress.accounted.countIn(lo, hi);
    });
    if (missing > 0) {
      this.skipped += missing;
      progress.accounted.addRange(first, position);
      this.incident(now, 'skipped', partitionKey, first, missing);
    }
    return missing;
  }

  /** How many times the handler ran on a record (0 = never; repeats are remembered, bounded). */
  timesProcessed(partitionKey: string, offset: number): number {
    const progress = this.partitionOf(partitionKey);
    if (!progress?.processed.has(offset)) return 0;
    return 1 + (this.repeats.get(`${partitionKey}@${offset}`) ?? 0);
  }

  /** The read model was cleared and will be rebuilt from `offset` on. */
  onRebuild(partitionKey: string, offset: number): void {
    this.progress(partitionKey).appliedUpTo = offset;
  }

  /** The read model was emptied (a rebuild): nothing is applied to it any more. */
  onModelCleared(): void {
    for (const progress of this.partitionList) progress.inModel.clear();
    this.appliedToModel = 0;
  }

  /** Offset after the last record applied on a partition, or null before any progress. */
  appliedUpTo(partitionKey: string): number | null {
    return this.partitionOf(partitionKey)?.appliedUpTo ?? null;
  }

  /** An explicit offset reset: repeats of what was processed before it count as replays. */
  onOffsetsReset(partitionKey: string): void {
    const progress = this.progress(partitionKey);
    progress.replayHorizon = progress.processed.end;
    progress.replayedSinceReset.clear();
  }

  toJSON(): { processed: number; uniqueProcessed: number; duplicates: number; replayed: number; skipped: number; orderViolations: number } {
    return {
      processed: this.processed,
      uniqueProcessed: this.uniqueProcessed,
      duplicates: this.duplicates,
      replayed: this.replayed,
      skipped: this.skipped,
      orderViolations: this.orderViolations,
    };
  }
}
