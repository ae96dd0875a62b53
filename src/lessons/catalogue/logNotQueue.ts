import type { Lesson } from '../lessonTypes';
import { lessonMeta } from './lessonIndex';

/** Lesson 3: reading a log deletes nothing, so a group can go back and read it all again. */
export const logNotQueue: Lesson = {
  format: 'logscope-lesson',
  version: 1,
  ...lessonMeta('log-not-queue'),
  speed: 1,
  start: {
    scenario: {
      format: 'logscope-scenario',
      version: 1,
      title: 'Thirty orders, two readers',
      seed: 5,
      topics: [{ name: 'orders', partitions: 3, config: { 'retention.ms': 600_000, 'segment.ms': 60_000 } }],
      producers: [
        {
          id: 'checkout',
          topic: 'orders',
          ratePerSec: 3,
          arrival: 'fixed',
          event: 'OrderPlaced',
          keys: { kind: 'sequence', prefix: 'order-' },
        },
      ],
      services: [
        { id: 'inventory', subscribe: ['orders'], handler: 'reserveStock', config: { 'auto.offset.reset': 'earliest' } },
        {
          id: 'billing',
          subscribe: ['orders'],
          handler: 'chargePayment',
          idempotent: true,
          config: { 'auto.offset.reset': 'earliest' },
        },
      ],
      actions: [{ atMs: 10_100, type: 'pauseProducer', producer: 'checkout' }],
    },
  },
  teacherNotes: [
    'Many students arrive with a queue in mind (a mailbox, a to-do list): reading takes the item out. Expect "0" and "only the ones inventory has not read yet".',
    'Before revealing, ask: what does Kafka keep so billing knows where it is? (billing\'s committed offsets, one number per partition.) Nothing in the topic changes when that number moves.',
    'If a student tries to rewind billing while it runs, LogScope refuses, as kafka-consumer-groups does: a group\'s offsets can only be reset while it has no members. Read the refusal out loud: it says what to do.',
    'billing is idempotent here (it ignores an order it has already charged), so the replay charges nobody twice. Lesson 7 shows what happens without that.',
    'Point at inventory during the replay: its offsets and counts do not move. Each group has its own place in the log.',
  ],
  steps: [
    {
      kind: 'observe',
      text: 'Press Play. checkout places 30 orders over ten seconds, then stops. inventory and billing each read all of them.',
      highlight: ['checkout', 'orders', 'inventory', 'billing'],
      tab: 'groups',
      until: {
        all: [
          { compare: { path: 'topics.orders.partitions.*.logEndOffset' }, op: '>=', to: 30 },
          { compare: { path: 'groups.billing.offsets.*.lag' }, op: '=', to: 0 },
          { compare: { path: 'groups.inventory.offsets.*.lag' }, op: '=', to: 0 },
        ],
      },
      withinMs: 30_000,
      hint: 'Press Play (or Space). The step goes on once all 30 orders are in the log and both groups have read and committed them (lag 0).',
    },
    {
      kind: 'predict',
      id: 'left-in-topic',
      text: 'billing has read all 30 orders: its lag is 0. How many orders are still in the orders topic?',
      highlight: ['orders', 'billing'],
      options: [
        {
          id: 'none',
          text: 'None: reading an order takes it out of the topic',
          correct: false,
          why: 'That is how a queue works, not a log. Reading only moves the reader\'s offset; the records stay until retention deletes them by age or size.',
        },
        {
          id: 'all',
          text: 'All 30',
          correct: true,
          why: 'Right: consuming changes nothing in the log. Only billing\'s committed offsets moved forward.',
        },
        {
          id: 'unread',
          text: 'Only those inventory has not read yet: an order goes once every group has read it',
          correct: false,
          why: 'Kafka stores each group\'s offsets, but retention never looks at them: records are deleted by age or size, whether every group has read them or none has.',
        },
      ],
    },
    {
      kind: 'act',
      text: 'Make billing read every order again, from the first one in the log. If the lab refuses a step, read why: the refusal says what has to happen first.',
      highlight: ['billing', 'billing-0'],
      tab: 'groups',
      goal: { compare: { path: 'stats.billing.replayed' }, op: '>=', to: 1 },
      reference: [
        { type: 'stop', target: 'billing-0' },
        { type: 'resetOffsets', group: 'billing', to: 'earliest' },
        { type: 'start', target: 'billing-0' },
      ],
    },
    {
      kind: 'observe',
      text: 'billing reads the log again from the start. Watch the log end offsets, and watch inventory.',
      highlight: ['orders', 'billing', 'inventory'],
      tab: 'groups',
      until: {
        all: [
          { compare: { path: 'stats.billing.replayed' }, op: '>=', to: 30 },
          { compare: { path: 'groups.billing.offsets.*.lag' }, op: '=', to: 0 },
        ],
      },
      withinMs: 30_000,
      hint: 'Press Play if the clock is paused. The step waits until billing has read all 30 orders again and committed (lag 0).',
    },
    {
      kind: 'explain',
      prediction: 'left-in-topic',
      text: 'Your answer beside the run. The same 30 records were read twice by billing, once by inventory, and are all still there.',
      measured: [
        { label: 'orders in the log (log end offsets)', value: { path: 'topics.orders.partitions.*.logEndOffset' } },
        { label: 'log start offsets (0: nothing deleted)', value: { path: 'topics.orders.partitions.*.logStartOffset' } },
        { label: 'orders billing has processed, replay included', value: { path: 'stats.billing.processed' } },
        { label: 'of which replayed', value: { path: 'stats.billing.replayed' } },
        { label: 'orders inventory has processed', value: { path: 'stats.inventory.processed' } },
      ],
    },
    {
      kind: 'check',
      text: 'Check: all 30 orders are still in the log, billing has read them all a second time, and inventory read each once and did not move.',
      highlight: ['orders', 'billing', 'inventory'],
      goal: {
        all: [
          { compare: { path: 'topics.orders.partitions.*.logEndOffset' }, op: '>=', to: 30 },
          { compare: { path: 'topics.orders.partitions.*.logStartOffset' }, op: '=', to: 0 },
          { compare: { path: 'stats.billing.replayed' }, op: '>=', to: 30 },
          { compare: { path: 'groups.billing.offsets.*.lag' }, op: '=', to: 0 },
          { compare: { path: 'stats.inventory.processed' }, op: '=', to: { path: 'topics.orders.partitions.*.logEndOffset' } },
          { compare: { path: 'groups.inventory.offsets.*.committed' }, op: '=', to: { path: 'topics.orders.partitions.*.logEndOffset' } },
        ],
      },
      notYet: 'Not yet: billing must replay all 30 orders. Stop billing-0, reset the billing group to the earliest offset, start it again and let the clock run.',
    },
    {
      kind: 'free',
      text: 'Explore from here: rewind inventory instead, or reset billing to the latest offset and resume checkout. Try switching billing\'s idempotence off before a replay and compare its read model.',
      highlight: ['billing', 'inventory', 'checkout'],
    },
  ],
};
