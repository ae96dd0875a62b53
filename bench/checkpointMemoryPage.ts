/**
 * The page side of bench/checkpointMemory.browser.ts, bundled into an empty page: plays a case
 * with the lab's live run (the real checkpoint policy) in 1 s steps, as the seek benchmarks do,
 * and measures the heap its checkpoints hold.
 */
import { LiveRun } from '../src/app/liveRun';
import { checkoutAt, outageHour } from './seekScenarios';

export interface MemoryCase {
  name: string;
  count: number;
  fineMs: number;
  coarseMs: number;
  widestGapMs: number;
  estimatedBytes: number;
  /** Heap freed when the checkpoints are dropped, after full collections. */
  measuredBytes: number;
  /** Heap in use with them, after full collections. */
  heapBytes: number;
  playWallMs: number;
}

const MEMORY_CASES = [
  { name: 'checkout, 100 records/s, 10 min', scenario: checkoutAt(100), untilMs: 600_000 },
  { name: 'email-outage topology, 100 orders/s, 30 min', scenario: outageHour, untilMs: 1_800_000 },
  { name: 'email-outage topology, 100 orders/s, 60 min', scenario: outageHour, untilMs: 3_600_000 },
];

const page = window as unknown as {
  gc: () => void;
  performance: { memory: { usedJSHeapSize: number } };
  measureCheckpoints?: (index: number) => MemoryCase;
};

function heapBytes(): number {
  page.gc();
  page.gc();
  return page.performance.memory.usedJSHeapSize;
}

page.measureCheckpoints = (index) => {
  const { name, scenario, untilMs } = MEMORY_CASES[index]!;
  const started = performance.now();
  const run = new LiveRun(scenario);
  for (let t = 1_000; t <= untilMs; t += 1_000) run.seek(t);
  const playWallMs = performance.now() - started;
  const checkpoints = run.checkpoints;
  const times = checkpoints.times();
  const widestGapMs = Math.max(...times.map((t, i) => t - (times[i - 1] ?? 0)), untilMs - (times.at(-1) ?? 0));
  const figures = {
    name,
    count: checkpoints.count,
    fineMs: checkpoints.fineIntervalMs,
    coarseMs: checkpoints.intervalMs,
    widestGapMs,
    estimatedBytes: checkpoints.totalBytes(),
    playWallMs,
  };
  const withThem = heapBytes();
  checkpoints.clear();
  return { ...figures, measuredBytes: withThem - heapBytes(), heapBytes: withThem };
};
