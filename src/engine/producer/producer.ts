/**
 * A producer: appends events to a topic at a Poisson (or fixed) rate, with keys from its key
 * distribution and payloads from its own random stream. Pausing stops arrivals; the next
 * arrival after a resume or a rate change is drawn afresh from that moment.
 *
 * It partitions over the partitions its metadata knows (doc/kafka.md §1.5): fetched when it
 * starts, refreshed every `metadata.max.age.ms`, so partitions added to its topic get records
 * only after its next refresh; a record sent to a partition it does not know makes it fetch
 * metadata at once, as Kafka's waitOnMetadata does.
 */
import { frozenCopy } from '../frozen';
import { METADATA_MAX_AGE_MS } from '../config';
import type { TimerId } from '../eventQueue';
import { seconds } from '../group/seconds';
import { nextMetadataRefreshMs } from '../metadataRefresh';
import { createStream, type RandomStream } from '../random';
import type { ProducerSpec } from '../scenario';
import type { EngineContext } from '../engineContext';
import type { EngineEvent } from '../engineEvents';
import { createKeyGenerator, type KeyGenerator } from './keys';
import { Partitioner } from './partitioner';
import { generatePayload } from './payloads';
import { estimateRecordSize, type Payload } from '../log/record';
import { sendFromProducer } from './send';
import type { ProducerSender } from '../broker/producerSender';

export class Producer {
  readonly id: string;
  /** The scenario's spec, frozen (frozen.ts). */
  readonly spec: ProducerSpec;
  ratePerSec: number;
  paused = false;
  /** Records (or commands) this producer has sent. */
  sent = 0;
  /** Its produce requests, batches and retries when the scenario is replicated (broker/); null: direct appends. */
  sender: ProducerSender | null = null;
  private readonly stream: RandomStream;
  private readonly keys: KeyGenerator;
  private readonly partitioner: Partitioner;
  /** The event of each next arrival: one frozen object, shared by every scheduling and every copy. */
  private readonly arrival: EngineEvent;
  /** What its events' ids start with (`checkout#`); the producer's count of records follows. */
  private readonly origin: string;
  private nextArrivalMs = 0;
  private entry: TimerId | null = null;
  /** Partitions of its topic as of its last metadata refresh. */
  private knownPartitions = 0;
  /** Its refreshes fall at this time plus multiples of `metadata.max.age.ms`. */
  private metadataPhaseMs = 0;
  private metadataEntry: TimerId | null = null;

  constructor(
    spec: ProducerSpec,
    seed: number,
  ) {
    this.spec = spec = frozenCopy(spec);
    this.id = spec.id;
    this.ratePerSec = spec.ratePerSec;
    this.stream = createStream(seed, `producer:${spec.id}`);
    this.keys = createKeyGenerator(spec.keys);
    this.partitioner = new Partitioner(spec.partitioner ?? 'default', createStream(seed, `partitioner:${spec.id}`));
    this.arrival = Object.freeze({ kind: 'produce', producer: spec.id });
    this.origin = `${spec.id}#`;
  }

  start(world: EngineContext): void {
    this.fetchMetadata(world);
    this.nextArrivalMs = world.now;
    this.scheduleNext(world);
  }

  private get metadataMaxAgeMs(): number {
    return this.spec.config?.['metadata.max.age.ms'] ?? METADATA_MAX_AGE_MS;
  }

  /** Metadata fetched now: the topic's partitions as they are, and the refresh clock restarts. */
  private fetchMetadata(world: EngineContext): void {
    this.knownPartitions = world.topics.get(this.spec.topic ?? '')?.partitionCount ?? 0;
    this.metadataPhaseMs = world.now;
    if (this.metadataEntry !== null) world.cancel(this.metadataEntry);
    this.metadataEntry = null;
  }

  /** Partitions were added to its topic: it sees them at its next metadata refresh. */
  onTopicGrew(world: EngineContext): void {
    if (this.metadataEntry !== null) return;
    const atMs = nextMetadataRefreshMs(this.metadataPhaseMs, this.metadataMaxAgeMs, world.now);
    this.metadataEntry = world.schedule(atMs, { kind: 'producerMetadata', producer: this.id });
  }

