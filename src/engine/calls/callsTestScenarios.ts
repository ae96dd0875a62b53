/** Small call scenarios for the calls tests (imported only by `*.test.ts`). */
import type { CallsSpec } from './callSpec';
import type { Scenario, ServiceSpec, TimedCommand } from '../scenario';

export function callScenario(
  calls: CallsSpec,
  services: ServiceSpec[],
  options: { ratePerSec?: number; actions?: TimedCommand[]; arrival?: 'poisson' | 'fixed'; latencyMs?: number } = {},
): Scenario {
  return {
    format: 'logscope-scenario',
    version: 1,
    seed: 11,
    topics: [],
    producers: [
      { id: 'web', ratePerSec: options.ratePerSec ?? 5, arrival: options.arrival, keys: { kind: 'sequence', prefix: 'order-' }, calls },
    ],
    services,
    network: options.latencyMs === undefined ? undefined : { latencyMs: options.latencyMs },
    actions: options.actions ?? [],
  };
}

export const callee = (id: string, processingMs = 10, threads?: number, instances = 1): ServiceSpec => ({
  id,
  subscribe: [],
  processingMs,
  instances,
  ...(threads === undefined ? {} : { threads }),
});
