/**
 * A producer: appends events to a topic at a Poisson (or fixed) rate, with keys from its key
 * distribution and payloads from its own random stream. Pausing stops arrivals; the next
 * arrival after a resume or a rate change is drawn afresh from that moment.
 */
import type { QueueEntry } from '../eventQueue';
import type { EngineEvent } from '../engineEvents';
import { createStream, type RandomStream } from '../random';
import type { ProducerSpec } from '../scenario';
import type { EngineContext } from '../engineContext';
import { createKeyGenerator, type KeyGenerator } from './keys';
import { Partitioner } from './partitioner';
import { generatePayload } from './payloads';
import { estimateRecordSize, type Payload } from '../log/record';
import { sendFromProducer } from './send';

export class Producer {
  readonly id: string;
  ratePerSec: number;
  paused = false;
  /** Records (or commands) this producer has sent. */
  sent = 0;
  private readonly stream: RandomStream;
  private readonly keys: KeyGenerator;
  private readonly partitioner: Partitioner;
  private nextArrivalMs = 0;
  private entry: QueueEntry<EngineEvent> | null = null;

  constructor(
    readonly spec: ProducerSpec,
    seed: number,
  ) {
    this.id = spec.id;
    this.ratePerSec = spec.ratePerSec;
    this.stream = createStream(seed, `producer:${spec.id}`);
    this.keys = createKeyGenerator(spec.keys, this.stream);
    this.partitioner = new Partitioner(spec.partitioner ?? 'default', createStream(seed, `partitioner:${spec.id}`));
  }

  start(world: EngineContext): void {
    this.nextArrivalMs = world.now;
    this.scheduleNext(world);
  }

  pause(): void {
    this.paused = true;
    if (this.entry) this.entry.cancelled = true;
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
    if (this.entry) this.entry.cancelled = true;
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
    const key = override?.key !== undefined ? override.key : this.keys.next();
    const generated = generatePayload(this.spec.event ?? this.spec.command ?? 'Event', this.stream, {
      key,
      sequence,
      invalidRatio: this.spec.invalidRatio ?? 0,
    });
    const isTombstone = override?.value === null;
    const eventType = isTombstone ? null : (this.spec.event ?? this.spec.command ?? 'Event');
    const payload = isTombstone ? null : override?.value !== undefined ? toPayload(override.value) : generated;
    const partition =
      override?.partition ??
      ((partitionCount: number) =>
        this.partitioner.choose(key, estimateRecordSize(key, eventType, payload), partitionCount));
    sendFromProducer(world, this, { key, eventType, payload, partition, eventId: `${this.id}#${sequence}` });
  }

  private scheduleNext(world: EngineContext): void {
    if (this.paused || this.ratePerSec <= 0) return;
    const meanGapMs = 1000 / this.ratePerSec;
    const gap = this.spec.arrival === 'fixed' ? meanGapMs : this.stream.exponential(meanGapMs);
    this.nextArrivalMs = Math.max(this.nextArrivalMs + gap, world.now);
    this.entry = world.schedule(Math.floor(this.nextArrivalMs), { kind: 'produce', producer: this.id });
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
