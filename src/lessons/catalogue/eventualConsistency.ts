import type { Lesson } from '../lessonTypes';
import { lessonMeta } from './lessonIndex';

/** Lesson 8: each read model applies a new event in its own time, so views disagree for a while. */
export const eventualConsistency: Lesson = {
  format: 'logscope-lesson',
  version: 1,
  ...lessonMeta('eventual-consistency'),
  speed: 1,
  start: {
    scenario: {
      format: 'logscope-scenario',
      version: 1,
      title: 'Eventual consistency',
      seed: 8,
      broker: { 'group.initial.rebalance.delay.ms': 0 },
      topics: [{ name: 'orders', partitions: 3, config: { 'retention.ms': 600_000, 'segment.ms': 60_000 } }],
      producers: [
        {
          id: 'checkout',
          topic: 'orders',
          ratePerSec: 1,
          arrival: 'fixed',
          event: 'OrderPlaced',
          keys: { kind: 'sequence', prefix: 'order-' },
        },
      ],
      services: [
        { id: 'inventory', subscribe: ['orders'], handler: 'reserveStock', processingMs: 5, config: { 'auto.offset.reset': 'earliest' } },
        { id: 'email', subscribe: ['orders'], handler: 'sendReceipt', processingMs: 400, config: { 'auto.offset.reset': 'earliest' } },
      ],
    },
  },
  teacherNotes: [
    'Most students expect email to hold the order the moment checkout has appended it: they picture one database updated in one transaction.',
    'Ask: who tells email about order-10? (No one: email reads the log when it gets there.) And does checkout wait for email? (No.)',
    'Here the window is normally under half a second, so a "not found" is easy to miss: in real systems such bugs often show up only under load.',
    'While email is slow the window grows with the queue: each order waits for all the orders in front of it. Restoring the speed shrinks it again, but only after the backlog is worked off.',
    'Discussion: a customer places an order and at once opens "my receipts". What should that page show, and how could it avoid confusing them?',
  ],
  steps: [
    {
      kind: 'observe',
      text: 'Press Play. checkout appends one order a second. inventory applies each one in 5 ms; email needs 400 ms to send a receipt. The run pauses just after order-10 is appended.',
      highlight: ['orders', 'inventory', 'email'],
      until: { compare: { path: 'readModels.inventory.reservations.order-10' }, op: '>=', to: 1 },
      withinMs: 20_000,
      hint: 'Press Play (or Space). The step goes on by itself once order-10 is in the log.',
    },
    {
      kind: 'predict',
      id: 'fresh-order',
      text: 'order-10 has just been appended to the log. Does email\'s read model already have its receipt?',
      highlight: ['email', 'orders'],
      options: [
        {
          id: 'everywhere',
          text: 'Yes: once it is in the log, every view has it',
          correct: false,
          why: 'Appending to the log updates the log, nothing else. Each service reads the record and updates its own read model later, at its own pace.',
        },
        {
          id: 'not-yet',
          text: 'Not yet: email applies it a moment later, even if inventory already has it',
          correct: true,
          why: 'Right: every read model catches up on its own. For a short window inventory has the order and email does not; then both agree.',
        },
        {
          id: 'never',
          text: 'No, and it never will unless checkout sends it to email',
          correct: false,
          why: 'checkout does not send to anyone: email reads the log by itself, so the receipt follows without checkout doing anything.',
        },
        {
          id: 'checkout-waits',
          text: 'Yes: checkout waits until every service has the order before going on',
          correct: false,
          why: 'checkout only waits for the log to store the record. It does not know who reads its events, let alone wait for them.',
        },
      ],
    },
    {
      kind: 'act',
      text: 'Without running the clock, ask inventory\'s read model and then email\'s read model whether they hold order-10 (select a service: its panel can ask its read model).',
      highlight: ['inventory', 'email'],
      tab: 'events',
      goal: {
        all: [
          { event: 'query', where: { service: 'inventory', entity: 'order-10', hit: true } },
          { event: 'query', where: { service: 'email', entity: 'order-10', hit: false } },
        ],
      },
      reference: [
        { type: 'query', service: 'inventory', entity: 'order-10' },
        { type: 'query', service: 'email', entity: 'order-10' },
      ],
    },
    {
      kind: 'observe',
      text: 'inventory has order-10, email does not (yet). Let the clock run a moment: email finishes order-10 and sends its receipt.',
      highlight: ['email'],
      until: {
        all: [
          { elapsedMs: 1000 },
          { compare: { path: 'readModels.email.receiptsSent.order-10' }, op: '>=', to: 1 },
        ],
      },
      withinMs: 10_000,
      hint: 'Press Play if the clock is paused. Email needs less than a second.',
    },
    {
      kind: 'act',
      text: 'Ask email\'s read model about order-10 again.',
      highlight: ['email'],
      tab: 'events',
      goal: { event: 'query', where: { service: 'email', entity: 'order-10', hit: true } },
      reference: [{ type: 'query', service: 'email', entity: 'order-10' }],
    },
    {
      kind: 'explain',
      prediction: 'fresh-order',
      text: 'Your prediction beside what the run measured: the same question got two answers, a moment apart. The longest wait so far is email\'s consistency window.',
      highlight: ['email', 'inventory'],
      measured: [
        { label: 'queries answered "not found"', value: { events: 'query', where: { hit: false }, since: 'lesson' } },
        { label: 'queries answered "found"', value: { events: 'query', where: { hit: true }, since: 'lesson' } },
        { label: 'email: longest append → receipt', value: { path: 'groups.email.maxConsistencyWindowMs' }, unit: 'ms' },
        { label: 'inventory: longest append → applied', value: { path: 'groups.inventory.maxConsistencyWindowMs' }, unit: 'ms' },
      ],
    },
    {
      kind: 'predict',
      id: 'slow-window',
      text: 'Email is about to become ten times slower (4 s per order) while checkout keeps placing one order a second. How long will a new order wait for its receipt?',
      highlight: ['email', 'checkout'],
      options: [
        {
          id: 'same',
          text: 'About the same, under a second',
          correct: false,
          why: 'Email now needs 4 s per order while a new one arrives every second, so orders queue up in front of it.',
        },
        {
          id: 'growing',
          text: 'Several seconds, and longer the longer email stays slow',
          correct: true,
          why: 'Right: each order waits for all the orders ahead of it. The queue, and with it the window, grows as long as email is slower than checkout.',
        },
        {
          id: 'lost',
          text: 'Some orders never get a receipt: email cannot keep up',
          correct: false,
          why: 'The orders wait in the log. Email falls behind, but it gets to every one of them in the end.',
        },
        {
          id: 'backpressure',
          text: 'checkout slows down to email\'s pace, so the wait stays short',
          correct: false,
          why: 'The log decouples them: checkout never waits for its readers, so the difference piles up as lag instead.',
        },
      ],
    },
    {
      kind: 'act',
      text: 'Make email ten times slower.',
      highlight: ['email-0'],
      tab: 'groups',
      goal: { compare: { path: 'groups.email.members.email-0.slowFactor' }, op: '>=', to: 5 },
      reference: [{ type: 'slow', target: 'email-0', factor: 10 }],
    },
    {
      kind: 'observe',
      text: 'Watch email\'s lag and staleness grow while inventory stays current. The step waits until some order has waited at least 5 seconds for its receipt.',
      highlight: ['email', 'inventory'],
      tab: 'groups',
      until: {
        all: [
          { elapsedMs: 10_000 },
          { compare: { path: 'groups.email.maxConsistencyWindowMs' }, op: '>=', to: 5000 },
        ],
      },
      withinMs: 60_000,
      hint: 'Press Play if the clock is paused, and keep email slow. Each order now waits behind the ones in front of it.',
    },
    {
      kind: 'act',
      text: 'Give email its normal speed back.',
      highlight: ['email-0'],
      tab: 'groups',
      goal: {
        all: [
          { event: 'member.slowed', where: { service: 'email' } },
          { compare: { path: 'groups.email.members.email-0.slowFactor' }, op: '<=', to: 1 },
        ],
      },
      reference: [{ type: 'slow', target: 'email-0', factor: 1 }],
    },
    {
      kind: 'observe',
      text: 'Email works off its backlog. Watch its staleness (the age of the oldest order it has not applied) shrink to almost nothing.',
      highlight: ['email'],
      tab: 'groups',
      until: {
        all: [
          { compare: { path: 'groups.email.staleness.seconds' }, op: '<=', to: 0.5 },
          { compare: { path: 'groups.email.staleness.records' }, op: '<=', to: 1 },
        ],
      },
      withinMs: 30_000,
      hint: 'Press Play if the clock is paused. At normal speed email is faster than checkout, so the backlog shrinks.',
    },
    {
      kind: 'explain',
      prediction: 'slow-window',
      text: 'Your prediction beside what the run measured. The window was set by the queue in front of email, not by anything checkout did.',
      highlight: ['email'],
      measured: [
        { label: 'email: longest append → receipt', value: { path: 'groups.email.maxConsistencyWindowMs' }, unit: 'ms' },
        { label: 'inventory: longest append → applied', value: { path: 'groups.inventory.maxConsistencyWindowMs' }, unit: 'ms' },
        { label: 'email staleness now', value: { path: 'groups.email.staleness.seconds' }, unit: 's' },
        { label: 'orders in the log', value: { path: 'topics.orders.partitions.*.logEndOffset' } },
        { label: 'receipts email has sent', value: { path: 'stats.email.uniqueProcessed' } },
      ],
    },
    {
      kind: 'check',
      text: 'Check: while email was slow some order waited at least 5 s for its receipt; now email runs at normal speed and is caught up again.',
      goal: {
        all: [
          { compare: { path: 'groups.email.maxConsistencyWindowMs' }, op: '>=', to: 5000 },
          { compare: { path: 'groups.email.members.email-0.slowFactor' }, op: '<=', to: 1 },
          { compare: { path: 'groups.email.staleness.seconds' }, op: '<=', to: 1 },
        ],
      },
      notYet: 'Not yet: make email ten times slower until some order waits 5 s for its receipt, then restore its speed and let it catch up.',
    },
    {
      kind: 'free',
      text: 'Explore from here: query email for the newest order while it is slow, or crash email-0 and see how long the window gets during an outage.',
      highlight: ['email'],
    },
  ],
};
