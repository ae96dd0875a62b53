/**
 * What a service does with each record: a handler applies it to the service's own read model
 * and may emit new events to the service's `emitTo` topic. Built-in handlers are named in the
 * scenario (`handler`); each keeps its read model as plain data so the summary can show it.
 */
import type { LogRecord, Payload } from '../log/record';

export interface EmittedEvent {
  eventType: string;
  key: string | null;
  payload: Payload;
}

export interface HandlerContext {
  /** Appends an event to the service's `emitTo` topic (ignored when it has none). */
  emit(event: EmittedEvent): void;
}

export interface CommandOutcome {
  accepted: boolean;
  reason?: string;
  event?: EmittedEvent;
}

export interface Handler<Model = unknown> {
  readonly name: string;
  createReadModel(): Model;
  apply(model: Model, record: LogRecord, ctx: HandlerContext): void;
  /** Plain JSON of the read model, for the summary and the views. */
  toJSON(model: Model): unknown;
  /** Whether it appends events to the service's `emitTo` topic for records it applies. */
  readonly emits?: boolean;
  /**
   * Entities on which the model differs from applying each event exactly once, in order
   * (e.g. an order charged twice). Handlers that keep no state have none.
   */
  divergence?(model: Model): number;
  /** Whether the read model holds an entity (an order id, a key): what a `query` asks. */
  holds?(model: Model, entity: string): boolean;
  /** Validates a command sent to this service (command-owning handlers only). */
  handleCommand?(model: Model, command: LogRecord): CommandOutcome;
}
