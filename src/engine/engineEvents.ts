/**
 * The engine's own scheduled events: the items of the one event queue. Each names the entity
 * it wakes by id (a producer's id, an instance as its service's id and index, a group's id),
 * never by reference: queued events are plain data, so a copy of the queue needs no object
 * identity kept, and this module depends on no part of the engine. `simulation.ts` looks the
 * entity up and dispatches each kind to it. Entities are never replaced (instances restart in
 * place), so an id always names the object that scheduled the event.
 */
import type { ClusterEvent } from './broker/clusterEvents';

/** An instance of a service: its service's id and its index (`email-1` is `email`, 1). */
export interface InstanceRef {
  service: string;
  instance: number;
}

export type EngineEvent =
  | { kind: 'produce'; producer: string }
  | ({ kind: 'poll' } & InstanceRef)
  | ({ kind: 'recordDone' } & InstanceRef)
  | ({ kind: 'heartbeat' } & InstanceRef)
  | ({ kind: 'pollTimerCheck' } & InstanceRef)
  | { kind: 'sessionCheck'; group: string; memberId: string }
  | { kind: 'joinDeadline'; group: string; epoch: number }
  | { kind: 'syncDone'; group: string; generation: number }
  | { kind: 'syncDeadline'; group: string; generation: number }
  | { kind: 'retentionCheck' }
  | { kind: 'sample' }
  | { kind: 'producerMetadata'; producer: string }
  | ({ kind: 'consumerMetadata' } & InstanceRef)
  /** A synchronous call's next step (calls/calls.ts), by request id. */
  | { kind: 'call'; step: 'arrive' | 'done' | 'reply' | 'timeout'; request: number }
  /** A consumer's fetch reaches the broker, or its response reaches the consumer (one network hop). */
  | ({ kind: 'fetch' } & InstanceRef)
  /** The broker's fetch.max.wait.ms timer for a consumer's parked fetch (DelayedFetch). */
  | ({ kind: 'fetchMaxWait' } & InstanceRef)
  /** onJoinPrepare's commit reaches the coordinator, or its response the member. */
  | ({ kind: 'joinPrepareCommit' } & InstanceRef)
  /** Brokers, replication and the produce path (broker/), when the scenario has brokers. */
  | { kind: 'cluster'; event: ClusterEvent };

/** Small integer per kind, fed to the trace hash. */
export const ENGINE_EVENT_CODES: Record<EngineEvent['kind'], number> = {
  produce: 1,
  poll: 2,
  recordDone: 3,
  heartbeat: 4,
  pollTimerCheck: 5,
  sessionCheck: 6,
  joinDeadline: 7,
  syncDone: 8,
  retentionCheck: 9,
  sample: 10,
  syncDeadline: 11,
  producerMetadata: 12,
  consumerMetadata: 13,
  call: 30,
  fetch: 14,
  fetchMaxWait: 15,
  joinPrepareCommit: 16,
  cluster: 17,
};
