import type { Lesson } from '../lessonTypes';
import { lessonMeta } from './lessonIndex';

/** Lesson 11: retention deletes old records whether or not anyone has read them, a whole segment at a time. */
export const retentionLoss: Lesson = {
  format: 'logscope-lesson',
  version: 1,
  ...lessonMeta('retention-loss'),
  speed: 2,
  start: {
    scenario: {
      format: 'logscope-scenario',
      version: 1,
      title: 'Retention loss',
      seed: 7,
      topics: [{ name: 'orders', partitions: 3, config: { 'retention.ms': 60_000, 'segment.ms': 10_000 } }],
      producers: [
        { id: 'checkout', topic: 'orders', ratePerSec: 5, event: 'OrderPlaced', keys: { kind: 'sequence', prefix: 'order-' } },
      ],
      services: [
        {
          id: 'email',
          subscribe: ['orders'],
          handler: 'sendReceipt',
          processingMs: 20,
          config: { 'auto.offset.reset': 'earliest', 'session.timeout.ms': 20_000 },
        },
      ],
    },
  },
  teacherNotes: [
    'The lesson runs at double speed: the outage has to outlast one minute of retention. Slow it down at the two pauses (first deletion, restart) to talk.',
    'Most students pick "all receipts, late": they picture the log as a queue that holds a message until it is consumed. Retention is a clock on the data, and it does not look at the consumers at all.',
    'At the first deletion, point at the log start offset: it jumps by a whole segment on every partition at once, about 70 s into the run, not 60. Records live between retention.ms and retention.ms + segment.ms (plus the check interval).',
    'The restart shows the same outcome as the preset "Retention loses data", reached by a crash instead of a slow consumer. Only auto.offset.reset decides where email lands: earliest saves what is still there, latest would skip even more.',
    'Part 2 shortens the outage instead of raising retention: a topic config cannot be changed while the lab runs. Discussion: how long should retention be? (Longer than the worst outage you must survive, plus the time to catch up.)',
  ],
  steps: [
    {
      kind: 'observe',
      text: 'Press Play. checkout appends orders; email sends a receipt for each and commits its offsets as it goes. The orders topic keeps records for 60 s (retention.ms) and starts a new segment every 10 s (segment.ms).',
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
      id: 'after-outage',
      text: 'Email is about to go down for about two minutes. The orders topic keeps records for one minute. When email comes back, does it send a receipt for every order it missed?',
      highlight: ['email', 'orders'],
      options: [
        {
          id: 'all',
          text: 'Yes: the missed orders wait in the log until email reads them',
          correct: false,
          why: 'Retention deletes records by age. It does not know or care which groups have read them, so orders older than the retention are gone before email returns.',
        },
        {
          id: 'some',
          text: 'No: the oldest missed orders are deleted unread; email skips them and sends receipts for the rest',
          correct: true,
          why: 'Right: its committed offset now points at deleted records. The offset is out of range, and auto.offset.reset=earliest moves email to the oldest order still in the log.',
        },
        {
          id: 'none',
          text: 'No: it sends no receipts for the outage at all and starts from the newest order',
          correct: false,
          why: 'That would be auto.offset.reset=latest. Email uses earliest, so it jumps to the oldest order still kept and sends receipts for the last minute or so of the outage.',
        },
        {
          id: 'kept',
          text: 'Yes: Kafka waits for email before deleting anything',
          correct: false,
          why: 'Nothing waits for a consumer: not retention, and not checkout either. A stopped consumer only builds lag.',
        },
      ],
    },
    {
      kind: 'act',
      text: 'Take email down: crash its only instance, email-0. Keep it down until the lesson asks you to bring it back.',
      highlight: ['email-0'],
      tab: 'groups',
      goal: { compare: { path: 'groups.email.members.email-0.status' }, op: '!=', to: 'running' },
      reference: [{ type: 'crash', target: 'email-0' }],
    },
    {
      kind: 'predict',
      id: 'first-deletion',
      text: 'The first orders were written right after the run began. Retention is 60 s and a new segment starts every 10 s. When are the first orders deleted, and how?',
      highlight: ['orders'],
      options: [
        {
          id: 'exact',
          text: 'At 60 s, one record at a time, each exactly 60 s after it was written',
          correct: false,
          why: 'Kafka never deletes single records for retention. It deletes whole segment files, and only once the newest record in the segment is older than the retention.',
        },
        {
          id: 'segment',
          text: 'A little after 60 s (about 70 s): a whole segment at once',
          correct: true,
          why: 'Right: the first segment holds about 10 s of orders. It can go only when its newest record is 60 s old, so the oldest orders live about 70 s.',
        },
        {
          id: 'never',
          text: 'Not before email has read them',
          correct: false,
          why: 'Retention does not look at consumers. The segment goes when it is old enough, read or not.',
        },
        {
          id: 'whole-log',
          text: 'At 60 s, the whole log is emptied',
          correct: false,
          why: 'Only segments whose newest record is older than the retention go. Newer segments stay, so the log keeps the last minute or so of orders.',
        },
      ],
    },
    {
      kind: 'observe',
      text: 'Keep email down and let the clock run. Watch the log start offset of each orders partition: the lesson pauses at the first deletion.',
      highlight: ['orders'],
      tab: 'events',
      until: { compare: { path: 'topics.orders.partitions.*.logStartOffset' }, op: '>=', to: 1 },
      withinMs: 90_000,
      hint: 'Press Play if the clock is paused. The first segment is deleted about 70 s into the run.',
    },
    {
      kind: 'explain',
      prediction: 'first-deletion',
      text: 'Your prediction beside what the run measured. Each partition dropped its whole first segment in one go.',
      highlight: ['orders'],
      measured: [
        { label: 'clock at the first deletion', value: { path: 'simTimeMs', times: 0.001 }, unit: 's' },
        { label: 'orders deleted at once (log start offsets, summed)', value: { path: 'topics.orders.partitions.*.logStartOffset' } },
        { label: 'orders written so far', value: { path: 'topics.orders.partitions.*.logEndOffset' } },
        { label: 'orders email has read', value: { path: 'stats.email.uniqueProcessed' } },
      ],
    },
    {
      kind: 'observe',
      text: "Keep email down. More segments expire, and soon the log start passes email's committed offset on every partition: the next record email would read no longer exists. The step goes on about two minutes after the run began.",
      highlight: ['orders', 'email'],
      tab: 'groups',
      until: {
        all: [
          { elapsedMs: 55_000 },
          { compare: { path: 'topics.orders.partitions.0.logStartOffset' }, op: '>', to: { path: 'groups.email.offsets.orders-0.committed' } },
          { compare: { path: 'topics.orders.partitions.1.logStartOffset' }, op: '>', to: { path: 'groups.email.offsets.orders-1.committed' } },
          { compare: { path: 'topics.orders.partitions.2.logStartOffset' }, op: '>', to: { path: 'groups.email.offsets.orders-2.committed' } },
        ],
      },
      withinMs: 120_000,
      hint: "Press Play if the clock is paused. If email is already running again, crash it and wait: the step needs the log start past email's committed offsets.",
    },
    {
      kind: 'act',
      text: 'Bring email back: start email-0 again.',
      highlight: ['email-0'],
      tab: 'groups',
      goal: { compare: { path: 'groups.email.members.email-0.status' }, op: '=', to: 'running' },
      reference: [{ type: 'start', target: 'email-0' }],
    },
    {
      kind: 'observe',
      text: 'email rejoins its group and asks for its committed offsets. They are out of range (below the log start), so auto.offset.reset=earliest moves it to the oldest order still kept. Watch the events.',
      highlight: ['email', 'orders'],
      tab: 'events',
      until: {
        all: [
          { event: 'offset.outOfRange', where: { group: 'email' } },
          { compare: { path: 'groups.email.offsets.*.lag' }, op: '<=', to: 10 },
        ],
      },
      withinMs: 30_000,
      hint: 'Press Play if the clock is paused. The step goes on once email has caught up with the log.',
    },
    {
      kind: 'explain',
      prediction: 'after-outage',
      text: 'Your prediction beside what the run measured. Skipped orders were deleted before email could read them: no receipt was ever sent for them, and no error stopped anything.',
      highlight: ['email'],
      measured: [
        { label: 'orders written', value: { path: 'topics.orders.partitions.*.logEndOffset' } },
        { label: 'orders email skipped (lost to retention)', value: { path: 'stats.email.skipped' } },
        { label: 'receipts sent', value: { path: 'stats.email.uniqueProcessed' } },
        { label: 'offset-out-of-range events', value: { events: 'offset.outOfRange', where: { group: 'email' }, since: 'lesson' } },
      ],
    },
    {
      kind: 'check',
      text: 'Check: email lost orders to retention, and is running and caught up again.',
      goal: {
        all: [
          { compare: { path: 'stats.email.skipped' }, op: '>=', to: 50 },
          { compare: { path: 'groups.email.members.email-0.status' }, op: '=', to: 'running' },
          { compare: { path: 'groups.email.offsets.*.lag' }, op: '<=', to: 15 },
        ],
      },
      notYet: 'Not yet: email must be down long enough for retention to delete orders it had not read, then run again and catch up. Crash email-0, wait about two minutes, start it.',
    },
    {
      kind: 'predict',
      id: 'short-outage',
      text: 'Part 2: the fix is an outage shorter than the retention. Email goes down again, this time for well under a minute. What happens when it returns?',
      highlight: ['email'],
      options: [
        {
          id: 'skips-again',
          text: 'It skips the orders of this outage too',
          correct: false,
          why: 'Its committed offset still points at a record in the log: retention has not reached it. Nothing is out of range, so nothing is skipped.',
        },
        {
          id: 'resumes',
          text: 'It resumes at its committed offset and sends every missed receipt, late',
          correct: true,
          why: 'Right: as long as the outage is shorter than the retention (with room to catch up), the committed offset stays inside the log.',
        },
        {
          id: 'from-start',
          text: 'It starts again from the oldest order in the log',
          correct: false,
          why: 'auto.offset.reset only applies when there is no valid committed offset. Here there is one, so email resumes there.',
        },
      ],
    },
    {
      kind: 'act',
      text: 'Take email down again for less than a minute (let the clock run while it is down), then bring it back. The goal: it resumes at its committed offsets and skips nothing.',
      highlight: ['email-0'],
      tab: 'groups',
      goal: {
        all: [
          { event: 'offsets.resumed', where: { instance: 'email-0' } },
          { not: { event: 'offset.outOfRange' } },
          { compare: { path: 'stats.email.skipped', change: 'step' }, op: '=', to: 0 },
          { compare: { path: 'groups.email.members.email-0.status' }, op: '=', to: 'running' },
        ],
      },
      reference: [
        { type: 'crash', target: 'email-0' },
        { type: 'start', target: 'email-0' },
      ],
    },
    {
      kind: 'observe',
      text: 'email reads what it missed from its committed offsets. Watch its lag fall back to near zero.',
      highlight: ['email'],
      tab: 'groups',
      until: {
        all: [
          { compare: { path: 'groups.email.offsets.*.lag' }, op: '<=', to: 10 },
          { compare: { path: 'stats.email.skipped', change: 'step' }, op: '=', to: 0 },
        ],
      },
      withinMs: 30_000,
      hint: 'Press Play if the clock is paused. The step goes on once email has caught up.',
    },
    {
      kind: 'explain',
      prediction: 'short-outage',
      text: 'Your prediction beside what the run measured. The skipped count did not grow: every order skipped was lost in the first, long outage. A crash may send a few receipts twice: what was read but not yet committed is read again (at-least-once).',
      highlight: ['email'],
      measured: [
        { label: 'orders email skipped in the whole lesson', value: { path: 'stats.email.skipped' } },
        { label: 'offset-out-of-range events in the whole lesson', value: { events: 'offset.outOfRange', where: { group: 'email' }, since: 'lesson' } },
        { label: 'receipts sent twice', value: { path: 'stats.email.duplicates' } },
        { label: "email's lag", value: { path: 'groups.email.offsets.*.lag' }, unit: 'records' },
      ],
    },
    {
      kind: 'free',
      text: 'Explore from here: find the longest outage email survives without skipping. Or slow email down (a slow consumer) and watch the log start catch up with it, as in the preset "Retention loses data".',
      highlight: ['email', 'orders'],
    },
  ],
};
