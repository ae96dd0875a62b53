/**
 * The engine's own scheduled events: the items of the one event queue. Each names the entity
 * it wakes; `simulation.ts` dispatches each kind to the part that owns it.
 */
import type { ConsumerInstance } from './group/consumerInstance';
import type { ConsumerLiveness } from './group/consumerLiveness';
import type { GroupCoordinator } from './group/coordinator';
import type { Producer } from './producer/producer';

export type EngineEvent =
  | { kind: 'produce'; producer: Producer }
  | { kind: 'poll'; instance: ConsumerInstance }
  | { kind: 'recordDone'; instance: ConsumerInstance }
  | { kind: 'heartbeat'; instance: ConsumerLiveness }
  | { kind: 'pollTimerCheck'; instance: ConsumerLiveness }
  | { kind: 'sessionCheck'; group: GroupCoordinator; memberId: string }
  | { kind: 'joinDeadline'; group: GroupCoordinator; epoch: number }
  | { kind: 'syncDone'; group: GroupCoordinator; generation: number }
  | { kind: 'syncDeadline'; group: GroupCoordinator; generation: number }
  | { kind: 'retentionCheck' }
  | { kind: 'sample' };

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
};
