/**
 * A consumer's fetcher (Kafka's Fetcher, AbstractFetch and FetchCollector, with the broker's
 * DelayedFetch of its request): one fetch in flight at a time (LogScope's one broker is the
 * leader of every partition, and Kafka sends one fetch per node at a time), filling the
 * consumer's `FetchBuffer`.
 *
 * A fetch asks for every owned partition that has a position and no buffered data
 * (fetchablePartitions), starting one partition further each time: a simpler rotation with the
 * purpose of the broker's FetchSession, which moves partitions that returned data to the end of
 * the session, so a busy partition cannot starve the others. The
 * request pays `network.latencyMs` to reach the broker; there `delayedFetch` answers at once or
 * parks it until enough bytes arrive or fetch.max.wait.ms passes; the response pays the latency
 * back and its partitions join the buffer. Poll then hands out buffered records (`collect`), at
 * most max.poll.records, and sends the next fetch before the batch is processed
 * (ConsumerCoordinator/KafkaConsumer.poll's pipelining), so a busy consumer rarely waits.
 *
 * Partitions pending revocation (eager protocol, while the commit before rejoining is in
 * flight: ConsumerCoordinator.maybeMarkPartitionsPendingRevocation) are neither fetched nor
 * returned. The parked request's max-wait timer is one queue entry, re-armed when it fires early
 * rather than cancelled and pushed again on every fetch.
 */
import type { TimerId } from '../../eventQueue';
import type { EngineContext } from '../../engineContext';
import type { PartitionLog } from '../../log/partitionLog';
import { clearBatch, startRun, type Batch } from '../batch';
import type { ConsumerClient } from '../consumerClient';
import type { ConsumerContext, ServiceFacts } from '../groupProtocol';
import { canAnswerNow, readResponse, requestLog, type FetchRequestData } from './delayedFetch';
import { drain, FetchBuffer, keepRecords, readsLog, type CompletedFetch } from './fetchBuffer';
import { clearArray, truncateArray } from '../../clearArray';

/**
 * What the fetcher asks of the consumer around it, passed to each call with the context (the
 * fetcher keeps neither, so a fork copies it as plain state).
 */
export interface FetcherHost {
  readonly client: ConsumerClient;
  readonly service: ServiceFacts;
  /** A response reached the consumer: a poll waiting on it goes on. `emptyAndInstant`: it brought nothing and took no time. */
  onFetchCompleted(ctx: ConsumerContext, emptyAndInstant: boolean): void;
  /** OFFSET_OUT_OF_RANGE: follow auto.offset.reset; the new position, or null when the consumer stopped. */
  resetOutOfRange(ctx: ConsumerContext, log: PartitionLog, key: string, position: number): number | null;
}

type Stage = 'idle' | 'toBroker' | 'parked' | 'toClient';

export class ConsumerFetcher {
  readonly buffer = new FetchBuffer();
  private stage: Stage = 'idle';
  /** The request or the response on its way (an event `network.latencyMs` away). */
  private hopEntry: TimerId | null = null;
  private maxWaitEntry: TimerId | null = null;
  private maxWaitDeadlineMs = 0;
  private readonly request: FetchRequestData = { topics: [], partitions: [], keys: [], offsets: [] };
  private readonly response: CompletedFetch[] = [];
  private cursor = 0;
  private sentAtMs = 0;

  /** A fetch is on its way, parked at the broker, or its response is on its way back. */
  get inFlight(): boolean {
    return this.stage !== 'idle';
  }

  /** Sends a fetch for the fetchable partitions unless one is in flight; true when sent. */
  sendFetches(ctx: EngineContext, host: FetcherHost): boolean {
    if (this.stage !== 'idle') return false;
    const client = host.client;
    const assignment = client.assignment;
    const count = assignment.length;
    if (count === 0 || client.pendingRevocation) return false;
    // Written in place and shortened after: a consumer asks for about the same partitions each time.
    const { topics, partitions, keys, offsets } = this.request;
    let asked = 0;
    const start = this.cursor++ % count;
    for (let i = 0; i < count; i++) {
      const index = (start + i) % count;
      const key = client.ownedKeys[index]!;
      const position = client.positions.get(key);
      if (position === undefined || this.buffer.has(key)) continue;
      const tp = assignment[index]!;
      const log = ctx.topics.get(tp.topic)?.partitions[tp.partition];
      // A partition whose leader is down (broker/) is not fetched until a leader is elected.
      if (!log || !log.leaderReachable) continue;
      topics[asked] = tp.topic;
      partitions[asked] = tp.partition;
      keys[asked] = key;
      offsets[asked] = position;
      asked++;
    }
    truncateArray(topics, asked);
    truncateArray(partitions, asked);
    truncateArray(keys, asked);
    truncateArray(offsets, asked);
    if (asked === 0) return false;
    this.stage = 'toBroker';
    this.sentAtMs = ctx.now;
    this.hopEntry = ctx.schedule(ctx.now + ctx.network.latencyMs, client.events.fetch);
    return true;
  }

  /** The request reached the broker, or the response reached the consumer. */
  onNetworkHop(ctx: ConsumerContext, host: FetcherHost): void {
    this.hopEntry = null;
    if (this.stage === 'toBroker') this.atBroker(ctx, host);
    else if (this.stage === 'toClient') this.atConsumer(ctx, host);
  }

