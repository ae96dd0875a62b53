/**
 * Presets of the checkout story: outages, late subscribers, rebuilding read models, commands
 * versus events, pub/sub versus queues.
 */
import type { Scenario } from '../../engine';
import { checkout } from './checkout';

export const emailOutage: Scenario = {
  ...checkout,
  title: 'Email outage: orders keep flowing, email catches up',
  notes: [
    { atMs: 0, text: 'inventory, billing and email consume OrderPlaced independently.' },
    { atMs: 20_000, text: 'Email goes down. Do orders stop? Watch inventory and billing keep up.' },
    {
      atMs: 30_000,
      text: "Email's committed offset is frozen; its lag grows with every order.",
      when: {
        all: [
          { compare: { path: 'groups.email.members.email-0.status' }, op: '=', to: 'crashed' },
          { compare: { path: 'groups.email.offsets.*.lag' }, op: '>=', to: 20 },
        ],
      },
    },
    {
      atMs: 50_000,
      text: 'Email is back: it resumes from its committed offset and reads what it missed.',
      when: { compare: { path: 'groups.email.members.email-0.status' }, op: '=', to: 'running' },
    },
    {
      atMs: 51_000,
      text: 'Duplicates: email crashed before committing the orders it had just processed, so it reads them again and sends those receipts twice. At-least-once delivery.',
      when: { compare: { path: 'stats.email.duplicates' }, op: '>', to: 0 },
    },
    {
      atMs: 60_000,
      text: 'Caught up: email has processed every order, later than inventory and billing: that delay is eventual consistency. The duplicate receipts stay: its handler is not idempotent.',
      when: {
        all: [
          { compare: { path: 'groups.email.offsets.*.position' }, op: '>=', to: { path: 'topics.orders.partitions.*.highWatermark', plus: -10 } },
          { compare: { path: 'stats.email.uniqueProcessed' }, op: '>=', to: { path: 'stats.billing.uniqueProcessed', plus: -10 } },
          { compare: { path: 'stats.email.duplicates' }, op: '>', to: 0 },
        ],
      },
    },
  ],
  // Burrow fetches high watermarks every 10 s by default and keeps 10 of them: a 30 s outage
  // would never leave OK. Fetched every 2 s, the 10 it keeps span 20 s: STOP within the outage.
  burrow: { 'offset-refresh': 2 },
  actions: [
    { atMs: 20_000, type: 'crash', target: 'email-0' },
    { atMs: 50_000, type: 'start', target: 'email-0' },
  ],
};

const fraudCheck = (reset: 'earliest' | 'latest') => ({
  id: 'fraud-check',
  subscribe: ['orders'],
  handler: 'scoreFraud',
  config: { 'auto.offset.reset': reset },
});

export const lateFraudCheck: Scenario = {
  ...checkout,
  title: 'A fraud check added later needs zero changes to checkout',
  notes: [
    { atMs: 0, text: 'checkout knows nothing about who consumes its events.' },
    { atMs: 60_000, text: 'fraud-check subscribes to orders. No producer changes; it replays all retained history (earliest).' },
    { atMs: 70_000, text: 'The orders log is exactly what it would have been without fraud-check.' },
  ],
  actions: [{ atMs: 60_000, type: 'addService', service: fraudCheck('earliest') }],
};

export const lateFraudCheckLatest: Scenario = {
  ...lateFraudCheck,
  title: 'A late fraud check starting from latest sees only new orders',
  notes: [
    { atMs: 0, text: 'Orders flow to inventory, billing and email. fraud-check does not exist yet.' },
    { atMs: 60_000, text: 'fraud-check subscribes with auto.offset.reset=latest: history is not replayed.' },
    {
      atMs: 64_000,
      text: 'Its first offsets are the log end at the moment it joined: orders placed earlier get no fraud score.',
      when: {
        all: [
          { event: 'offsets.reset', where: { group: 'fraud-check', policy: 'latest' }, since: 'lesson' },
          { compare: { path: 'stats.fraud-check.uniqueProcessed' }, op: '<', to: { path: 'topics.orders.partitions.*.logEndOffset', plus: -100 } },
        ],
      },
    },
    { atMs: 75_000, text: 'Compare with late-fraud-check (earliest), which scores every retained order.' },
  ],
  actions: [{ atMs: 60_000, type: 'addService', service: fraudCheck('latest') }],
};

