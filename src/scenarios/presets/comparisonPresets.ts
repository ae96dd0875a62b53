/**
 * Presets that open as a comparison of two runs, side by side under one playhead: two scenarios,
 * a title and notes, as plain data (the gallery, links, unit tests and e2e share them). A note's
 * claim may hold of run A, of run B or of both (`when.a`, `when.b`): the caption shows only while
 * every claim it makes holds, as scenario notes do. Later comparisons (synchronous calls vs
 * events) are more entries of this list.
 */
import type { Condition, Scenario } from '../../engine';
import { checkout } from './checkout';
import { comparisonEntry } from './presetCatalogue';
import { atLeastOnceVsAtMostOnce, eagerVsCooperative } from './galleryPresets';
import { emailOutage, lateFraudCheck, lateFraudCheckLatest } from './storyPresets';
import { syncCheckout } from './syncPresets';

export interface ComparisonRun {
  /** What distinguishes this run, e.g. "earliest: replays history" (regions read "Run A: …"). */
  label: string;
  scenario: Scenario;
}

export interface ComparisonNote {
  atMs: number;
  text: string;
  /** Claims about run A and/or run B; the note shows only while each holds. */
  when?: { a?: Condition; b?: Condition };
}

export interface ComparisonPreset {
  id: string;
  title: string;
  description: string;
  concept: string;
  a: ComparisonRun;
  b: ComparisonRun;
  notes: ComparisonNote[];
  /**
   * A third run whose topic the difference table compares with both (its fingerprint), e.g.
   * the checkout without fraud-check: "the orders log is unchanged" is then visible.
   */
  reference?: { label: string; scenario: Scenario; topic: string };
}

/** A comparison's runs tell their story through the comparison's notes, not their own. */
const quiet = (scenario: Scenario, title: string): Scenario => ({ ...scenario, title, notes: [] });

/** One billing group (the same id in both runs, so the table lines them up), committing `commit`. */
function billing(commit: 'after-processing' | 'before-processing'): Scenario {
  const base = atLeastOnceVsAtMostOnce;
  const service = base.services.find((s) => s.id === `billing-${commit === 'after-processing' ? 'after' : 'before'}`)!;
  return {
    ...base,
    title: `billing commits ${commit === 'after-processing' ? 'after' : 'before'} processing`,
    notes: [],
    services: [{ ...service, id: 'billing' }],
    actions: [
      { atMs: 19_000, type: 'burst', producer: 'checkout', count: 300 },
      { atMs: 21_000, type: 'crash', target: 'billing-0' },
      { atMs: 26_000, type: 'start', target: 'billing-0' },
    ],
  };
}

/** One group of two instances reading orders with `strategy`, scaled to three at 30 s. */
function rebalancing(strategy: 'range' | 'cooperative-sticky'): Scenario {
  const base = eagerVsCooperative;
  const service = base.services.find((s) => s.id === (strategy === 'range' ? 'eager' : 'cooperative'))!;
  return {
    ...base,
    title: `readers rebalance with ${strategy}`,
    notes: [],
    services: [{ ...service, id: 'readers' }],
    actions: [{ atMs: 30_000, type: 'scale', service: 'readers', instances: 3 }],
  };
}

const fraudChecked = (op: '>=' | '<', to: number): Condition => ({
  compare: { path: 'stats.fraud-check.uniqueProcessed' },
  op,
  to,
});

const emailDown = { compare: { path: 'groups.email.members.email-0.status' }, op: '=', to: 'crashed' } as const;

