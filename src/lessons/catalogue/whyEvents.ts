import type { Lesson } from '../lessonTypes';
import { lessonMeta } from './lessonIndex';

/**
 * Lesson 0: why events at all. Two shops in one run take the same orders: one places each order
 * through a chain of calls (inventory-api → billing-api → email-api), the other appends an
 * OrderPlaced event that inventory, billing and email read from the log. Email goes down in
 * both at once.
 */
export const whyEvents: Lesson = {
  format: 'logscope-lesson',
  version: 1,
  ...lessonMeta('why-events'),
  speed: 1,
  start: {
    scenario: {
      format: 'logscope-scenario',
      version: 1,
      title: 'Two shops, one email outage: calls vs events',
      seed: 7,
      topics: [{ name: 'orders', partitions: 3, config: { 'retention.ms': 600_000, 'segment.ms': 60_000 } }],
      producers: [
        {
          id: 'shop-calls',
          ratePerSec: 5,
          keys: { kind: 'sequence', prefix: 'call-order-' },
          calls: { targets: ['inventory-api', 'billing-api', 'email-api'], mode: 'chain', timeoutMs: 1000, retries: 0 },
        },
        { id: 'shop-events', topic: 'orders', ratePerSec: 5, event: 'OrderPlaced', keys: { kind: 'sequence', prefix: 'order-' } },
      ],
      services: [
        { id: 'inventory-api', subscribe: [], handler: 'reserveStock' },
        { id: 'billing-api', subscribe: [], handler: 'chargePayment' },
        { id: 'email-api', subscribe: [], handler: 'sendReceipt', processingMs: 20 },
        { id: 'inventory', subscribe: ['orders'], handler: 'reserveStock', config: { 'auto.offset.reset': 'earliest' } },
        { id: 'billing', subscribe: ['orders'], handler: 'chargePayment', config: { 'auto.offset.reset': 'earliest' } },
        {
          id: 'email',
          subscribe: ['orders'],
          handler: 'sendReceipt',
          processingMs: 20,
          config: { 'auto.offset.reset': 'earliest', 'session.timeout.ms': 10_000 },
        },
      ],
      notes: [
        {
          atMs: 0,
          text: 'Two shops take the same orders. Top: shop-calls calls inventory-api, which calls billing-api, which calls email-api. Below: shop-events appends OrderPlaced to the orders log, and inventory, billing and email each read it.',
        },
      ],
    },
  },
  teacherNotes: [
    'Most students expect the two shops to behave alike: "a service is down, so something fails". The point is where the failure lands.',
    'Ask: in the call chain, who is waiting for email when checkout places an order? In the event shop, who waits?',
    'After the outage, point at the failed orders: a failed call is gone, while the events waited in the log for email.',
    'Discussion: what would it take to make the call chain survive an email outage (retries, a queue...)? That queue is most of the way to a log.',
  ],
  steps: [
    {
      kind: 'observe',
      text: 'Press Play and watch for eight seconds: both shops take about 5 orders a second. In the top shop every order is a chain of calls; in the bottom one, an event in the log.',
      highlight: ['shop-calls', 'shop-events', 'orders'],
      until: {
        all: [
          { elapsedMs: 8000 },
          { compare: { path: 'requests.shop-calls.succeeded' }, op: '>', to: 0 },
          { compare: { path: 'stats.email.uniqueProcessed' }, op: '>', to: 0 },
        ],
      },
      withinMs: 20_000,
      hint: 'Press Play (or Space). The step goes on by itself after eight seconds of the run.',
    },
    {
      kind: 'predict',
      id: 'calls-when-email-down',
      text: 'Email is about to go down in both shops. While it is down, what happens to orders placed through the call chain?',
      highlight: ['shop-calls', 'email-api'],
      options: [
        { id: 'fail', text: 'They fail: no order can complete while email is down', correct: true, why: 'Right: each order succeeds only if every call in the chain does. email-api refuses billing-api, which fails inventory-api, which fails the shop.' },
        { id: 'slow', text: 'They succeed, only more slowly', correct: false, why: 'Nothing in a call chain can finish an order without its last link: the callers can only wait, time out or fail.' },
        { id: 'later', text: 'They wait and go through once email is back', correct: false, why: 'A call that fails is gone unless the caller stores and retries it. Nothing here keeps the order, so it never completes.' },
        { id: 'unaffected', text: 'Only the receipts are missing; orders succeed', correct: false, why: 'That is what a log gives you. In a chain of calls, email failing fails the whole request.' },
      ],
    },
    {
      kind: 'predict',
      id: 'events-when-email-down',
      text: 'And in the event-driven shop: while email is down, what happens to orders?',
      highlight: ['shop-events', 'email'],
      options: [
        { id: 'accepted', text: 'Orders are accepted and stock and payment go on; receipts wait in the log', correct: true, why: 'Right: shop-events only appends to the log. inventory and billing read on; email\'s records wait for it at its committed offset.' },
        { id: 'fail', text: 'Orders fail, as in the call chain', correct: false, why: 'shop-events does not call email, or anyone: appending to the log succeeds whoever reads it later.' },
        { id: 'block', text: 'Orders pile up in shop-events until email returns', correct: false, why: 'The producer does not wait for consumers. The records are in the log; only email\'s reading stops.' },
        { id: 'lost', text: 'Orders are accepted, but the receipts for them are lost', correct: false, why: 'The log keeps the events (for the retention time): email reads them when it is back, from its committed offset.' },
      ],
    },
    {
      kind: 'act',
      text: 'Take email down in both shops: crash email-api-0 and email-0.',
      highlight: ['email-api-0', 'email-0'],
      tab: 'groups',
      goal: {
        all: [
          { compare: { path: 'groups.email-api.members.email-api-0.status' }, op: '!=', to: 'running' },
          { compare: { path: 'groups.email.members.email-0.status' }, op: '!=', to: 'running' },
        ],
      },
      reference: [
        { type: 'crash', target: 'email-api-0' },
        { type: 'crash', target: 'email-0' },
      ],
    },
    {
      kind: 'observe',
      text: 'The clock runs. Watch the failed orders pile up at shop-calls, while the orders log keeps growing and email falls behind.',
      highlight: ['shop-calls', 'orders', 'email'],
      until: {
        all: [
          { elapsedMs: 15_000 },
          { compare: { path: 'requests.shop-calls.failed' }, op: '>=', to: 30 },
          { compare: { path: 'groups.email.offsets.*.lag' }, op: '>=', to: 20 },
        ],
      },
      withinMs: 40_000,
      hint: 'Press Play if the clock is paused. The step waits for 15 s of outage.',
    },
    {
      kind: 'explain',
      prediction: 'calls-when-email-down',
      text: 'Your prediction for the call chain beside what the run measured. Every order attempted during the outage failed: one service down took the whole checkout down.',
      measured: [
        { label: 'orders attempted through calls', value: { path: 'requests.shop-calls.attempted' } },
        { label: 'succeeded', value: { path: 'requests.shop-calls.succeeded' } },
        { label: 'failed', value: { path: 'requests.shop-calls.failed' } },
        { label: 'timed out', value: { path: 'requests.shop-calls.timedOut' } },
      ],
    },
    {
      kind: 'explain',
      prediction: 'events-when-email-down',
      text: 'Your prediction for the event-driven shop beside what the run measured. Every order is in the log; inventory and billing kept up; email\'s orders wait for it.',
      measured: [
        { label: 'orders in the log', value: { path: 'topics.orders.partitions.*.logEndOffset' } },
        { label: 'orders inventory has processed', value: { path: 'stats.inventory.uniqueProcessed' } },
        { label: 'orders billing has processed', value: { path: 'stats.billing.uniqueProcessed' } },
        { label: 'orders email has processed', value: { path: 'stats.email.uniqueProcessed' } },
        { label: "email's lag (log end − committed offset)", value: { path: 'groups.email.offsets.*.lag' }, unit: 'records' },
      ],
    },
    {
      kind: 'act',
      text: 'Bring email back in both shops: start email-api-0 and email-0 again.',
      highlight: ['email-api-0', 'email-0'],
      tab: 'groups',
      goal: {
        all: [
          { compare: { path: 'groups.email-api.members.email-api-0.status' }, op: '=', to: 'running' },
          { compare: { path: 'groups.email.members.email-0.status' }, op: '=', to: 'running' },
        ],
      },
      reference: [
        { type: 'start', target: 'email-api-0' },
        { type: 'start', target: 'email-0' },
      ],
    },
    {
      kind: 'observe',
      text: 'Watch email catch up on the orders it missed, while the failed calls stay failed.',
      highlight: ['email', 'shop-calls'],
      until: { compare: { path: 'groups.email.offsets.*.lag' }, op: '<=', to: 5 },
      withinMs: 60_000,
      hint: 'Press Play if the clock is paused. The step waits until email is (nearly) caught up.',
    },
    {
      kind: 'check',
      text: 'Check: the event-driven shop lost no order (email has processed almost everything in the log), while the call chain\'s failed orders are still failed.',
      goal: {
        all: [
          { compare: { path: 'requests.shop-calls.failed' }, op: '>=', to: 30 },
          { compare: { path: 'groups.email.offsets.*.lag' }, op: '<=', to: 5 },
          { compare: { path: 'stats.email.uniqueProcessed' }, op: '>=', to: { path: 'topics.orders.partitions.*.logEndOffset', plus: -10 } },
        ],
      },
      notYet: 'Not yet: take email down in both shops for a while (at least 30 failed orders), bring it back and let email catch up.',
    },
    {
      kind: 'free',
      text: 'Explore from here: slow email-api down instead of crashing it (the chain\'s callers run out of workers and time out), or open the gallery\'s "sync vs events" comparison.',
      highlight: ['email-api'],
    },
  ],
};
