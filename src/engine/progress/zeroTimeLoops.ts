/**
 * Services that feed each other at zero virtual time can never let the clock move: a handler
 * that emits (e.g. chargePayment) and takes 0 ms per record, subscribed (directly or through
 * other such services) to the topic it emits to, appends a record for every record it reads at
 * the same instant, forever. Such a loop is refused before it runs: by the scenario validator,
 * and by the engine for commands (`addService`, `slow`) that would close one.
 */
import { handlerFor } from '../service/handlers';

export interface LoopCandidate {
  id: string;
  subscribe: readonly string[];
  emitTo?: string;
  handler?: string;
  /** The fastest a record of this service can take, in whole virtual ms (0 = no time at all). */
  recordMs: number;
}

export const DEFAULT_PROCESSING_MS = 10;

/** A record's duration as the engine computes it: processingMs × slow factor, rounded. */
export function recordDurationMs(processingMs: number | undefined, slowFactor = 1): number {
  return Math.max(0, Math.round((processingMs ?? DEFAULT_PROCESSING_MS) * slowFactor));
}

/**
 * The services of one zero-time loop, in the order records flow through them (the first one
 * found), or null when there is none.
 */
export function findZeroTimeLoop(services: readonly LoopCandidate[]): string[] | null {
  // Edges topic → topic through a service that emits at zero time.
  const zeroTime = services.filter((s) => s.recordMs === 0 && s.emitTo !== undefined && handlerFor(s.handler ?? 'noop')?.emits === true);
  const state = new Map<string, 'open' | 'done'>();
  // services[i] is the service that carried records out of topics[i].
  const topics: string[] = [];
  const carriers: string[] = [];

  function visit(topic: string): string[] | null {
    state.set(topic, 'open');
    topics.push(topic);
    for (const service of zeroTime) {
      if (!service.subscribe.includes(topic)) continue;
      const next = service.emitTo!;
      carriers.push(service.id);
      if (state.get(next) === 'open') return carriers.slice(topics.indexOf(next));
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
      carriers.pop();
    }
    topics.pop();
    state.set(topic, 'done');
    return null;
  }

  for (const topic of [...new Set(zeroTime.flatMap((s) => s.subscribe))].sort()) {
    if (state.has(topic)) continue;
    const found = visit(topic);
    if (found) return found;
  }
  return null;
}
