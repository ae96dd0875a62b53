import type { Lesson } from '../lessonTypes';
import { lessonMeta } from './lessonIndex';

/** Lesson 2: one slow or dead consumer group does not stop the others. */
export const pubSubFanOut: Lesson = {
  format: 'logscope-lesson',
  version: 1,
  ...lessonMeta('pub-sub-fan-out'),
  speed: 1,
  start: { preset: 'checkout' },
  teacherNotes: [
    'Expect many students to pick "billing stops too": they picture a pipeline of calls, where a dead hop blocks the chain.',
    'Ask before revealing: where does billing get its orders from, email or the log?',
    'Point at the two numbers that move apart: email\'s lag grows while billing\'s stays near zero.',
    'Discussion: what would happen if checkout called email directly before answering the customer?',
  ],
  steps: [
    {
      kind: 'observe',
      text: 'Press Play and watch for ten seconds: checkout appends orders, and inventory, billing and email each read every one of them, at their own pace.',
      highlight: ['orders', 'inventory', 'billing', 'email'],
      until: {
        all: [
          { elapsedMs: 10_000 },
          { compare: { path: 'groups.email.offsets.*.committed', of: 'count' }, op: '>=', to: 1 },
        ],
      },
      withinMs: 20_000,
      hint: 'Press Play (or Space). The step goes on by itself after ten seconds of the run.',
    },
    {
      kind: 'predict',
      id: 'billing-when-email-down',
      text: 'Email is about to crash. While it is down, what happens to billing?',
      highlight: ['email', 'billing'],
      options: [
        { id: 'stops', text: 'Billing stops too: it waits for email', correct: false, why: 'Billing never talks to email. It reads the orders log with its own committed offsets, so email\'s failure cannot block it.' },
        { id: 'slows', text: 'Billing slows down while email is away', correct: false, why: 'Nothing is shared between the groups but the log, and the log keeps accepting and serving records at the same pace.' },
        { id: 'unaffected', text: 'Billing carries on as if nothing happened', correct: true, why: 'Right: every group reads the log independently. Only email falls behind; its records wait in the log for it.' },
        { id: 'orders-stop', text: 'checkout stops accepting orders', correct: false, why: 'checkout appends to the log and moves on: it does not know, or wait for, who reads its events.' },
      ],
    },
    {
      kind: 'act',
      text: 'Make email stop processing: crash its only instance, email-0 (right-click it, or select it and use the member actions).',
      highlight: ['email-0'],
      tab: 'groups',
      goal: { compare: { path: 'groups.email.members.email-0.status' }, op: '!=', to: 'running' },
      reference: [{ type: 'crash', target: 'email-0' }],
    },
    {
      kind: 'observe',
      text: 'The clock runs. Watch orders keep arriving, email\'s lag grow and billing stay current.',
      highlight: ['email', 'billing', 'orders'],
      tab: 'groups',
      until: {
        all: [
          { elapsedMs: 15_000 },
          { compare: { path: 'groups.email.offsets.*.lag' }, op: '>=', to: 20 },
        ],
      },
      withinMs: 40_000,
      hint: 'Press Play if the clock is paused. The step waits until email has fallen at least 20 records behind.',
    },
    {
      kind: 'explain',
      prediction: 'billing-when-email-down',
      text: "Your prediction beside what the run measured. email's lag counts from its last committed offset, so it is larger than the orders it has not processed: what email processed after its last commit will be read again when it restarts.",
      measured: [
        { label: 'orders in the log', value: { path: 'topics.orders.partitions.*.logEndOffset' } },
        { label: 'orders billing has processed', value: { path: 'stats.billing.uniqueProcessed' } },
        { label: 'orders inventory has processed', value: { path: 'stats.inventory.uniqueProcessed' } },
        { label: 'orders email has processed', value: { path: 'stats.email.uniqueProcessed' } },
        { label: "email's lag (log end − committed offset)", value: { path: 'groups.email.offsets.*.lag' }, unit: 'records' },
      ],
    },
    {
      kind: 'check',
      text: 'Check: email is down and behind, while billing and inventory have read (almost) everything in the log.',
      goal: {
        all: [
          { compare: { path: 'groups.email.members.email-0.status' }, op: '!=', to: 'running' },
          { compare: { path: 'groups.email.offsets.*.lag' }, op: '>=', to: 10 },
          { compare: { path: 'groups.billing.offsets.*.position' }, op: '>=', to: { path: 'topics.orders.partitions.*.highWatermark', plus: -10 } },
          { compare: { path: 'groups.inventory.offsets.*.position' }, op: '>=', to: { path: 'topics.orders.partitions.*.highWatermark', plus: -10 } },
        ],
      },
      notYet: 'Not yet: email must be down and at least 10 records behind while billing and inventory keep up. Crash email-0 and let the clock run.',
    },
    {
      kind: 'free',
      text: 'Explore from here: start email-0 again and watch it resume from its committed offset and catch up. Or crash billing instead and see email carry on.',
      highlight: ['email-0'],
    },
  ],
};
