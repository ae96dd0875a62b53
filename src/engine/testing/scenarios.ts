/**
 * Small scenarios for engine tests, built in code (the engine does not import presets).
 */
import type { Scenario, ServiceSpec } from '../scenario';

export function orderScenario(overrides: Partial<Scenario> = {}, services?: ServiceSpec[]): Scenario {
  return {
    format: 'logscope-scenario',
    version: 1,
    seed: 7,
    topics: [{ name: 'orders', partitions: 3 }],
    producers: [
      { id: 'checkout', topic: 'orders', ratePerSec: 20, event: 'OrderPlaced', keys: { kind: 'sequence', prefix: 'order-' } },
    ],
    services: services ?? [
      { id: 'inventory', subscribe: ['orders'], config: { 'auto.offset.reset': 'earliest' } },
      { id: 'billing', subscribe: ['orders'], config: { 'auto.offset.reset': 'earliest' } },
      { id: 'email', subscribe: ['orders'], processingMs: 20, config: { 'auto.offset.reset': 'earliest', 'session.timeout.ms': 10_000 } },
    ],
    ...overrides,
  };
}
