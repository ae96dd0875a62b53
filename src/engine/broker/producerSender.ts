/**
 * A producer's client side of the produce path (Kafka's RecordAccumulator and Sender): records
 * gather per partition into batches (up to batch.size, ready after `linger.ms`); ready batches go
 * to their partition's leader while that connection has fewer than
 * `max.in.flight.requests.per.connection` requests outstanding; an answer acknowledges the
 * records or, on an error or after `request.timeout.ms` without one, the batch is retried after
 * `retry.backoff.ms` while `retries` and `delivery.timeout.ms` allow, else it fails. An
 * idempotent producer numbers each partition's records (sequence numbers under a producer
 * epoch, TransactionManager) so the leader can drop a resent batch it already holds; after a
 * batch fails it bumps its epoch and numbers afresh (KIP-360). With acks=0 a batch counts as
 * acknowledged once sent.
 *
 * Metadata: the producer sends to the leader the controller has elected, learns of a new one as
 * soon as it is elected, and does not send to a broker whose connection is down.
 *
 * The sender keeps neither the context nor the cluster: the world holds it, and each call
 * (the producer's send through the context, the cluster's events, broker changes) is passed both.
 */
import type { AppendRequest, EngineContext } from '../engineContext';
import type { TimerId } from '../eventQueue';
import { PRODUCER_BATCH_SIZE_BYTES } from '../config';
import { estimateRecordSize } from '../log/record';
import type { ProduceError, ProduceResult } from './clusterEvents';
import type { BatchAppends, ClusterState } from './clusterState';
import type { ProduceClient, ProducerCounters } from './clusterEvents';
import type { ResolvedDeliveryConfig } from './replicationConfig';

interface SenderBatch {
  readonly topic: string;
  readonly partition: number;
  readonly records: AppendRequest[];
  sizeBytes: number;
  readonly createdMs: number;
  /** Not sent before this time (linger, or the retry backoff). */
  readyMs: number;
  /** Idempotence: first sequence number and the producer epoch it was numbered under; -1 = not yet numbered. */
  baseSequence: number;
  epoch: number;
  attempts: number;
  inFlight: boolean;
  timeout: TimerId | null;
  /** The request carrying it while in flight. */
  requestId: number;
  readonly appends: BatchAppends;
}

/** A producer's sender by id: the world holds the senders, the cluster keeps only their ids. */
export type SenderOf = (producer: string) => ProducerSender | undefined;

export class ProducerSender implements ProduceClient {
  readonly counters: ProducerCounters = { acked: 0, failed: 0, retries: 0, duplicatesWritten: 0, ackedThenLost: 0 };
  /** Batches per partition (`topic-partition`), oldest first, in flight ones included. */
  private readonly queues = new Map<string, SenderBatch[]>();
  private readonly inFlight = new Map<number, { batch: SenderBatch; broker: number }>();
  private readonly inFlightPerBroker = new Map<number, number>();
  private readonly nextSequence = new Map<string, number>();
  private epoch = 0;
  private wake: TimerId | null = null;
  /** When the pending wake is due (meaningful while `wake` is set). */
  private wakeDueMs = 0;

  constructor(
    readonly producerId: string,
    readonly config: ResolvedDeliveryConfig,
    cluster: ClusterState,
  ) {
    cluster.clientIds.push(producerId);
  }

  /** Records waiting or in flight (not yet acknowledged nor failed). */
  get pendingRecords(): number {
    let count = 0;
    for (const queue of this.queues.values()) for (const batch of queue) count += batch.records.length;
    return count;
  }

  send(ctx: EngineContext, cluster: ClusterState, topic: string, partition: number, record: AppendRequest): void {
    const key = `${topic}-${partition}`;
    let queue = this.queues.get(key);
    if (!queue) this.queues.set(key, (queue = []));
    const size = estimateRecordSize(record.key, record.eventType, record.payload);
    const last = queue[queue.length - 1];
    const now = ctx.now;
    if (last && last.attempts === 0 && !last.inFlight && last.sizeBytes + size <= PRODUCER_BATCH_SIZE_BYTES) {
      last.records.push(record);
      last.sizeBytes += size;
    } else {
      queue.push({
        topic,
        partition,
        records: [record],
        sizeBytes: size,
        createdMs: now,
        readyMs: now + this.config.lingerMs,
        baseSequence: -1,
        epoch: this.epoch,
        attempts: 0,
        inFlight: false,
        timeout: null,
        requestId: -1,
        appends: { copies: 0 },
      });
    }
    this.drain(ctx, cluster);
  }