export const COMPARISON_PRESETS: readonly ComparisonPreset[] = [
  {
    ...comparisonEntry('sync-vs-events'),
    a: { label: 'call chain', scenario: quiet(syncCheckout, 'checkout calls inventory → billing → email') },
    b: { label: 'events', scenario: quiet(emailOutage, 'checkout appends OrderPlaced; inventory, billing and email read it') },
    notes: [
      { atMs: 0, text: 'The same checkout twice. A: each order is a chain of calls, checkout → inventory → billing → email. B: each order is an OrderPlaced event in the log, read by each service on its own. Email goes down from 20 s to 50 s in both.' },
      {
        atMs: 25_000,
        text: 'Email is down. In A every order fails: one service down takes the whole checkout down. In B orders keep flowing into the log; only email falls behind.',
        when: {
          a: { all: [emailDown, { compare: { path: 'requests.checkout.failed' }, op: '>', to: 0 }] },
          b: { all: [emailDown, { compare: { path: 'groups.email.offsets.*.lag' }, op: '>', to: 0 }] },
        },
      },
      {
        atMs: 60_000,
        text: "Email is back. A's failed orders stay failed: nothing kept them. B's email resumed from its committed offset and has caught up: every order got its receipt, late.",
        when: {
          a: { compare: { path: 'requests.checkout.failed' }, op: '>=', to: 100 },
          b: { compare: { path: 'groups.email.offsets.*.lag' }, op: '<=', to: 5 },
        },
      },
    ],
  },
  {
    ...comparisonEntry('late-fraud-earliest-vs-latest'),
    a: { label: 'earliest', scenario: quiet(lateFraudCheck, 'fraud-check joins at 60 s, auto.offset.reset=earliest') },
    b: { label: 'latest', scenario: quiet(lateFraudCheckLatest, 'fraud-check joins at 60 s, auto.offset.reset=latest') },
    reference: { label: 'without fraud-check', scenario: checkout, topic: 'orders' },
    notes: [
      { atMs: 0, text: 'Two copies of the checkout pipeline. At 60 s fraud-check subscribes to orders: in A with auto.offset.reset=earliest, in B with latest.' },
      { atMs: 60_000, text: 'fraud-check joins both runs now. checkout is not changed in either.' },
      {
        atMs: 66_000,
        text: "A's fraud-check replayed the orders placed before it joined; B's starts at the log end and scores only new orders.",
        when: { a: fraudChecked('>=', 300), b: fraudChecked('<', 100) },
      },
      { atMs: 75_000, text: 'The orders topic has the same fingerprint in A, in B and in a run without fraud-check (the difference table): adding a consumer changed nothing for checkout.' },
    ],
  },
  {
    ...comparisonEntry('at-least-vs-at-most-once'),
    a: { label: 'commit after processing', scenario: billing('after-processing') },
    b: { label: 'commit before processing', scenario: billing('before-processing') },
    notes: [
      { atMs: 0, text: 'The same billing group in both runs: A commits after processing each batch, B as soon as poll returns.' },
      { atMs: 19_000, text: 'A burst of 300 orders: billing is busy with big batches in both runs.' },
      { atMs: 21_000, text: 'billing crashes mid-batch in both runs; it restarts at 26 s and resumes from its committed offset.' },
      {
        atMs: 35_000,
        text: 'A charged some orders twice (processed, not yet committed when it crashed): at-least-once. B charged none twice.',
        when: {
          a: { compare: { path: 'stats.billing.duplicates' }, op: '>', to: 0 },
          b: { compare: { path: 'stats.billing.duplicates' }, op: '=', to: 0 },
        },
      },
      {
        atMs: 40_000,
        text: 'B skipped the orders it had committed before processing them: lost, at-most-once. A skipped none.',
        when: {
          a: { compare: { path: 'stats.billing.skipped' }, op: '=', to: 0 },
          b: { compare: { path: 'stats.billing.skipped' }, op: '>', to: 0 },
        },
      },
    ],
  },
  {
    ...comparisonEntry('eager-vs-cooperative'),
    a: { label: 'eager (range)', scenario: rebalancing('range') },
    b: { label: 'cooperative-sticky', scenario: rebalancing('cooperative-sticky') },
    notes: [
      { atMs: 0, text: 'The same group of two readers in both runs; only the assignor differs: range (eager) in A, cooperative-sticky in B.' },
      { atMs: 30_000, text: 'Both scale to three instances now. Watch the assignments and the generations.' },
      {
        atMs: 33_000,
        text: 'A rebalanced once (generation 2): every member gave up all its partitions first. B took two rebalances (generation 3) but its members kept their partitions; only two moved.',
        when: {
          a: { all: [{ compare: { path: 'groups.readers.generation' }, op: '=', to: 2 }, { compare: { path: 'groups.readers.state' }, op: '=', to: 'Stable' }] },
          b: { all: [{ compare: { path: 'groups.readers.generation' }, op: '=', to: 3 }, { compare: { path: 'groups.readers.state' }, op: '=', to: 'Stable' }] },
        },
      },
    ],
  },
];

export function findComparisonPreset(id: string): ComparisonPreset | undefined {
  return COMPARISON_PRESETS.find((preset) => preset.id === id);
}
