/** The views the comparison frame benchmarks measure (compareFrame, compareProfile). */
import { checkout } from '../src/scenarios/presets/checkout';
import { comparisonLinkFragment } from '../src/share/comparisonLink';
import { runLinkFragment } from '../src/share/runLink';
import type { Scenario } from '../src/engine';

const heavy: Scenario = {
  ...checkout,
  title: 'Frame benchmark: 100 records/s, 12 partitions, 4 groups',
  topics: [{ name: 'orders', partitions: 12, config: { 'retention.ms': 600_000, 'segment.ms': 60_000 } }],
  producers: [{ ...checkout.producers[0]!, ratePerSec: 100 }],
  services: [
    { id: 'inventory', subscribe: ['orders'], handler: 'reserveStock', processingMs: 2, config: { 'auto.offset.reset': 'earliest' } },
    { id: 'billing', subscribe: ['orders'], handler: 'chargePayment', processingMs: 2, config: { 'auto.offset.reset': 'earliest' } },
    { id: 'email', subscribe: ['orders'], handler: 'sendReceipt', processingMs: 2, instances: 2, config: { 'auto.offset.reset': 'earliest' } },
    { id: 'fraud-check', subscribe: ['orders'], handler: 'scoreFraud', processingMs: 2, config: { 'auto.offset.reset': 'earliest' } },
  ],
  notes: [],
  actions: [],
};

export const COMPARE_BENCH_CASES = [
  { label: 'one run (the frame benchmark scenario)', hash: runLinkFragment({ scenario: heavy, interventions: [], playheadMs: 60_000, selection: null, view: {} }) },
  {
    label: 'comparison: that scenario as run A and run B',
    hash: comparisonLinkFragment({ title: 'bench', presetId: null, a: { label: 'A', scenario: heavy, interventions: [] }, b: { label: 'B', scenario: heavy, interventions: [] }, playheadMs: 60_000 }),
  },
  { label: 'comparison preset late-fraud-earliest-vs-latest', hash: '#preset=late-fraud-earliest-vs-latest' },
];

