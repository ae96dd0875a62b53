/**
 * Fixtures for the parseScenario tests (imported only by `*.test.ts`): the doc/design.md example and
 * edits of it.
 */
import { formatScenarioErrors } from './parseScenario';
import type { ParseResult } from './parseScenario';

/** The example scenario of doc/design.md, contract 2, verbatim. */
export const EXAMPLE = {
  format: 'logscope-scenario',
  version: 1,
  title: 'Checkout with a flaky email service',
  seed: 7,
  topics: [
    {
      name: 'orders',
      partitions: 3,
      config: { 'retention.ms': 600000, 'segment.ms': 60000, 'cleanup.policy': 'delete' },
    },
    { name: 'payments', partitions: 2 },
  ],
  producers: [
    {
      id: 'checkout',
      topic: 'orders',
      ratePerSec: 5,
      event: 'OrderPlaced',
      keys: { kind: 'sequence', prefix: 'order-' },
    },
  ],
  services: [
    { id: 'billing', subscribe: ['orders'], handler: 'chargePayment', emitTo: 'payments' },
    {
      id: 'email',
      subscribe: ['orders'],
      instances: 1,
      handler: 'sendReceipt',
      processingMs: 20,
      idempotent: false,
      config: {
        'enable.auto.commit': true,
        'auto.commit.interval.ms': 5000,
        'auto.offset.reset': 'earliest',
        'session.timeout.ms': 10000,
        'heartbeat.interval.ms': 3000,
        'max.poll.records': 500,
        'partition.assignment.strategy': 'range',
      },
    },
  ],
  broker: { 'log.retention.check.interval.ms': 1000, 'group.initial.rebalance.delay.ms': 3000 },
  notes: [{ atMs: 20000, text: 'Email goes down. Do orders stop?' }],
  actions: [
    { atMs: 20000, type: 'crash', target: 'email-0' },
    { atMs: 50000, type: 'start', target: 'email-0' },
  ],
};

export type Path = readonly (string | number)[];
export const DELETE = Symbol('delete');

/** A deep copy of the example with `value` written at `path` (or the field deleted). */
export function withValue(path: Path, value: unknown): Record<string, unknown> {
  const draft = structuredClone(EXAMPLE) as Record<string, unknown>;
  setAt(draft, path, value);
  return draft;
}

export function setAt(root: unknown, path: Path, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] ?? '';
  if (value === DELETE) delete node[last];
  else node[last] = value;
}

export function accepted(result: ParseResult) {
  if (!result.ok) throw new Error(`refused:\n${formatScenarioErrors(result.errors)}`);
  return result;
}