  /** The sender's loop: expire what waited too long, send what is ready, sleep until the next due time. */
  drain(ctx: EngineContext, cluster: ClusterState): void {
    const now = ctx.now;
    for (const queue of this.queues.values()) {
      for (let i = 0; i < queue.length; ) {
        const batch = queue[i]!;
        if (!batch.inFlight && now >= batch.createdMs + this.config.deliveryTimeoutMs) {
          queue.splice(i, 1);
          this.fail(ctx, batch, `delivery.timeout.ms (${this.config.deliveryTimeoutMs} ms) passed`);
        } else i++;
      }
      for (const batch of [...queue]) {
        if (batch.inFlight) continue;
        if (batch.readyMs > now) break;
        const leader = cluster.replicasOf(ctx, batch.topic, batch.partition).leader;
        if (leader === null || !cluster.isRunning(leader)) break;
        if ((this.inFlightPerBroker.get(leader) ?? 0) >= this.config.maxInFlight) break;
        this.sendBatch(ctx, cluster, batch, leader, queue);
      }
    }
    this.scheduleWake(ctx);
  }

  private sendBatch(ctx: EngineContext, cluster: ClusterState, batch: SenderBatch, leader: number, queue: SenderBatch[]): void {
    const key = `${batch.topic}-${batch.partition}`;
    if (this.config.idempotent && (batch.baseSequence < 0 || batch.epoch !== this.epoch)) {
      batch.epoch = this.epoch;
      batch.baseSequence = this.nextSequence.get(key) ?? 0;
      this.nextSequence.set(key, batch.baseSequence + batch.records.length);
    }
    const id = cluster.nextRequestId++;
    cluster.requests.set(id, {
      id,
      producer: this.producerId,
      topic: batch.topic,
      partition: batch.partition,
      broker: leader,
      acks: this.config.acks,
      idempotent: this.config.idempotent,
      producerEpoch: batch.epoch,
      baseSequence: batch.baseSequence,
      records: batch.records,
      timeoutMs: this.config.requestTimeoutMs,
      appends: batch.appends,
      firstOffset: -1,
      expiry: null,
    });
    ctx.schedule(ctx.now + cluster.delay(null, leader), { kind: 'cluster', event: { type: 'produceArrive', requestId: id } });
    batch.attempts++;
    if (this.config.acks === '0') {
      queue.splice(queue.indexOf(batch), 1);
      this.counters.acked += batch.records.length;
      return;
    }
    batch.inFlight = true;
    batch.requestId = id;
    this.inFlight.set(id, { batch, broker: leader });
    this.inFlightPerBroker.set(leader, (this.inFlightPerBroker.get(leader) ?? 0) + 1);
    batch.timeout = ctx.schedule(ctx.now + this.config.requestTimeoutMs, { kind: 'cluster', event: { type: 'produceTimeout', producer: this.producerId, requestId: id } });
  }

  /** Takes a request off the in-flight books; undefined when it was already given up on. */
  private settle(ctx: EngineContext, requestId: number): SenderBatch | undefined {
    const entry = this.inFlight.get(requestId);
    if (!entry) return undefined;
    this.inFlight.delete(requestId);
    this.inFlightPerBroker.set(entry.broker, this.inFlightPerBroker.get(entry.broker)! - 1);
    const batch = entry.batch;
    batch.inFlight = false;
    if (batch.timeout !== null) ctx.cancel(batch.timeout);
    batch.timeout = null;
    return batch;
  }

  /** The answer to one of its requests arrived. */
  onReply(ctx: EngineContext, cluster: ClusterState, requestId: number, result: ProduceResult): void {
    const batch = this.settle(ctx, requestId);
    if (!batch) return;
    if (result.error === null) {
      this.remove(batch);
      this.counters.acked += batch.records.length;
      cluster.replicasOf(ctx, batch.topic, batch.partition).acked.addRange(result.firstOffset, result.firstOffset + batch.records.length);
    } else {
      if (result.error === 'OUT_OF_ORDER_SEQUENCE_NUMBER' && this.isFirstUnacknowledged(batch)) this.bumpEpoch();
      this.retryOrFail(ctx, batch, result.error);
    }
    this.drain(ctx, cluster);
  }

