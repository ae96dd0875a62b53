import type { Lesson } from '../lessonTypes';
import { lessonMeta } from './lessonIndex';

/** Lesson 12: an eager rebalance stops every partition; a cooperative one moves only what must move. */
export const rebalancing: Lesson = {
  format: 'logscope-lesson',
  version: 1,
  ...lessonMeta('rebalancing'),
  speed: 0.5,
  start: {
    scenario: {
      format: 'logscope-scenario',
      version: 1,
      title: 'Eager vs cooperative rebalancing',
      seed: 9,
      topics: [{ name: 'orders', partitions: 6, config: { 'retention.ms': 600_000, 'segment.ms': 60_000 } }],
      producers: [
        { id: 'checkout', topic: 'orders', ratePerSec: 30, event: 'OrderPlaced', keys: { kind: 'sequence', prefix: 'order-' } },
      ],
      services: [
        {
          id: 'billing-eager',
          subscribe: ['orders'],
          instances: 3,
          handler: 'noop',
          processingMs: 30,
          config: { 'auto.offset.reset': 'earliest', 'partition.assignment.strategy': 'range' },
        },
        {
          id: 'billing-coop',
          subscribe: ['orders'],
          instances: 3,
          handler: 'noop',
          processingMs: 30,
          config: { 'auto.offset.reset': 'earliest', 'partition.assignment.strategy': 'cooperative-sticky' },
        },
      ],
    },
  },
  teacherNotes: [
    'Two billing groups read the same orders and differ only in their assignor: billing-eager uses range (eager protocol), billing-coop uses cooperative-sticky. The lab cannot switch a running group\'s assignor (in Kafka that takes two rolling restarts), so the lesson compares them side by side, scaling both from 3 to 4 at the same moment.',
    'Expect "only the moved ones" for eager: students assume the protocol is smart. Range gives the new member just one partition (orders-5), yet all three old members stop all six and rejoin.',
    'Expect "all six" for cooperative from those who think every rebalance is the same. Only the member that loses a partition gives it up; the others keep processing through both rebalances.',
    'Point at the generations: eager goes up by one, cooperative by two (a first rebalance to revoke, a second to hand the partition over).',
    'Discussion: why does a stop-the-world pause matter in production? (Every rolling deploy and every autoscaling step triggers one; with many members and big batches it lasts seconds.)',
  ],
  steps: [
    {
      kind: 'observe',
      text: 'Press Play. Two billing groups read the same 6 partitions of orders, 3 instances each. They differ only in their assignor: billing-eager uses range (eager), billing-coop uses cooperative-sticky.',
      highlight: ['billing-eager', 'billing-coop', 'orders'],
      tab: 'groups',
      until: {
        all: [
          { elapsedMs: 10_000 },
          { compare: { path: 'groups.billing-eager.offsets.*.committed', of: 'count' }, op: '>=', to: 6 },
          { compare: { path: 'groups.billing-coop.offsets.*.committed', of: 'count' }, op: '>=', to: 6 },
        ],
      },
      withinMs: 20_000,
      hint: 'Press Play (or Space). The step goes on by itself after ten seconds of the run.',
    },
    {
      kind: 'predict',
      id: 'eager-stop',
      text: 'A fourth instance joins billing-eager. While the group rebalances, how many of its 6 partitions stop being processed?',
      highlight: ['billing-eager'],
      options: [
        {
          id: 'moved',
          text: 'Only the one or two that move to the new instance',
          correct: false,
          why: 'That is what cooperative rebalancing does. Under the eager protocol every member gives up all its partitions before it rejoins, whether or not they will move.',
        },
        {
          id: 'all',
          text: 'All 6',
          correct: true,
          why: 'Right: eager means stop the world. Each member revokes everything it owns and rejoins; processing resumes only after the new assignment is handed out.',
        },
        {
          id: 'none',
          text: 'None: the rebalance is instant',
          correct: false,
          why: 'A rebalance takes time: every member must notice it, rejoin and wait for the others. Under eager all of them are idle meanwhile.',
        },
        {
          id: 'new-only',
          text: 'None of the old ones: only the new instance waits',
          correct: false,
          why: 'The old members take part in the rebalance too. Under eager they drop their partitions first and rejoin.',
        },
      ],
    },
    {
      kind: 'predict',
      id: 'coop-stop',
      text: 'At the same moment a fourth instance joins billing-coop (cooperative-sticky). How many of its partitions stop being processed?',
      highlight: ['billing-coop'],
      options: [
        {
          id: 'all',
          text: 'All 6, as in billing-eager',
          correct: false,
          why: 'Not every rebalance is alike. Cooperative members keep their partitions while the group rebalances, and give up only those that must move.',
        },
        {
          id: 'moved',
          text: 'Only the partitions that move to the new instance',
          correct: true,
          why: 'Right: the first rebalance tells a member which partitions it loses; it revokes only those, and a second rebalance gives them to the new instance.',
        },
        {
          id: 'none',
          text: 'None at all',
          correct: false,
          why: 'A moved partition has no owner between the two rebalances: it pauses until the new instance gets it. Only the others carry on.',
        },
      ],
    },
    {
      kind: 'act',
      text: 'Add a fourth instance to both groups, billing-eager and billing-coop, at about the same moment. Then let the clock run and watch the events: who revokes what, and the generation of each group. The step goes on when both groups are stable again.',
      highlight: ['billing-eager', 'billing-coop'],
      tab: 'events',
      goal: {
        all: [
          { compare: { path: 'groups.billing-eager.members.*.status', of: 'count' }, op: '>=', to: 4 },
          { compare: { path: 'groups.billing-coop.members.*.status', of: 'count' }, op: '>=', to: 4 },
          { compare: { path: 'groups.billing-eager.state' }, op: '=', to: 'Stable' },
          { compare: { path: 'groups.billing-coop.state' }, op: '=', to: 'Stable' },
          { compare: { path: 'groups.billing-eager.generation', change: 'step' }, op: '>=', to: 1 },
          { compare: { path: 'groups.billing-coop.generation', change: 'step' }, op: '>=', to: 2 },
          { event: 'partitions.revoked', where: { group: 'billing-eager' }, sumOf: 'count', op: '>=', value: 6 },
          { event: 'partitions.revoked', where: { group: 'billing-coop' }, sumOf: 'count', op: '>=', value: 1 },
          { event: 'partitions.revoked', where: { group: 'billing-coop' }, sumOf: 'count', op: '<=', value: 2 },
        ],
      },
      reference: [
        { type: 'scale', service: 'billing-eager', instances: 4 },
        { type: 'scale', service: 'billing-coop', instances: 4 },
      ],
    },
    {
      kind: 'explain',
      prediction: 'eager-stop',
      text: 'Your prediction beside what the run measured. Every old member of billing-eager revoked both its partitions, yet range handed only one partition to the new instance: the rest went back to their old owners after a pause.',
      highlight: ['billing-eager'],
      measured: [
        { label: 'billing-eager members that revoked all their partitions', value: { events: 'partitions.revoked', where: { group: 'billing-eager' }, since: 'lesson' } },
        { label: 'partitions the new instance billing-eager-3 took over', value: { path: 'groups.billing-eager.members.billing-eager-3.assignment.length' } },
        { label: 'billing-eager generation (one per rebalance)', value: { path: 'groups.billing-eager.generation' } },
      ],
    },
    {
      kind: 'explain',
      prediction: 'coop-stop',
      text: 'Your prediction beside what the run measured. In billing-coop only the member losing a partition revoked it; the others kept processing through both rebalances.',
      highlight: ['billing-coop'],
      measured: [
        { label: 'billing-coop members that revoked a partition', value: { events: 'partitions.revoked', where: { group: 'billing-coop' }, since: 'lesson' } },
        { label: 'partitions the new instance billing-coop-3 took over', value: { path: 'groups.billing-coop.members.billing-coop-3.assignment.length' } },
        { label: 'billing-coop generation (one per rebalance)', value: { path: 'groups.billing-coop.generation' } },
      ],
    },
    {
      kind: 'check',
      text: 'Check: both groups have four working instances; billing-eager needed one rebalance, billing-coop two.',
      goal: {
        all: [
          { compare: { path: 'groups.billing-eager.state' }, op: '=', to: 'Stable' },
          { compare: { path: 'groups.billing-coop.state' }, op: '=', to: 'Stable' },
          { compare: { path: 'groups.billing-eager.members.billing-eager-3.assignment.length' }, op: '>=', to: 1 },
          { compare: { path: 'groups.billing-coop.members.billing-coop-3.assignment.length' }, op: '>=', to: 1 },
          { compare: { path: 'groups.billing-eager.generation' }, op: '>=', to: 2 },
          { compare: { path: 'groups.billing-coop.generation' }, op: '>=', to: { path: 'groups.billing-eager.generation', plus: 1 } },
        ],
      },
      notYet: 'Not yet: scale both billing groups to 4 instances and let both finish rebalancing (billing-coop takes two rebalances).',
    },
    {
      kind: 'free',
      text: 'Explore from here: scale both groups back to 3, or to 5, or crash one instance of each, and compare the revocations in the events. Which group keeps more partitions running?',
      highlight: ['billing-eager', 'billing-coop'],
    },
  ],
};
