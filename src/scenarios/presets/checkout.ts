import type { Scenario } from '../../engine';

/**
 * The default lab: checkout emits OrderPlaced; inventory, billing and email consume it
 * independently; billing emits PaymentCharged, which shipping consumes (a second hop).
 */
export const checkout: Scenario = {
  format: 'logscope-scenario',
  version: 1,
  title: 'Checkout: one event, independent consumers',
  seed: 7,
  topics: [
    { name: 'orders', partitions: 3, config: { 'retention.ms': 600_000, 'segment.ms': 60_000 } },
    { name: 'payments', partitions: 2, config: { 'retention.ms': 600_000, 'segment.ms': 60_000 } },
  ],
  producers: [
    { id: 'checkout', topic: 'orders', ratePerSec: 5, event: 'OrderPlaced', keys: { kind: 'sequence', prefix: 'order-' } },
  ],
  services: [
    { id: 'inventory', subscribe: ['orders'], handler: 'reserveStock', config: { 'auto.offset.reset': 'earliest' } },
    { id: 'billing', subscribe: ['orders'], handler: 'chargePayment', emitTo: 'payments', config: { 'auto.offset.reset': 'earliest' } },
    {
      id: 'email',
      subscribe: ['orders'],
      handler: 'sendReceipt',
      processingMs: 20,
      config: { 'auto.offset.reset': 'earliest', 'session.timeout.ms': 10_000 },
    },
    { id: 'shipping', subscribe: ['payments'], handler: 'shipOrder', config: { 'auto.offset.reset': 'earliest' } },
  ],
  notes: [
    { atMs: 0, text: 'checkout appends OrderPlaced events to the orders topic, spread over 3 partitions by key.' },
    {
      atMs: 4000,
      text: 'Each service is its own consumer group: each reads every event at its own pace.',
      when: {
        all: [
          { compare: { path: 'stats.inventory.uniqueProcessed' }, op: '>', to: 0 },
          { compare: { path: 'stats.billing.uniqueProcessed' }, op: '>', to: 0 },
          { compare: { path: 'stats.email.uniqueProcessed' }, op: '>', to: 0 },
        ],
      },
    },
    {
      atMs: 8000,
      text: 'billing emits PaymentCharged to payments; shipping reacts to that: a two-hop pipeline.',
      when: { compare: { path: 'stats.shipping.uniqueProcessed' }, op: '>', to: 0 },
    },
  ],
};