  /**
   * A sequence gap on a partition's first unacknowledged batch: the partition lost its state
   * for this producer (a leader change cut its log). KIP-360: the producer bumps its epoch and
   * numbers afresh, which the leader accepts.
   */
  private isFirstUnacknowledged(batch: SenderBatch): boolean {
    return this.queues.get(`${batch.topic}-${batch.partition}`)?.[0] === batch;
  }

  private bumpEpoch(): void {
    this.epoch++;
    this.nextSequence.clear();
  }

  /** request.timeout.ms passed without an answer: the request is abandoned (a late answer is ignored). */
  onRequestTimeout(ctx: EngineContext, cluster: ClusterState, requestId: number): void {
    // The firing event is the request's timeout timer: fired, it is no longer cancellable.
    const inFlight = this.inFlight.get(requestId);
    if (inFlight) inFlight.batch.timeout = null;
    const batch = this.settle(ctx, requestId);
    if (!batch) return;
    this.retryOrFail(ctx, batch, 'REQUEST_TIMED_OUT');
    this.drain(ctx, cluster);
  }

  /** Leaders changed or a broker came back: waiting batches may be sendable now. */
  onMetadataChanged(ctx: EngineContext, cluster: ClusterState): void {
    this.drain(ctx, cluster);
  }

  private retryOrFail(ctx: EngineContext, batch: SenderBatch, error: ProduceError): void {
    const now = ctx.now;
    const backoff = this.config.retryBackoffMs;
    if (batch.attempts > this.config.retries || now + backoff >= batch.createdMs + this.config.deliveryTimeoutMs) {
      this.remove(batch);
      this.fail(ctx, batch, `${error}, and ${batch.attempts > this.config.retries ? `retries (${this.config.retries}) are used up` : `delivery.timeout.ms (${this.config.deliveryTimeoutMs} ms) leaves no time to retry`}`);
      return;
    }
    this.counters.retries += batch.records.length;
    batch.readyMs = now + backoff;
    if (!this.config.idempotent) return;
    // Idempotence keeps a partition's batches in sequence order: the later ones in flight are
    // resent after this one (Kafka's Sender resends a partition's batches in sequence order, the
    // broker answering the later ones OUT_OF_ORDER_SEQUENCE_NUMBER meanwhile).
    const queue = this.queues.get(`${batch.topic}-${batch.partition}`)!;
    for (const later of queue.slice(queue.indexOf(batch) + 1)) {
      if (!later.inFlight) continue;
      this.settle(ctx, later.requestId);
      this.counters.retries += later.records.length;
      later.readyMs = now + backoff;
    }
  }

  private remove(batch: SenderBatch): void {
    const queue = this.queues.get(`${batch.topic}-${batch.partition}`)!;
    const index = queue.indexOf(batch);
    if (index >= 0) queue.splice(index, 1);
  }

  private fail(ctx: EngineContext, batch: SenderBatch, why: string): void {
    this.counters.failed += batch.records.length;
    // KIP-360: a failed batch leaves a gap in the sequence; the producer bumps its epoch.
    if (this.config.idempotent) this.bumpEpoch();
    ctx.emit(
      'producer',
      this.producerId,
      `${this.producerId} gives up on ${batch.records.length} record(s) for ${batch.topic}-${batch.partition} after ${batch.attempts} attempt(s): ${why}.`,
      undefined,
      { code: 'produce.failed', fields: { producer: this.producerId, partition: `${batch.topic}-${batch.partition}`, records: batch.records.length } },
    );
  }

  private scheduleWake(ctx: EngineContext): void {
    const now = ctx.now;
    let next = Number.POSITIVE_INFINITY;
    for (const queue of this.queues.values()) {
      let blocked = false;
      for (const batch of queue) {
        if (batch.inFlight) continue;
        if (!blocked && batch.readyMs > now) next = Math.min(next, batch.readyMs);
        blocked = true;
        next = Math.min(next, batch.createdMs + this.config.deliveryTimeoutMs);
      }
    }
    if (this.wake !== null && this.wakeDueMs === next) return;
    if (this.wake !== null) ctx.cancel(this.wake);
    this.wake = Number.isFinite(next) ? ctx.schedule(next, { kind: 'cluster', event: { type: 'senderWake', producer: this.producerId } }) : null;
    this.wakeDueMs = next;
  }

  onWake(ctx: EngineContext, cluster: ClusterState): void {
    this.wake = null;
    this.drain(ctx, cluster);
  }
}
