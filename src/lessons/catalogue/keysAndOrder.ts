import type { Lesson } from '../lessonTypes';
import { lessonMeta } from './lessonIndex';

/** Lesson 4: order holds inside a partition only, so the records of one key must share a partition. */
export const keysAndOrder: Lesson = {
  format: 'logscope-lesson',
  version: 1,
  ...lessonMeta('keys-and-order'),
  speed: 1,
  start: {
    scenario: {
      format: 'logscope-scenario',
      version: 1,
      title: 'Order updates, round-robin versus keyed',
      seed: 4,
      topics: [
        { name: 'order-updates', partitions: 3, config: { 'retention.ms': 600_000, 'segment.ms': 60_000 } },
        { name: 'order-updates-v2', partitions: 3, config: { 'retention.ms': 600_000, 'segment.ms': 60_000 } },
      ],
      producers: [
        {
          id: 'checkout-v1',
          topic: 'order-updates',
          ratePerSec: 15,
          event: 'OrderUpdated',
          keys: { kind: 'uniform', prefix: 'order-', count: 20 },
          partitioner: 'roundrobin',
        },
        {
          id: 'checkout-v2',
          topic: 'order-updates-v2',
          ratePerSec: 15,
          event: 'OrderUpdated',
          keys: { kind: 'uniform', prefix: 'order-', count: 20 },
        },
      ],
      services: [
        {
          id: 'shipping',
          subscribe: ['order-updates', 'order-updates-v2'],
          instances: 3,
          processingMs: 35,
          config: { 'auto.offset.reset': 'earliest', 'max.poll.records': 10, 'auto.commit.interval.ms': 1000 },
        },
      ],
      actions: [
        { atMs: 0, type: 'slow', target: 'shipping-2', factor: 5 },
        { atMs: 0, type: 'pauseProducer', producer: 'checkout-v2' },
      ],
    },
  },
  teacherNotes: [
    'LogScope cannot change a running producer\'s partitioner, so the switch is a redeploy: checkout-v1 (round-robin) writes order-updates, checkout-v2 (partition chosen by key) writes a new topic, order-updates-v2, which shipping also reads. checkout-v2 starts paused.',
    'Expect "never": students picture one queue. Ask: the three partitions are read by three instances, one 5× slower. Which update of order-7 comes out first?',
    'Some say "only if something fails". Nothing fails here: three lines moving at different speeds are enough to reorder records of one key.',
    'After the switch a few more violations appear: the old round-robin updates still waiting on the slow partition. Once order-updates is drained the count stays put, although shipping-2 is still slow.',
    'Discussion: what would break the per-key order again? (Adding partitions changes which partition a key maps to; see the "Adding partitions breaks order" preset.)',
  ],
  steps: [
    {
      kind: 'predict',
      id: 'out-of-order',
      text: 'checkout-v1 writes every update of an order (placed, paid, packed, shipped…) in order, with the order id as key, but spreads the records over the 3 partitions in turn (round-robin). shipping reads them with three instances; shipping-2 is 5× slower. Can shipping handle a later update of an order before an earlier one?',
      highlight: ['checkout-v1', 'order-updates', 'shipping', 'shipping-2'],
      options: [
        {
          id: 'never',
          text: 'Never: Kafka keeps records in the order they were written',
          correct: false,
          why: 'Order is kept inside one partition only. Round-robin puts the updates of one order in different partitions, read by different instances at different speeds.',
        },
        {
          id: 'failure',
          text: 'Only if a broker fails or a record is lost',
          correct: false,
          why: 'Nothing has to fail. Three partitions read at three speeds are enough to reorder the updates of one order.',
        },
        {
          id: 'split',
          text: 'Yes, when updates of one order land on different partitions',
          correct: true,
          why: 'Right: a partition is read in order, but nothing orders one partition against another. The slow instance delays its partition\'s updates behind newer ones elsewhere.',
        },
        {
          id: 'no-order',
          text: 'Yes, at random: Kafka keeps no order at all',
          correct: false,
          why: 'Inside a partition the order is strict: records are read in offset order. The disorder comes only from spreading one order over several partitions.',
        },
      ],
    },
    {
      kind: 'observe',
      text: 'The clock runs: watch shipping\'s order violations: each is an update processed after a later update of the same order.',
      highlight: ['shipping', 'shipping-2', 'order-updates'],
      tab: 'groups',
      until: {
        all: [
          { elapsedMs: 15_000 },
          { compare: { path: 'stats.shipping.orderViolations' }, op: '>=', to: 20 },
        ],
      },
      withinMs: 40_000,
      hint: 'Press Play (or Space). The step goes on after 15 seconds, once shipping has counted at least 20 order violations.',
    },
    {
      kind: 'explain',
      prediction: 'out-of-order',
      text: 'Your prediction beside the run. The updates of one order were written in order, yet shipping saw some of them out of order.',
      measured: [
        { label: 'updates written by checkout-v1', value: { path: 'producers.checkout-v1.sent' } },
        { label: 'updates shipping has processed', value: { path: 'stats.shipping.uniqueProcessed' } },
        { label: 'order violations', value: { path: 'stats.shipping.orderViolations' } },
        { label: 'lag of the slow partition, order-updates-2', value: { path: 'groups.shipping.offsets.order-updates-2.lag' }, unit: 'records' },
      ],
    },
    {
      kind: 'predict',
      id: 'after-switch',
      text: 'checkout-v2 sends the same updates to a new topic, order-updates-v2, but picks each record\'s partition from its key, so all updates of one order go to one partition. shipping-2 stays slow. Once shipping reads only checkout-v2\'s updates, what happens to the violations?',
      highlight: ['checkout-v2', 'order-updates-v2', 'shipping-2'],
      options: [
        {
          id: 'stop',
          text: 'They stop: every update of an order waits in the same partition, read in order',
          correct: true,
          why: 'Right: a slow partition delays its orders, but all updates of each order wait in the same line, so they still come out in order.',
        },
        {
          id: 'continue',
          text: 'They go on: shipping-2 is still 5× slower than the others',
          correct: false,
          why: 'Slowness alone does not reorder anything. It did before only because one order\'s updates sat in lines moving at different speeds.',
        },
        {
          id: 'fewer',
          text: 'Fewer, but some: keys make disorder less likely, not impossible',
          correct: false,
          why: 'Within a partition the order is strict, so while the number of partitions stays the same the chance is zero here (Kafka\'s default idempotent producer keeps that order even across retries).',
        },
      ],
    },
    {
      kind: 'act',
      text: 'Move the order updates over to checkout-v2: checkout-v1 must stop sending, and checkout-v2 must send.',
      highlight: ['checkout-v1', 'checkout-v2'],
      goal: {
        all: [
          {
            any: [
              { compare: { path: 'producers.checkout-v1.paused' }, op: '=', to: true },
              { compare: { path: 'producers.checkout-v1.ratePerSec' }, op: '=', to: 0 },
            ],
          },
          { compare: { path: 'producers.checkout-v2.paused' }, op: '=', to: false },
          { compare: { path: 'producers.checkout-v2.ratePerSec' }, op: '>', to: 0 },
        ],
      },
      reference: [
        { type: 'pauseProducer', producer: 'checkout-v1' },
        { type: 'resumeProducer', producer: 'checkout-v2' },
      ],
    },
    {
      kind: 'observe',
      text: 'shipping first finishes the old round-robin updates still waiting in order-updates, mostly on the slow partition. A few more violations may appear while they drain.',
      highlight: ['order-updates', 'shipping-2'],
      tab: 'groups',
      until: {
        all: [
          { compare: { path: 'groups.shipping.offsets.order-updates-0.lag' }, op: '=', to: 0 },
          { compare: { path: 'groups.shipping.offsets.order-updates-1.lag' }, op: '=', to: 0 },
          { compare: { path: 'groups.shipping.offsets.order-updates-2.lag' }, op: '=', to: 0 },
        ],
      },
      withinMs: 30_000,
      hint: 'Press Play if the clock is paused. The step waits until shipping has read everything left in order-updates (lag 0 on its three partitions).',
    },
    {
      kind: 'observe',
      text: 'Now only keyed updates arrive. Watch the next 200 of them: does the violation count move?',
      highlight: ['order-updates-v2', 'shipping', 'shipping-2'],
      tab: 'groups',
      until: {
        all: [
          { compare: { path: 'groups.shipping.offsets.*.committed', change: 'step' }, op: '>=', to: 200 },
          { compare: { path: 'stats.shipping.orderViolations', change: 'step' }, op: '=', to: 0 },
        ],
      },
      withinMs: 40_000,
      hint: 'Press Play if the clock is paused. The step waits until shipping has read and committed 200 more updates with no new violation.',
    },
    {
      kind: 'explain',
      prediction: 'after-switch',
      text: 'Your prediction beside the run. The violation count stopped at the number the round-robin updates caused; the keyed updates added none, slow instance or not.',
      measured: [
        { label: 'updates written by checkout-v1', value: { path: 'producers.checkout-v1.sent' } },
        { label: 'updates written by checkout-v2', value: { path: 'producers.checkout-v2.sent' } },
        { label: 'order violations in total', value: { path: 'stats.shipping.orderViolations' } },
        { label: 'lag of the slow instance\'s new partition, order-updates-v2-2', value: { path: 'groups.shipping.offsets.order-updates-v2-2.lag' }, unit: 'records' },
      ],
    },
    {
      kind: 'check',
      text: 'Check: round-robin caused violations, checkout-v1 has stopped, its topic is drained, and shipping has read at least 200 keyed updates.',
      highlight: ['shipping', 'checkout-v2'],
      goal: {
        all: [
          { compare: { path: 'stats.shipping.orderViolations' }, op: '>', to: 0 },
          {
            any: [
              { compare: { path: 'producers.checkout-v1.paused' }, op: '=', to: true },
              { compare: { path: 'producers.checkout-v1.ratePerSec' }, op: '=', to: 0 },
            ],
          },
          { compare: { path: 'groups.shipping.offsets.order-updates-0.lag' }, op: '=', to: 0 },
          { compare: { path: 'groups.shipping.offsets.order-updates-1.lag' }, op: '=', to: 0 },
          { compare: { path: 'groups.shipping.offsets.order-updates-2.lag' }, op: '=', to: 0 },
          {
            compare: { path: 'groups.shipping.offsets.*.committed' },
            op: '>=',
            to: { path: 'topics.order-updates.partitions.*.logEndOffset', plus: 200 },
          },
        ],
      },
      notYet: 'Not yet: stop checkout-v1, let checkout-v2 send, and let the clock run until shipping has drained order-updates and read 200 keyed updates.',
    },
    {
      kind: 'free',
      text: 'Explore from here: slow shipping-0 as well, or stop shipping-2 and watch its partitions move to the other instances; the keyed updates stay in order. Resume checkout-v1 to bring the violations back.',
      highlight: ['shipping', 'shipping-2', 'checkout-v1'],
      tab: 'groups',
    },
  ],
};
