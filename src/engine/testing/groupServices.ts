/**
 * Shared pieces of the consumer-group tests: an email service over the order scenario and the
 * event log as "atMs text" lines.
 */
import type { ServiceSpec } from '../scenario';
import type { Simulation } from '../simulation';

export const checked = { checkInvariants: true };

export function emailService(extra: Partial<ServiceSpec> = {}, config: ServiceSpec['config'] = {}): ServiceSpec {
  return {
    id: 'email',
    subscribe: ['orders'],
    instances: 2,
    processingMs: 5,
    ...extra,
    config: { 'auto.offset.reset': 'earliest', 'session.timeout.ms': 10_000, ...config },
  };
}

export function eventTexts(sim: Simulation): string[] {
  return sim.events().map((e) => `${e.atMs} ${e.text}`);
}
