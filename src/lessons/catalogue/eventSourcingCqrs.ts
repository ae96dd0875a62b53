import type { Lesson } from '../lessonTypes';
import { lessonMeta } from './lessonIndex';

/** Lesson 10: a read model is derived from the log, so a wrong one can be rebuilt by replaying the log. */
export const eventSourcingCqrs: Lesson = {
  format: 'logscope-lesson',
  version: 1,
  ...lessonMeta('event-sourcing-cqrs'),
  speed: 0.5,
  start: {
    scenario: {
      format: 'logscope-scenario',
      version: 1,
      title: 'Rebuild a read model',
      seed: 7,
      topics: [{ name: 'orders', partitions: 3, config: { 'retention.ms': 600_000, 'segment.ms': 60_000 } }],
      producers: [
        { id: 'checkout', topic: 'orders', ratePerSec: 5, event: 'OrderPlaced', keys: { kind: 'sequence', prefix: 'order-' } },
      ],
      services: [
        {
          id: 'inventory',
          subscribe: ['orders'],
          handler: 'reserveStock',
          processingMs: 20,
          config: { 'auto.offset.reset': 'earliest', 'session.timeout.ms': 10_000 },
        },
      ],
      actions: [
        { atMs: 14_500, type: 'crash', target: 'inventory-0' },
        { atMs: 15_000, type: 'start', target: 'inventory-0' },
      ],
    },
  },
  teacherNotes: [
    'The accident is part of the setup: at 14.5 s inventory crashes and restarts. Orders it had applied but not yet committed are applied again, so some stock is taken twice (the divergence count).',
    'Expect "only from a backup" and "it is lost": students think of the read model as the database of record. Ask: which numbers would you need to compute the stock by hand? (Every OrderPlaced, and they are all still in the log.)',
    'The rebuild has three parts: inventory leaves its group, its offsets go back to the log start with its read model cleared, and it starts again. Kafka only resets the offsets of a group with no members.',
    'While it replays, the stock is stale: it climbs back through old values. Point at the lag and the staleness before it catches up.',
    'Here orders are the only events; a real inventory would also read restocks and cancellations, and the rule is the same. Discussion: what limits a rebuild? (Retention: only what the log still holds can be replayed.)',
  ],
  steps: [
    {
      kind: 'observe',
      text: 'Press Play. inventory keeps the stock of each product by subtracting every OrderPlaced it reads. At 14.5 s it crashes and restarts; once the group hands it its partitions again, it re-reads the orders it had not committed yet.',
      highlight: ['inventory', 'orders'],
      tab: 'groups',
      until: {
        all: [
          { elapsedMs: 30_000 },
          { compare: { path: 'stats.inventory.divergence' }, op: '>=', to: 5 },
          { compare: { path: 'groups.inventory.offsets.*.lag' }, op: '<=', to: 15 },
        ],
      },
      withinMs: 45_000,
      hint: 'Press Play if the clock is paused. The step goes on once inventory has restarted and caught up (about 30 s into the run).',
    },
    {
      kind: 'predict',
      id: 'recover-stock',
      text: "inventory's stock is now wrong: some orders were subtracted twice (see its divergence). Can the correct stock be recovered, and from what?",
      highlight: ['inventory'],
      options: [
        {
          id: 'backup',
          text: "Only from a backup of inventory's database",
          correct: false,
          why: 'A backup helps a database that is the only copy of the truth. Here the truth is the orders log: the stock is just what you get by applying its events, so the log is the backup.',
        },
        {
          id: 'lost',
          text: 'No: the wrong numbers are all there is now',
          correct: false,
          why: 'The stock was computed from events, and the events are still in the log (retention is 10 minutes). Computing it again from them gives the right numbers.',
        },
        {
          id: 'replay',
          text: 'Yes: clear the stock and replay the orders log from the start',
          correct: true,
          why: 'Right: the read model is derived data. Throw it away, read every retained event again, once each and in order, and you get the correct stock.',
        },
        {
          id: 'resend',
          text: 'Yes, but checkout must send all its orders again',
          correct: false,
          why: 'checkout already wrote each order once, and the log keeps it. Sending them again would add new, duplicate facts that every other reader would also see.',
        },
      ],
    },
    {
      kind: 'act',
      text: "Rebuild inventory's stock from the log: take inventory out of its group, move its committed offsets back to the earliest offset while clearing its read model (a rebuild), then bring it back and let the clock run.",
      highlight: ['inventory', 'inventory-0'],
      tab: 'groups',
      goal: {
        all: [
          { compare: { path: 'stats.inventory.replayed' }, op: '>=', to: 1 },
          { compare: { path: 'stats.inventory.divergence' }, op: '=', to: 0 },
        ],
      },
      reference: [
        { type: 'stop', target: 'inventory-0' },
        { type: 'resetOffsets', group: 'inventory', to: 'earliest', rebuild: true },
        { type: 'start', target: 'inventory-0' },
      ],
    },
    {
      kind: 'observe',
      text: 'inventory replays the log from the first order. Until it catches up its stock is stale: it shows the stock of some moment in the past. Watch its lag shrink.',
      highlight: ['inventory', 'orders'],
      tab: 'groups',
      until: {
        all: [
          { compare: { path: 'stats.inventory.replayed' }, op: '>=', to: { path: 'stats.inventory.uniqueProcessed', at: 'step', times: 0.95 } },
          { compare: { path: 'groups.inventory.offsets.*.lag' }, op: '<=', to: 10 },
          { compare: { path: 'groups.inventory.staleness.records' }, op: '<=', to: 10 },
        ],
      },
      withinMs: 30_000,
      hint: 'Press Play if the clock is paused. If the replay does not start, check that inventory-0 is running again.',
    },
    {
      kind: 'explain',
      prediction: 'recover-stock',
      text: 'Your prediction beside what the run measured. The divergence counts orders the read model applied more than once, compared with applying every order in the log exactly once, in order.',
      highlight: ['inventory'],
      measured: [
        { label: 'orders in the log', value: { path: 'topics.orders.partitions.*.logEndOffset' } },
        { label: 'orders inventory replayed', value: { path: 'stats.inventory.replayed' } },
        { label: 'orders applied twice before the rebuild', value: { path: 'stats.inventory.duplicates' } },
        { label: 'divergence now', value: { path: 'stats.inventory.divergence' } },
        { label: 'rows different from folding the log once', value: { path: 'fold.inventory.differing' } },
        { label: "inventory's lag", value: { path: 'groups.inventory.offsets.*.lag' }, unit: 'records' },
      ],
    },
    {
      kind: 'check',
      text: 'Check: inventory replayed the log, caught up, and its stock now matches applying every order exactly once.',
      goal: {
        all: [
          { compare: { path: 'stats.inventory.replayed' }, op: '>=', to: 100 },
          { compare: { path: 'stats.inventory.divergence' }, op: '=', to: 0 },
          { compare: { path: 'stats.inventory.skipped' }, op: '=', to: 0 },
          { compare: { path: 'groups.inventory.offsets.*.lag' }, op: '<=', to: 15 },
          // The reference fold: the stock table equals applying every retained order once, in
          // order (give or take the one or two orders still on their way as the check is made).
          { compare: { path: 'fold.inventory.differing' }, op: '<=', to: 6 },
        ],
      },
      notYet: 'Not yet: inventory must replay the whole log into a cleared read model and catch up, with a divergence of 0. Stop it, reset its offsets to earliest with rebuild, start it, and let it run.',
    },
    {
      kind: 'free',
      text: 'Explore from here: reset inventory to earliest without rebuild and watch the divergence jump (every order applied twice). Or add a new read model, such as a service that projects orders, reading from earliest: history builds it, and checkout changes nothing.',
      highlight: ['inventory', 'orders'],
    },
  ],
};
