/** The views the comparison frame benchmarks measure (compareFrame, compareProfile). */
import { comparisonLinkFragment } from '../src/share/comparisonLink';
import { runLinkFragment } from '../src/share/runLink';
import { FRAME_BENCH_SCENARIO } from './frameBench';

export const COMPARE_BENCH_CASES = [
  { label: 'one run (the frame benchmark scenario)', hash: runLinkFragment({ scenario: FRAME_BENCH_SCENARIO, interventions: [], playheadMs: 60_000, selection: null, view: {} }) },
  {
    label: 'comparison: that scenario as run A and run B',
    hash: comparisonLinkFragment({ title: 'bench', presetId: null, a: { label: 'A', scenario: FRAME_BENCH_SCENARIO, interventions: [] }, b: { label: 'B', scenario: FRAME_BENCH_SCENARIO, interventions: [] }, playheadMs: 60_000 }),
  },
  { label: 'comparison preset late-fraud-earliest-vs-latest', hash: '#preset=late-fraud-earliest-vs-latest' },
];

