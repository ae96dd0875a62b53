import type { Lesson } from '../lessonTypes';
import { lessonMeta } from './lessonIndex';

/** Lesson 6: after an outage a consumer resumes at its group's committed offset, the next record to read. */
export const offsetsAndResume: Lesson = {
  format: 'logscope-lesson',
  version: 1,
  ...lessonMeta('offsets-and-resume'),
  speed: 1,
  start: {
    scenario: {
      format: 'logscope-scenario',
      version: 1,
      title: 'Offsets and resume',
      seed: 7,
      topics: [{ name: 'orders', partitions: 3, config: { 'retention.ms': 600_000, 'segment.ms': 60_000 } }],
      producers: [
        { id: 'checkout', topic: 'orders', ratePerSec: 5, event: 'OrderPlaced', keys: { kind: 'sequence', prefix: 'order-' } },
      ],
      services: [
        {
          id: 'email',
          subscribe: ['orders'],
          handler: 'sendReceipt',
          processingMs: 20,
          commit: 'after-processing',
          config: { 'auto.offset.reset': 'earliest', 'enable.auto.commit': false, 'session.timeout.ms': 10_000 },
        },
      ],
    },
  },
  teacherNotes: [
    'Many students expect "the newest order": they picture a live feed where whatever was missed is gone.',
    'Others pick "the last record it processed". Ask: if email started at the record it had already finished, what would that record get? (A second receipt.)',
    'Point at the committed offset while email is down: it does not move, but the log end does. Lag is the gap between them.',
    'The "first order ever" answer mixes up two rules: auto.offset.reset=earliest only applies to a group that has no committed offset, or one that is no longer in the log.',
    'Discussion: who stores the committed offset, email or Kafka? What if email kept it only in memory?',
  ],
  steps: [
    {
      kind: 'observe',
      text: 'Press Play and watch for ten seconds. checkout appends orders; email reads them and, after each batch, commits the offset of the next record it will read.',
      highlight: ['orders', 'email'],
      tab: 'groups',
      until: {
        all: [
          { elapsedMs: 10_000 },
          { compare: { path: 'groups.email.offsets.*.committed', of: 'count' }, op: '>=', to: 3 },
        ],
      },
      withinMs: 20_000,
      hint: 'Press Play (or Space). The step goes on by itself after ten seconds of the run.',
    },
    {
      kind: 'predict',
      id: 'resume-where',
      text: 'Email is about to go down for 30 seconds while orders keep coming. When it comes back, where does it start reading?',
      highlight: ['email', 'orders'],
      options: [
        {
          id: 'newest',
          text: 'At the newest order: what it missed is gone',
          correct: false,
          why: 'The missed orders are still in the log, and the group remembers where it stopped. Starting at the newest would skip them: customers would get no receipt.',
        },
        {
          id: 'first-ever',
          text: 'At the very first order in the log',
          correct: false,
          why: 'auto.offset.reset=earliest only applies when a group has no valid committed offset. Email has one, so it does not re-read everything.',
        },
        {
          id: 'committed',
          text: 'At its committed offset: the record after the last one it committed',
          correct: true,
          why: 'Right: the committed offset is stored by Kafka, not by email, and it names the next record to read. Email picks up exactly there.',
        },
        {
          id: 'last-processed',
          text: 'At the last record it processed before the crash',
          correct: false,
          why: 'The committed offset is one past the last record email committed: the next one to read. Starting at that last record would send its receipt twice.',
        },
      ],
    },
    {
      kind: 'act',
      text: 'Take email down: make its only instance, email-0, crash.',
      highlight: ['email-0'],
      tab: 'groups',
      goal: { compare: { path: 'groups.email.members.email-0.status' }, op: '!=', to: 'running' },
      reference: [{ type: 'crash', target: 'email-0' }],
    },
    {
      kind: 'observe',
      text: 'Leave email down for 30 seconds. Watch its committed offsets: they stay where they were. The log end keeps growing, so the lag grows.',
      highlight: ['email', 'orders'],
      tab: 'groups',
      until: {
        all: [
          { elapsedMs: 30_000 },
          { compare: { path: 'groups.email.offsets.*.committed', change: 'step' }, op: '=', to: 0 },
          { compare: { path: 'groups.email.offsets.*.lag' }, op: '>=', to: 100 },
        ],
      },
      withinMs: 45_000,
      hint: 'Press Play if the clock is paused, and keep email-0 down. The step waits for 30 seconds with email at least 100 records behind.',
    },
    {
      kind: 'check',
      text: 'Check: email is down and at least 100 orders behind. Its committed offsets wait in Kafka, unchanged, for it to come back.',
      goal: {
        all: [
          { compare: { path: 'groups.email.members.email-0.status' }, op: '!=', to: 'running' },
          { compare: { path: 'groups.email.offsets.*.lag' }, op: '>=', to: 100 },
        ],
      },
      notYet: 'Not yet: email must be down and at least 100 orders behind. Crash email-0 and let the clock run for 30 seconds.',
    },
    {
      kind: 'act',
      text: 'Bring email back: start email-0 again.',
      highlight: ['email-0'],
      tab: 'events',
      goal: { event: 'offsets.resumed', where: { service: 'email' } },
      reference: [{ type: 'start', target: 'email-0' }],
    },
    {
      kind: 'observe',
      text: 'Email rejoins its group, is given its partitions and resumes at the committed offsets (see the Events tab). Watch it work through the backlog until the lag is near zero.',
      highlight: ['email-0', 'orders'],
      tab: 'groups',
      until: { compare: { path: 'groups.email.offsets.*.lag' }, op: '<=', to: 5 },
      withinMs: 60_000,
      hint: 'Press Play if the clock is paused. Email needs a few seconds to rejoin, then it reads much faster than orders arrive.',
    },
    {
      kind: 'explain',
      prediction: 'resume-where',
      text: 'Your prediction beside what the run measured. No order was skipped, and none was read from the start again.',
      highlight: ['email'],
      measured: [
        { label: 'restarts that resumed at the committed offsets', value: { events: 'offsets.resumed', where: { service: 'email' }, since: 'lesson' } },
        { label: 'orders in the log', value: { path: 'topics.orders.partitions.*.logEndOffset' } },
        { label: 'orders email has processed', value: { path: 'stats.email.uniqueProcessed' } },
        { label: 'orders skipped', value: { path: 'stats.email.skipped' } },
        { label: 'orders processed twice', value: { path: 'stats.email.duplicates' } },
        { label: 'committed offsets, added up (each is the next offset to read)', value: { path: 'groups.email.offsets.*.committed' } },
      ],
    },
    {
      kind: 'check',
      text: 'Check: email came back, skipped nothing, and has caught up with the log.',
      goal: {
        all: [
          { compare: { path: 'groups.email.members.email-0.status' }, op: '=', to: 'running' },
          { compare: { path: 'groups.email.generation' }, op: '>=', to: 2 },
          { compare: { path: 'stats.email.skipped' }, op: '=', to: 0 },
          { compare: { path: 'groups.email.offsets.*.lag' }, op: '<=', to: 10 },
          { compare: { path: 'stats.email.uniqueProcessed' }, op: '>=', to: { path: 'topics.orders.partitions.*.logEndOffset', plus: -10 } },
        ],
      },
      notYet: 'Not yet: email must be running again with nothing skipped and at most 10 orders behind. Start email-0 and let it catch up.',
    },
    {
      kind: 'free',
      text: 'Explore from here: crash email-0 for longer, or slow it down first so it crashes in the middle of a batch, and compare "processed twice" with "skipped".',
      highlight: ['email-0'],
    },
  ],
};
