import type { Lesson } from '../lessonTypes';
import { lessonMeta } from './lessonIndex';

const receipts = (id: string, commit: 'after-processing' | 'before-processing', idempotent = false) => ({
  id,
  subscribe: ['orders'],
  handler: 'sendReceipt',
  processingMs: 150,
  commit,
  idempotent,
  config: {
    'enable.auto.commit': false,
    'auto.offset.reset': 'earliest' as const,
    'max.poll.records': 20,
    'session.timeout.ms': 6000,
    'heartbeat.interval.ms': 2000,
  },
});

/** Lesson 7: when a consumer commits decides whether a crash repeats records or loses them. */
export const deliveryGuarantees: Lesson = {
  format: 'logscope-lesson',
  version: 1,
  ...lessonMeta('delivery-guarantees'),
  speed: 0.5,
  start: {
    scenario: {
      format: 'logscope-scenario',
      version: 1,
      title: 'Delivery guarantees',
      seed: 11,
      topics: [{ name: 'orders', partitions: 2 }],
      producers: [
        { id: 'checkout', topic: 'orders', ratePerSec: 7, event: 'OrderPlaced', keys: { kind: 'sequence', prefix: 'order-' } },
      ],
      services: [
        receipts('email-after', 'after-processing'),
        receipts('email-before', 'before-processing'),
        receipts('email-dedup', 'after-processing', true),
      ],
    },
  },
  teacherNotes: [
    'The three receipt services read the same orders. email-after and email-before differ only in when they commit; email-dedup is email-after with an idempotent handler. All are a little slower than checkout on purpose, so each always has a batch of up to 20 orders in hand.',
    'Part 1: expect "neither, Kafka delivers exactly once". Ask: the crash came after some receipts were sent but before the commit. What does the committed offset still say?',
    'Part 2: many expect committing early to be the safe choice. Ask: what does a commit promise, "I read it" or "I finished it"? Auto-commit does not mean "processed" either: on a timer, inside poll, it commits what poll has returned. That is safe only if every record is finished before the next poll; records handed to another thread can be committed unprocessed.',
    'Part 3: idempotence does not stop the repeat delivery; the handler recognises the event id and skips the second receipt. Kafka offers no exactly-once for side effects outside Kafka: the consumer has to make them safe to repeat.',
    'If a crash lands on the first order of a batch there is nothing to repeat (or, for email-before, after the last one is finished, nothing to lose); students can simply crash again while the service is busy.',
  ],
  steps: [
    {
      kind: 'observe',
      text: 'Press Play. checkout appends orders; three receipt services read all of them. email-after commits after finishing each batch, email-before as soon as a batch arrives; email-dedup is kept for part 3. Each is busy with a batch of up to 20 orders.',
      highlight: ['orders', 'email-after', 'email-before', 'email-dedup'],
      tab: 'groups',
      until: {
        all: [
          { elapsedMs: 8000 },
          { compare: { path: 'groups.*.offsets.*.committed', of: 'count' }, op: '>=', to: 6 },
        ],
      },
      withinMs: 20_000,
      hint: 'Press Play (or Space). The step goes on once every service has committed on both partitions.',
    },
    {
      kind: 'predict',
      id: 'after-crash',
      text: 'Part 1. email-after sends a receipt for each order, then commits once the whole batch is done. It crashes halfway through a batch and restarts. Afterwards?',
      highlight: ['email-after'],
      options: [
        {
          id: 'duplicates',
          text: 'Some customers get two receipts',
          correct: true,
          why: 'Right: the receipts sent before the crash were never committed, so the restarted consumer reads those orders again and sends them again. This is at-least-once delivery.',
        },
        {
          id: 'missing',
          text: 'Some customers get no receipt',
          correct: false,
          why: 'Nothing is lost here: the committed offset still points at the start of the unfinished batch, so every order in it is read again.',
        },
        {
          id: 'exactly-once',
          text: 'Neither: Kafka delivers each record exactly once',
          correct: false,
          why: 'Kafka only knows the committed offset. Work done after the last commit is invisible to it, so it is delivered again after a crash.',
        },
      ],
    },
    {
      kind: 'act',
      text: 'Crash email-after-0 while it is working through a batch, then start it again.',
      highlight: ['email-after-0'],
      tab: 'groups',
      goal: {
        all: [
          { event: 'member.crashed', where: { service: 'email-after' } },
          { event: 'offsets.resumed', where: { service: 'email-after' } },
        ],
      },
      reference: [
        { type: 'crash', target: 'email-after-0' },
        { type: 'start', target: 'email-after-0' },
      ],
    },
    {
      kind: 'observe',
      text: 'The restarted email-after-0 waits a few seconds until the group drops its old member, then resumes at the committed offset and reads part of the batch again. Watch for orders processed twice.',
      highlight: ['email-after'],
      tab: 'events',
      until: { all: [{ elapsedMs: 8000 }, { compare: { path: 'stats.email-after.duplicates' }, op: '>=', to: 1 }] },
      withinMs: 30_000,
      hint: 'If no order is processed twice, the crash came before email-after had finished any order of its batch: crash email-after-0 again while it is busy, then start it.',
    },
    {
      kind: 'explain',
      prediction: 'after-crash',
      text: 'Your prediction beside what the run measured for email-after.',
      highlight: ['email-after'],
      measured: [
        { label: 'orders processed twice', value: { path: 'stats.email-after.duplicates' } },
        { label: 'orders skipped', value: { path: 'stats.email-after.skipped' } },
        { label: 'customers with two receipts', value: { path: 'stats.email-after.divergence' } },
      ],
    },
    {
      kind: 'check',
      text: 'Check for part 1: email-after repeated some orders and skipped none.',
      goal: {
        all: [
          { compare: { path: 'stats.email-after.duplicates' }, op: '>', to: 0 },
          { compare: { path: 'stats.email-after.skipped' }, op: '=', to: 0 },
        ],
      },
      notYet: 'Not yet: email-after has not repeated any order. Crash email-after-0 in the middle of a batch, start it again and wait until it rejoins.',
    },
    {
      kind: 'predict',
      id: 'before-crash',
      text: 'Part 2. email-before commits as soon as a batch arrives, before sending any of its receipts. It crashes halfway through a batch and restarts. Afterwards?',
      highlight: ['email-before'],
      options: [
        {
          id: 'duplicates',
          text: 'Some customers get two receipts',
          correct: false,
          why: 'The commit already moved past the whole batch, so nothing in it is read again: there is nothing to repeat.',
        },
        {
          id: 'missing',
          text: 'Some customers get no receipt',
          correct: true,
          why: 'Right: the commit said "done" for orders that were never processed. The restarted consumer resumes after them, so they are lost. This is at-most-once delivery.',
        },
        {
          id: 'safe',
          text: 'Neither: committing early is the safe choice',
          correct: false,
          why: 'A commit only records a position; it cannot know whether the work was done. Committing before the work claims records that were never processed, and a crash loses them.',
        },
      ],
    },
    {
      kind: 'act',
      text: 'Crash email-before-0 while it is working through a batch, then start it again.',
      highlight: ['email-before-0'],
      tab: 'groups',
      goal: {
        all: [
          { event: 'member.crashed', where: { service: 'email-before' } },
          { event: 'offsets.resumed', where: { service: 'email-before' } },
        ],
      },
      reference: [
        { type: 'crash', target: 'email-before-0' },
        { type: 'start', target: 'email-before-0' },
      ],
    },
    {
      kind: 'observe',
      text: 'email-before-0 resumes at its committed offset, which is already past the unfinished batch. Watch the skipped count.',
      highlight: ['email-before'],
      tab: 'events',
      until: { all: [{ elapsedMs: 4000 }, { compare: { path: 'stats.email-before.skipped' }, op: '>=', to: 1 }] },
      withinMs: 30_000,
      hint: 'If nothing is skipped, email-before had finished its whole batch when it crashed: crash email-before-0 again while it is busy, then start it.',
    },
    {
      kind: 'explain',
      prediction: 'before-crash',
      text: 'Your prediction beside what the run measured for email-before.',
      highlight: ['email-before'],
      measured: [
        { label: 'orders skipped (no receipt)', value: { path: 'stats.email-before.skipped' } },
        { label: 'orders processed twice', value: { path: 'stats.email-before.duplicates' } },
        { label: 'orders in the log', value: { path: 'topics.orders.partitions.*.logEndOffset' } },
      ],
    },
    {
      kind: 'check',
      text: 'Check for part 2: email-before lost some orders and repeated none.',
      goal: {
        all: [
          { compare: { path: 'stats.email-before.skipped' }, op: '>', to: 0 },
          { compare: { path: 'stats.email-before.duplicates' }, op: '=', to: 0 },
        ],
      },
      notYet: 'Not yet: email-before has not skipped any order. Crash email-before-0 in the middle of a batch, start it again and wait until it rejoins.',
    },
    {
      kind: 'predict',
      id: 'idempotent-crash',
      text: 'Part 3. email-dedup commits after processing, like email-after, but its handler is idempotent: it keeps the id of every event it has applied and ignores a repeat. It crashes halfway through a batch and restarts. Afterwards?',
      highlight: ['email-dedup'],
      options: [
        {
          id: 'no-redelivery',
          text: 'No order is delivered twice any more',
          correct: false,
          why: 'Idempotence is in the handler, not in Kafka. The restarted consumer still reads the uncommitted part of the batch again; the handler just does nothing the second time.',
        },
        {
          id: 'harmless',
          text: 'Orders are delivered twice, but no one gets a second receipt',
          correct: true,
          why: 'Right: delivery is still at-least-once, but the handler recognises each event id it has applied and skips the repeat. The effect is as if each order were processed once.',
        },
        {
          id: 'still-double',
          text: 'Customers still get two receipts',
          correct: false,
          why: 'An idempotent handler keeps the ids of the events it applied, so the second delivery of an order changes nothing.',
        },
        {
          id: 'missing',
          text: 'Some customers get no receipt',
          correct: false,
          why: 'email-dedup still commits after processing, so nothing is skipped: every unfinished order is read again.',
        },
      ],
    },
    {
      kind: 'act',
      text: 'Crash email-dedup-0 while it is working through a batch, then start it again.',
      highlight: ['email-dedup', 'email-dedup-0'],
      tab: 'groups',
      goal: {
        all: [
          { event: 'member.crashed', where: { service: 'email-dedup' } },
          { event: 'offsets.resumed', where: { service: 'email-dedup' } },
        ],
      },
      reference: [
        { type: 'crash', target: 'email-dedup-0' },
        { type: 'start', target: 'email-dedup-0' },
      ],
    },
    {
      kind: 'observe',
      text: 'email-dedup-0 resumes at its committed offset and reads part of the batch again, as email-after did. Watch the orders processed twice and the double receipts.',
      highlight: ['email-dedup'],
      tab: 'events',
      until: { all: [{ elapsedMs: 8000 }, { compare: { path: 'stats.email-dedup.duplicates' }, op: '>=', to: 1 }] },
      withinMs: 30_000,
      hint: 'If no order is delivered twice, the crash came before email-dedup had finished any order of its batch: crash email-dedup-0 again while it is busy, then start it.',
    },
    {
      kind: 'explain',
      prediction: 'idempotent-crash',
      text: 'Your prediction beside what the run measured, with email-after for comparison.',
      highlight: ['email-dedup', 'email-after'],
      measured: [
        { label: 'email-dedup: orders delivered twice', value: { path: 'stats.email-dedup.duplicates' } },
        { label: 'email-dedup: customers with two receipts', value: { path: 'stats.email-dedup.divergence' } },
        { label: 'email-after: orders delivered twice', value: { path: 'stats.email-after.duplicates' } },
        { label: 'email-after: customers with two receipts', value: { path: 'stats.email-after.divergence' } },
      ],
    },
    {
      kind: 'check',
      text: 'Check for part 3: email-dedup was delivered some orders twice, yet no customer got two receipts.',
      goal: {
        all: [
          { compare: { path: 'stats.email-dedup.duplicates' }, op: '>', to: 0 },
          { compare: { path: 'stats.email-dedup.divergence' }, op: '=', to: 0 },
        ],
      },
      notYet: 'Not yet: email-dedup has not been delivered any order twice. Crash email-dedup-0 in the middle of a batch, start it again and wait until it rejoins. (If you turned its idempotence off, a double receipt cannot be undone: go Back to the start of part 3.)',
    },
    {
      kind: 'free',
      text: 'Explore from here: turn email-dedup\'s idempotence off and crash it again, or make email-before idempotent and see that it still loses orders. Idempotence makes repeats harmless; it does not bring back what was skipped.',
      highlight: ['email-dedup', 'email-before'],
    },
  ],
};
