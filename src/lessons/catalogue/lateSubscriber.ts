import type { Lesson } from '../lessonTypes';
import { lessonMeta } from './lessonIndex';

/** Lesson 9: a late subscriber needs no producer change; auto.offset.reset decides where it starts, once. */
export const lateSubscriber: Lesson = {
  format: 'logscope-lesson',
  version: 1,
  ...lessonMeta('late-subscriber'),
  speed: 1,
  start: { preset: 'checkout' },
  teacherNotes: [
    'Expect "yes, it checks the old orders too": students assume a new reader sees everything. Kafka\'s default (auto.offset.reset=latest) starts at the end of the log.',
    'Some will say checkout must re-send the old orders. Point out that checkout is never touched in this lesson: the orders it sent are still in the log for anyone to read.',
    'After the restart, ask: why did fraud-earliest not start from the beginning again? (It has a committed offset now; the reset policy only applies to a group without one, or whose offset retention has deleted: lesson 11.)',
    'To score history with a group that already has offsets you must reset them explicitly (stop it, reset to earliest, start it): that counts as a replay.',
    'Compare with a run where no fraud check is added: at the same moment the orders topic holds exactly the same records. Adding readers never changes what the producer writes.',
  ],
  steps: [
    {
      kind: 'observe',
      text: 'Press Play and let the shop run for 30 seconds. checkout appends orders; inventory, billing and email read them. The orders stay in the log after they are read.',
      highlight: ['checkout', 'orders'],
      until: {
        all: [
          { elapsedMs: 30_000 },
          { compare: { path: 'groups.email.offsets.*.committed', of: 'count' }, op: '>=', to: 3 },
        ],
      },
      withinMs: 40_000,
      hint: 'Press Play (or Space). The step goes on by itself after 30 seconds of history.',
    },
    {
      kind: 'predict',
      id: 'default-start',
      text: 'A new service, fraud-check, is about to subscribe to orders with Kafka\'s default settings. Will it score the orders placed before it joined?',
      highlight: ['orders', 'checkout'],
      options: [
        {
          id: 'yes',
          text: 'Yes: a new subscriber reads everything in the log',
          correct: false,
          why: 'It could, but by default it does not: with no committed offset, auto.offset.reset decides, and Kafka\'s default is "latest".',
        },
        {
          id: 'latest',
          text: 'No: by default it starts at the end of the log',
          correct: true,
          why: 'Right: a group with no committed offset starts where auto.offset.reset says, and the default is latest: only orders placed from now on.',
        },
        {
          id: 'resend',
          text: 'Only if checkout sends the old orders again',
          correct: false,
          why: 'checkout never needs to change: the old orders are still in the log. Whether fraud-check reads them is its own setting.',
        },
      ],
    },
    {
      kind: 'act',
      text: 'Add a service fraud-check that subscribes to orders with the scoreFraud handler and default settings. Leave checkout as it is.',
      highlight: ['orders'],
      tab: 'events',
      goal: { event: 'offsets.reset', where: { service: 'fraud-check', policy: 'latest' } },
      reference: [{ type: 'addService', service: { id: 'fraud-check', subscribe: ['orders'], handler: 'scoreFraud' } }],
    },
    {
      kind: 'observe',
      text: 'fraud-check joins and starts at the log end (see the Events tab). Watch it score new orders as they arrive, and nothing older.',
      highlight: ['fraud-check', 'orders'],
      tab: 'groups',
      until: {
        all: [
          { elapsedMs: 10_000 },
          { compare: { path: 'stats.fraud-check.uniqueProcessed' }, op: '>=', to: 20 },
        ],
      },
      withinMs: 30_000,
      hint: 'Press Play if the clock is paused. The step goes on after ten seconds.',
    },
    {
      kind: 'explain',
      prediction: 'default-start',
      text: 'Your prediction beside what the run measured: fraud-check has almost nothing left to read, yet it has scored only part of the log. The older orders are still there; it will not read them unless its offsets are reset.',
      highlight: ['fraud-check'],
      measured: [
        { label: 'orders in the log', value: { path: 'topics.orders.partitions.*.logEndOffset' } },
        { label: 'orders fraud-check has scored', value: { path: 'stats.fraud-check.uniqueProcessed' } },
        { label: 'orders fraud-check has yet to read', value: { path: 'groups.fraud-check.staleness.records' } },
        { label: 'orders checkout has sent', value: { path: 'producers.checkout.sent' } },
      ],
    },
    {
      kind: 'act',
      text: 'Now add a second service, fraud-earliest, just like fraud-check but with auto.offset.reset set to earliest. Still leave checkout alone.',
      highlight: ['orders'],
      tab: 'events',
      goal: { event: 'offsets.reset', where: { service: 'fraud-earliest', policy: 'earliest' } },
      reference: [
        {
          type: 'addService',
          service: { id: 'fraud-earliest', subscribe: ['orders'], handler: 'scoreFraud', config: { 'auto.offset.reset': 'earliest' } },
        },
      ],
    },
    {
      kind: 'observe',
      text: 'fraud-earliest starts at the log start offset and works through the whole history, then keeps up with new orders.',
      highlight: ['fraud-earliest', 'orders'],
      tab: 'groups',
      until: {
        all: [
          { compare: { path: 'stats.fraud-earliest.uniqueProcessed' }, op: '>=', to: { path: 'topics.orders.partitions.*.logEndOffset', plus: -5 } },
          { compare: { path: 'groups.fraud-earliest.offsets.*.position' }, op: '>=', to: { path: 'topics.orders.partitions.*.highWatermark', plus: -10 } },
        ],
      },
      withinMs: 30_000,
      hint: 'Press Play if the clock is paused. A few seconds are enough to read the history.',
    },
    {
      kind: 'predict',
      id: 'restart-earliest',
      text: 'fraud-earliest is set to "earliest". It is about to be stopped and started again. Where does it start reading?',
      highlight: ['fraud-earliest'],
      options: [
        {
          id: 'from-start',
          text: 'From the start of the log again: it is set to earliest',
          correct: false,
          why: 'auto.offset.reset is only used when the group has no valid committed offset. fraud-earliest committed its offsets, and they are still in the log, so "earliest" plays no part.',
        },
        {
          id: 'committed',
          text: 'At its committed offset, where it stopped',
          correct: true,
          why: 'Right: a group resumes at its committed offset while that offset is still in the log. The reset policy only chose its very first position.',
        },
        {
          id: 'end',
          text: 'At the end of the log, skipping what arrived while it was stopped',
          correct: false,
          why: 'That is what "latest" does for a group with no committed offset. fraud-earliest has one, so it reads what arrived while it was away.',
        },
      ],
    },
    {
      kind: 'act',
      text: 'Stop fraud-earliest-0, then start it again.',
      highlight: ['fraud-earliest-0'],
      tab: 'events',
      goal: {
        all: [
          { event: 'member.stopped', where: { group: 'fraud-earliest' } },
          { event: 'offsets.resumed', where: { service: 'fraud-earliest' } },
        ],
      },
      reference: [
        { type: 'stop', target: 'fraud-earliest-0' },
        { type: 'start', target: 'fraud-earliest-0' },
      ],
    },
    {
      kind: 'observe',
      text: 'fraud-earliest-0 resumes at its committed offsets. Watch whether it reads the history a second time.',
      highlight: ['fraud-earliest'],
      tab: 'groups',
      until: {
        all: [
          { elapsedMs: 5000 },
          { compare: { path: 'groups.fraud-earliest.offsets.*.position' }, op: '>=', to: { path: 'topics.orders.partitions.*.highWatermark', plus: -10 } },
        ],
      },
      withinMs: 30_000,
      hint: 'Press Play if the clock is paused.',
    },
    {
      kind: 'explain',
      prediction: 'restart-earliest',
      text: 'Your prediction beside what the run measured. And through all of this checkout did not change: every record in the log is one it sent.',
      highlight: ['fraud-earliest', 'fraud-check', 'checkout'],
      measured: [
        { label: 'orders in the log', value: { path: 'topics.orders.partitions.*.logEndOffset' } },
        { label: 'orders fraud-earliest has scored', value: { path: 'stats.fraud-earliest.uniqueProcessed' } },
        { label: 'orders fraud-earliest scored twice', value: { path: 'stats.fraud-earliest.duplicates' } },
        { label: 'orders fraud-check has scored', value: { path: 'stats.fraud-check.uniqueProcessed' } },
        { label: 'orders checkout has sent', value: { path: 'producers.checkout.sent' } },
      ],
    },
    {
      kind: 'check',
      text: 'Check: fraud-check scored only new orders, fraud-earliest scored them all, and its restart read nothing twice.',
      goal: {
        all: [
          { compare: { path: 'stats.fraud-check.uniqueProcessed' }, op: '<=', to: { path: 'topics.orders.partitions.*.logEndOffset', plus: -100 } },
          { compare: { path: 'groups.fraud-check.offsets.*.position' }, op: '>=', to: { path: 'topics.orders.partitions.*.highWatermark', plus: -10 } },
          { compare: { path: 'stats.fraud-earliest.uniqueProcessed' }, op: '>=', to: { path: 'topics.orders.partitions.*.logEndOffset', plus: -10 } },
          { compare: { path: 'groups.fraud-earliest.generation' }, op: '>=', to: 2 },
          { compare: { path: 'stats.fraud-earliest.duplicates' }, op: '<=', to: 10 },
          { compare: { path: 'stats.fraud-earliest.replayed' }, op: '=', to: 0 },
        ],
      },
      notYet: 'Not yet: add fraud-check (default settings) and fraud-earliest (earliest), let fraud-earliest catch up, then stop and start it.',
    },
    {
      kind: 'free',
      text: 'Explore from here: to make fraud-check score the old orders after all, stop it, reset its offsets to earliest and start it. Or crash fraud-earliest-0 instead of stopping it and compare "scored twice".',
      highlight: ['fraud-check', 'fraud-earliest'],
    },
  ],
};
