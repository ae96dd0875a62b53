import type { Lesson } from '../lessonTypes';
import { lessonMeta } from './lessonIndex';

/** Lesson 5: a group works on at most one instance per partition; extra instances wait idle. */
export const groupsAndParallelism: Lesson = {
  format: 'logscope-lesson',
  version: 1,
  ...lessonMeta('groups-and-parallelism'),
  speed: 1,
  start: {
    scenario: {
      format: 'logscope-scenario',
      version: 1,
      title: 'Billing cannot keep up with orders',
      seed: 3,
      topics: [{ name: 'orders', partitions: 3, config: { 'retention.ms': 600_000, 'segment.ms': 60_000 } }],
      producers: [
        { id: 'checkout', topic: 'orders', ratePerSec: 30, event: 'OrderPlaced', keys: { kind: 'sequence', prefix: 'order-' } },
      ],
      services: [
        {
          id: 'billing',
          subscribe: ['orders'],
          handler: 'chargePayment',
          processingMs: 80,
          config: { 'auto.offset.reset': 'earliest', 'max.poll.records': 20, 'auto.commit.interval.ms': 1000 },
        },
      ],
    },
  },
  teacherNotes: [
    'The arithmetic first: 30 orders a second arrive; one billing instance takes 80 ms per order, about 12.5 a second. Two instances make 25 (still short), three make 37.5. So 3 is the answer to the first question, and it happens to equal the partition count.',
    'Expect "the extra instances share the work" for the second question. Ask: which partition would the fourth instance read? Every partition already has its reader in this group.',
    'Some students answer "each instance processes every order". That is what separate groups do (lesson 2), not instances of one group.',
    'Point at the group panel after scaling: three instances own one partition each, the rest own nothing. Idle members are still useful as spares: stop one that owns a partition and a spare takes it over at the next rebalance.',
    'Discussion: if billing had to go faster still, what would you change? (More partitions, decided up front, or a faster handler; not more instances.)',
  ],
  steps: [
    {
      kind: 'observe',
      text: 'Press Play. checkout appends 30 orders a second to orders (3 partitions). billing has one instance, and it needs 80 ms for each order. Watch billing\'s lag: the orders waiting for it.',
      highlight: ['orders', 'billing', 'billing-0'],
      tab: 'groups',
      until: {
        all: [
          { elapsedMs: 10_000 },
          { compare: { path: 'groups.billing.offsets.*.lag' }, op: '>=', to: 100 },
        ],
      },
      withinMs: 30_000,
      hint: 'Press Play (or Space). The step goes on after ten seconds, once billing is at least 100 orders behind.',
    },
    {
      kind: 'predict',
      id: 'instances-needed',
      text: 'One instance handles about 12.5 orders a second, and 30 arrive. How many billing instances does it take for the lag to stop growing?',
      highlight: ['billing'],
      number: { label: 'Billing instances needed', unit: 'instances' },
    },
    {
      kind: 'predict',
      id: 'extra-instances',
      text: 'Suppose billing runs more instances than orders has partitions, say five. What do the instances beyond the third do?',
      highlight: ['billing', 'orders'],
      options: [
        {
          id: 'share',
          text: 'They take a share of the work, so every instance does a bit less',
          correct: false,
          why: 'Inside one group a partition is read by exactly one instance. With three partitions, only three instances can have work.',
        },
        {
          id: 'idle',
          text: 'Nothing: they join the group but get no partition',
          correct: true,
          why: 'Right: the group hands out partitions, not single records. Three partitions go to three instances; the others wait as spares.',
        },
        {
          id: 'copy',
          text: 'Each one also processes every order, so orders are charged more than once',
          correct: false,
          why: 'That is what separate groups do. Instances of one group split the partitions between them; they never read the same partition at the same time.',
        },
        {
          id: 'faster',
          text: 'They make billing faster, just less so than the first three did',
          correct: false,
          why: 'An instance without a partition has nothing to read, so it adds no speed at all. Only more partitions would let more instances work.',
        },
      ],
    },
    {
      kind: 'act',
      text: 'Give billing more instances than orders has partitions: at least four. Let the group settle.',
      highlight: ['billing'],
      tab: 'groups',
      goal: {
        all: [
          { compare: { path: 'groups.billing.members.*.memberId', of: 'count' }, op: '>=', to: 4 },
          { compare: { path: 'groups.billing.state' }, op: '=', to: 'Stable' },
          { compare: { path: 'groups.billing.members.*.assignment.length', of: 'max' }, op: '=', to: 1 },
        ],
      },
      reference: [{ type: 'scale', service: 'billing', instances: 5 }],
    },
    {
      kind: 'observe',
      text: 'The clock runs for 20 seconds. Watch billing\'s lag fall, and look at which instances own a partition.',
      highlight: ['billing', 'billing-3', 'billing-4'],
      tab: 'groups',
      until: {
        all: [
          { elapsedMs: 20_000 },
          { compare: { path: 'groups.billing.offsets.*.lag' }, op: '<', to: { path: 'groups.billing.offsets.*.lag', at: 'step' } },
        ],
      },
      withinMs: 40_000,
      hint: 'Press Play if the clock is paused. The step waits for 20 seconds and for the lag to be lower than when it began.',
    },
    {
      kind: 'explain',
      prediction: 'instances-needed',
      text: 'Your number beside the run. Only as many instances as there are partitions can work; here that was just enough.',
      compareWith: 0,
      measured: [
        { label: 'partitions of orders', value: { path: 'topics.orders.partitions.length' }, unit: 'partitions' },
        { label: 'billing instances in the group', value: { path: 'groups.billing.members.*.memberId', of: 'count' }, unit: 'instances' },
        { label: 'orders in the log', value: { path: 'topics.orders.partitions.*.logEndOffset' } },
        { label: 'orders billing has processed', value: { path: 'stats.billing.uniqueProcessed' } },
        { label: "billing's lag", value: { path: 'groups.billing.offsets.*.lag' }, unit: 'records' },
      ],
    },
    {
      kind: 'explain',
      prediction: 'extra-instances',
      text: 'Your answer beside the assignment. Each partition has one owner in the group; the instances left over own nothing.',
      measured: [
        { label: 'billing instances in the group', value: { path: 'groups.billing.members.*.memberId', of: 'count' }, unit: 'instances' },
        { label: 'partitions handed out', value: { path: 'groups.billing.members.*.assignment.length' }, unit: 'partitions' },
        { label: 'most partitions on one instance', value: { path: 'groups.billing.members.*.assignment.length', of: 'max' } },
        { label: 'fewest partitions on one instance', value: { path: 'groups.billing.members.*.assignment.length', of: 'min' } },
      ],
    },
    {
      kind: 'check',
      text: 'Check: billing has more instances than partitions, each partition has one owner, some instances are idle, and billing now keeps up.',
      highlight: ['billing'],
      goal: {
        all: [
          { compare: { path: 'groups.billing.members.*.memberId', of: 'count' }, op: '>', to: { path: 'topics.orders.partitions.length' } },
          { compare: { path: 'groups.billing.members.*.assignment.length' }, op: '=', to: { path: 'topics.orders.partitions.length' } },
          { compare: { path: 'groups.billing.members.*.assignment.length', of: 'max' }, op: '=', to: 1 },
          { compare: { path: 'groups.billing.members.*.assignment.length', of: 'min' }, op: '=', to: 0 },
          { compare: { path: 'stats.billing.uniqueProcessed' }, op: '>=', to: { path: 'topics.orders.partitions.*.logEndOffset', times: 0.7 } },
        ],
      },
      notYet: 'Not yet: billing needs more instances than orders has partitions, and time to catch up (at least 70% of all orders processed; one instance alone manages about 40%). Scale billing up and let the clock run.',
    },
    {
      kind: 'free',
      text: 'Explore from here: stop an instance that owns a partition and watch a spare take it over (after a crash the group first waits for the session timeout, 45 s). Or scale billing down to two and see the lag grow again.',
      highlight: ['billing'],
      tab: 'groups',
    },
  ],
};