export const cqrsRebuild: Scenario = {
  ...checkout,
  title: 'Rebuild a read model from the log (event sourcing, CQRS)',
  notes: [
    { atMs: 30_000, text: 'inventory stops; its group is now Empty.', when: { compare: { path: 'groups.inventory.state' }, op: '=', to: 'Empty' } },
    { atMs: 31_000, text: 'Reset inventory to earliest with rebuild: its stock table is cleared.' },
    {
      atMs: 32_000,
      text: 'inventory starts again and rebuilds its stock from the retained log: the log is the source of truth.',
      when: { compare: { path: 'stats.inventory.replayed' }, op: '>', to: 0 },
    },
  ],
  actions: [
    { atMs: 30_000, type: 'stop', target: 'inventory-0' },
    { atMs: 31_000, type: 'resetOffsets', group: 'inventory', to: 'earliest', rebuild: true },
    { atMs: 32_000, type: 'start', target: 'inventory-0' },
  ],
};

export const commandsVsEvents: Scenario = {
  ...checkout,
  title: 'Commands vs events: PlaceOrder is directed and rejectable, OrderPlaced is a fact',
  producers: [
    {
      id: 'web',
      command: 'PlaceOrder',
      to: 'checkout',
      ratePerSec: 5,
      keys: { kind: 'sequence', prefix: 'order-' },
      invalidRatio: 0.2,
    },
  ],
  services: [
    { id: 'checkout', subscribe: [], handler: 'acceptOrder', emitTo: 'orders', processingMs: 0 },
    ...checkout.services,
  ],
  notes: [
    { atMs: 0, text: 'web sends PlaceOrder commands to one owner, checkout, which may reject them.' },
    { atMs: 5000, text: 'Accepted orders become OrderPlaced events: facts, delivered to every subscribed group.' },
    {
      atMs: 15_000,
      text: 'Rejected commands never reach the log: nobody downstream sees them.',
      when: {
        all: [
          { compare: { path: 'commands.checkout.rejected' }, op: '>', to: 0 },
          { compare: { path: 'topics.orders.partitions.*.logEndOffset' }, op: '=', to: { path: 'commands.checkout.accepted' } },
        ],
      },
    },
  ],
};

export const pubsubVsQueue: Scenario = {
  format: 'logscope-scenario',
  version: 1,
  title: 'Pub/sub vs queue: one group shares the work, separate groups each get everything',
  seed: 11,
  topics: [{ name: 'tasks', partitions: 3, config: { 'retention.ms': 600_000, 'segment.ms': 30_000 } }],
  producers: [{ id: 'scheduler', topic: 'tasks', ratePerSec: 6, event: 'TaskCreated', keys: { kind: 'uniform', prefix: 'task-', count: 1000 } }],
  services: [
    { id: 'workers', subscribe: ['tasks'], instances: 3, processingMs: 50, config: { 'auto.offset.reset': 'earliest' } },
    { id: 'audit', subscribe: ['tasks'], config: { 'auto.offset.reset': 'earliest' } },
    { id: 'search', subscribe: ['tasks'], config: { 'auto.offset.reset': 'earliest' } },
    { id: 'analytics', subscribe: ['tasks'], config: { 'auto.offset.reset': 'earliest' } },
  ],
  notes: [
    { atMs: 0, text: 'workers is one group of three instances: each task is handled once, by one of them (like a queue).' },
    {
      atMs: 5000,
      text: 'audit, search and analytics are three groups: each gets every task (pub/sub).',
      when: {
        all: [
          { compare: { path: 'stats.audit.uniqueProcessed' }, op: '>', to: 0 },
          { compare: { path: 'stats.search.uniqueProcessed' }, op: '=', to: { path: 'stats.audit.uniqueProcessed' } },
          { compare: { path: 'stats.analytics.uniqueProcessed' }, op: '=', to: { path: 'stats.audit.uniqueProcessed' } },
        ],
      },
    },
    {
      atMs: 15_000,
      text: 'Nothing is removed when read: every record stays in the log until retention deletes it.',
      when: {
        all: [
          { compare: { path: 'topics.tasks.partitions.*.logStartOffset' }, op: '=', to: 0 },
          { compare: { path: 'stats.workers.uniqueProcessed' }, op: '>', to: 0 },
        ],
      },
    },
  ],
};