  private atBroker(ctx: EngineContext, host: FetcherHost): void {
    const config = host.service.config;
    if (canAnswerNow(ctx.topics, this.request, config, config.fetchMaxWaitMs)) {
      this.answer(ctx, host);
      return;
    }
    // DelayedFetch: parked until an append brings enough bytes or fetch.max.wait.ms passes.
    this.stage = 'parked';
    for (let i = 0; i < this.request.keys.length; i++) requestLog(ctx.topics, this.request, i).fetchWaiters.set(host.client.name, host.client.waiterRef);
    this.maxWaitDeadlineMs = ctx.now + config.fetchMaxWaitMs;
    // A timer still armed from an earlier fetch is due sooner (same wait, earlier start): it re-arms when it fires.
    this.maxWaitEntry ??= ctx.schedule(this.maxWaitDeadlineMs, host.client.events.fetchMaxWait);
  }

  /** An append to a partition the parked fetch asks for (DelayedFetch.tryComplete). */
  onDataArrived(ctx: EngineContext, host: FetcherHost): void {
    if (this.stage !== 'parked') return;
    const config = host.service.config;
    if (!canAnswerNow(ctx.topics, this.request, config, config.fetchMaxWaitMs)) return;
    this.unpark(ctx, host);
    this.answer(ctx, host);
  }

  onMaxWait(ctx: EngineContext, host: FetcherHost): void {
    this.maxWaitEntry = null;
    if (this.stage !== 'parked') return;
    if (ctx.now < this.maxWaitDeadlineMs) {
      this.maxWaitEntry = ctx.schedule(this.maxWaitDeadlineMs, host.client.events.fetchMaxWait);
      return;
    }
    this.unpark(ctx, host);
    this.answer(ctx, host);
  }

  private unpark(ctx: EngineContext, host: FetcherHost): void {
    for (let i = 0; i < this.request.keys.length; i++) requestLog(ctx.topics, this.request, i).fetchWaiters.delete(host.client.name);
  }

  /** The leader reads the response now; it reaches the consumer one latency later. */
  private answer(ctx: EngineContext, host: FetcherHost): void {
    readResponse(ctx.topics, this.request, host.service.config, this.buffer, this.response);
    this.stage = 'toClient';
    this.hopEntry = ctx.schedule(ctx.now + ctx.network.latencyMs, host.client.events.fetch);
  }

  private atConsumer(ctx: ConsumerContext, host: FetcherHost): void {
    this.stage = 'idle';
    const empty = this.response.length === 0;
    for (const fetch of this.response) this.buffer.add(fetch);
    clearArray(this.response);
    host.onFetchCompleted(ctx, empty && ctx.now === this.sentAtMs);
  }

  /**
   * FetchCollector.collectFetch: buffered records into `batch`, at most max.poll.records, each
   * partition's position moving past what it hands out. Data whose offset no longer matches the
   * position (a seek, a reset, a revoked partition) is dropped, as is data of partitions
   * pending revocation. OFFSET_OUT_OF_RANGE goes to the host's `resetOutOfRange` (when the
   * consumer stopped, nothing is returned).
   */
  collect(ctx: ConsumerContext, host: FetcherHost, batch: Batch): void {
    const max = host.service.config.maxPollRecords;
    const positions = host.client.positions;
    const buffer = this.buffer;
    while (batch.records.length < max) {
      const fetch = buffer.peek();
      if (fetch === undefined) return;
      const key = fetch.key;
      const position = positions.get(key);
      if (position !== fetch.nextFetchOffset || host.client.pendingRevocation) {
        buffer.poll();
        continue;
      }
      if (fetch.error !== null) {
        buffer.poll();
        if (host.resetOutOfRange(ctx, ctx.topics.get(fetch.topic)!.partitions[fetch.partition]!, key, position) === null) {
          clearBatch(batch);
          return;
        }
        continue;
      }
      const count = Math.min(fetch.remaining, max - batch.records.length);
      startRun(batch, fetch.topic, fetch.partition, key);
      drain(fetch, ctx.topics.get(fetch.topic)!.partitions[fetch.partition]!, count, batch.records);
      positions.set(key, fetch.nextFetchOffset);
      if (fetch.remaining === 0) buffer.poll();
    }
  }

  /**
   * Records are about to leave `log` (retention, compaction, truncation): what this consumer
   * fetched from it and has not handed out yet is copied out first, in the response on its way
   * as in the buffer.
   */
  keepRecords(ctx: EngineContext, log: PartitionLog): void {
    for (const fetch of this.response) keepRecords(fetch, log);
    this.buffer.keep(log);
  }

  /** Calls `visit` with the key of each partition it holds fetched records of, read from the log (a key may repeat). */
  forEachPartitionRead(visit: (key: string) => void): void {
    for (const fetch of this.response) if (readsLog(fetch)) visit(fetch.key);
    this.buffer.forEach((fetch) => {
      if (readsLog(fetch)) visit(fetch.key);
    });
  }

  /** The process crashed or stopped: the fetch in flight is forgotten and the buffer emptied. */
  reset(ctx: EngineContext, host: FetcherHost): void {
    if (this.stage === 'parked') this.unpark(ctx, host);
    if (this.hopEntry !== null) ctx.cancel(this.hopEntry);
    if (this.maxWaitEntry !== null) ctx.cancel(this.maxWaitEntry);
    this.hopEntry = null;
    this.maxWaitEntry = null;
    this.stage = 'idle';
    for (const fetch of this.response) this.buffer.release(fetch);
    clearArray(this.response);
    this.buffer.clear();
  }
}
