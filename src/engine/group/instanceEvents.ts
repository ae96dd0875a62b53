/**
 * An instance's own queued events (engineEvents.ts) for its poll loop and its fetcher, made once
 * and frozen: these are scheduled about once per record delivered (each fetch hop, each poll),
 * and a fresh `{ kind, ...ref }` object per schedule was a good part of what the engine
 * allocated. Queued events are plain data that nothing changes, so one frozen object can be
 * queued any number of times, and checkpoint copies share it (deepClone.ts).
 */
import type { EngineEvent } from '../engineEvents';

export interface InstanceEvents {
  readonly poll: EngineEvent;
  readonly recordDone: EngineEvent;
  readonly fetch: EngineEvent;
  readonly fetchMaxWait: EngineEvent;
}

export function instanceEvents(service: string, instance: number): InstanceEvents {
  return Object.freeze({
    poll: Object.freeze({ kind: 'poll', service, instance }),
    recordDone: Object.freeze({ kind: 'recordDone', service, instance }),
    fetch: Object.freeze({ kind: 'fetch', service, instance }),
    fetchMaxWait: Object.freeze({ kind: 'fetchMaxWait', service, instance }),
  });
}