  /** The periodic refresh after partitions were added (its phase is unchanged). */
  onMetadataRefresh(world: EngineContext): void {
    this.metadataEntry = null;
    const before = this.knownPartitions;
    this.knownPartitions = world.topics.get(this.spec.topic ?? '')?.partitionCount ?? before;
    if (this.knownPartitions !== before) {
      this.announcePartitions(world, before, `refreshes its metadata (metadata.max.age.ms ${seconds(this.metadataMaxAgeMs)})`);
    }
  }

  private announcePartitions(world: EngineContext, before: number, how: string): void {
    const topic = this.spec.topic ?? '';
    const partitions = this.knownPartitions;
    world.emit(
      'producer',
      this.id,
      `${this.id} ${how}: it now sees ${partitions} partitions of ${topic}, not ${before}, and writes to the new ones too (keys map by murmur2 % ${partitions}).`,
      undefined,
      { code: 'producer.metadata', fields: { producer: this.id, topic, partitions, before } },
    );
  }

  pause(world: EngineContext): void {
    this.paused = true;
    if (this.entry !== null) world.cancel(this.entry);
    this.entry = null;
  }

  resume(world: EngineContext): void {
    if (!this.paused) return;
    this.paused = false;
    this.nextArrivalMs = world.now;
    this.scheduleNext(world);
  }

  setRate(world: EngineContext, ratePerSec: number): void {
    this.ratePerSec = ratePerSec;
    if (this.paused) return;
    if (this.entry !== null) world.cancel(this.entry);
    this.nextArrivalMs = world.now;
    this.scheduleNext(world);
  }

  /** The queue fired: send every record due now, then wait for the next arrival. */
  onArrival(world: EngineContext): void {
    this.entry = null;
    this.sendOne(world);
    this.scheduleNext(world);
  }

  /** Sends one record (or command), with an optional explicit key, value and partition. */
  sendOne(world: EngineContext, override?: ProduceOverride): void {
    const sequence = this.sent++;
    const key = override?.key !== undefined ? override.key : this.keys.next(this.stream);
    // A calling client places an order through synchronous calls instead (calls/calls.ts).
    if (this.spec.calls) return world.placeOrder(this.id, key ?? `${this.id}-${sequence}`);
    const generated = generatePayload(this.spec.event ?? this.spec.command ?? 'Event', this.stream, {
      key,
      sequence,
      invalidRatio: this.spec.invalidRatio ?? 0,
    });
    const isTombstone = override?.value === null;
    const eventType = isTombstone ? null : (this.spec.event ?? this.spec.command ?? 'Event');
    const payload = isTombstone ? null : override?.value !== undefined ? toPayload(override.value) : generated;
    if (override?.partition !== undefined && override.partition >= this.knownPartitions) {
      const before = this.knownPartitions;
      this.fetchMetadata(world);
      if (this.knownPartitions !== before) this.announcePartitions(world, before, `fetches metadata at once for a record to partition ${override.partition}`);
    }
    const known = this.knownPartitions;
    // Only the sticky partitioner (records without a key) counts bytes; a keyed record skips the estimate.
    const sizeBytes = key === null ? estimateRecordSize(key, eventType, payload) : 0;
    const partition =
      override?.partition ??
      ((partitionCount: number) => this.partitioner.choose(key, sizeBytes, known > 0 ? Math.min(known, partitionCount) : partitionCount));
    sendFromProducer(world, this, { key, eventType, payload, partition, eventId: `${this.origin}${sequence}`, freshOrigin: this.origin, freshCounter: sequence });
  }

  private scheduleNext(world: EngineContext): void {
    if (this.paused || this.ratePerSec <= 0) return;
    const meanGapMs = 1000 / this.ratePerSec;
    const gap = this.spec.arrival === 'fixed' ? meanGapMs : this.stream.exponential(meanGapMs);
    this.nextArrivalMs = Math.max(this.nextArrivalMs + gap, world.now);
    this.entry = world.schedule(Math.floor(this.nextArrivalMs), this.arrival);
  }
}

export interface ProduceOverride {
  key?: string | null;
  /** null = a tombstone; an object = the payload to send. */
  value?: unknown;
  partition?: number;
}

/** Keeps the flat, primitive fields of a user-supplied value (the payload shape records carry). */
function toPayload(value: unknown): Payload {
  if (typeof value !== 'object' || value === null) return { value: String(value) };
  const payload: Record<string, string | number | boolean | null> = {};
  for (const [name, field] of Object.entries(value)) {
    if (typeof field === 'string' || typeof field === 'number' || typeof field === 'boolean' || field === null) {
      payload[name] = field;
    }
  }
  return payload;
}
