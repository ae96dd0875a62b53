/**
 * Engine benchmark: one virtual hour of the checkout scenario at 1,000 records/s with three
 * groups and retention.ms 60000, headless, against the bare-loop floor measured in the same
 * process (`bench/bareLoopFloor.ts`). Prints deliveries per CPU-second, the ratio to the floor,
 * allocation per delivery and heap per retained record; figures are kept in doc/benchmarks.md.
 * Not a test: these machines are shared and noisy, so nothing here passes or fails.
 *
 * `LOGSCOPE_BENCH_MINUTES` shortens the virtual run (default 60) for quick comparisons.
 */
import { GCProfiler } from 'node:v8';
import { createSimulation, type Scenario } from '../src/engine';
import { checkout } from '../src/scenarios/presets/checkout';
import { runBareLoopFloor } from './bareLoopFloor';

const VIRTUAL_MS = 60_000 * Number(process.env['LOGSCOPE_BENCH_MINUTES'] ?? 60);
const RATE = 1000;
const RETENTION_MS = 60_000;

const scenario: Scenario = {
  ...checkout,
  actions: [],
  topics: [{ name: 'orders', partitions: 3, config: { 'retention.ms': RETENTION_MS, 'segment.ms': 10_000 } }],
  producers: [{ ...checkout.producers[0]!, ratePerSec: RATE }],
  // Handlers take no time and keep no per-order state here, so three groups keep up with
  // 1,000 records/s and memory reflects the log, not read models.
  services: checkout.services.filter((s) => s.id !== 'shipping').map(({ emitTo: _emitTo, ...s }) => ({ ...s, handler: 'noop', processingMs: 0 })),
};

const gc = (globalThis as { gc?: () => void }).gc;

interface Measured<T> {
  result: T;
  cpuSeconds: number;
  wallSeconds: number;
  /** Bytes allocated on the JS heap: what collections freed plus the growth of the heap. */
  allocatedBytes: number;
}

/** Runs `work` and measures its CPU time (user + system) and what it allocated on the heap. */
function measure<T>(work: () => T): Measured<T> {
  gc?.();
  const profiler = new GCProfiler();
  profiler.start();
  const usedBefore = process.memoryUsage().heapUsed;
  const cpuBefore = process.cpuUsage();
  const wallBefore = process.hrtime.bigint();
  const result = work();
  const wallSeconds = Number(process.hrtime.bigint() - wallBefore) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const usedAfter = process.memoryUsage().heapUsed;
  const { statistics } = profiler.stop();
  let freed = 0;
  for (const s of statistics) freed += s.beforeGC.heapStatistics.usedHeapSize - s.afterGC.heapStatistics.usedHeapSize;
  return { result, cpuSeconds: (cpu.user + cpu.system) / 1e6, wallSeconds, allocatedBytes: freed + usedAfter - usedBefore };
}

const floorRun = (): Measured<ReturnType<typeof runBareLoopFloor>> => measure(() => runBareLoopFloor(VIRTUAL_MS, RATE, 3, RETENTION_MS));
const floorBefore = floorRun();

gc?.();
const startHeap = process.memoryUsage().heapUsed;
let peakHeap = startHeap;
const engine = measure(() => {
  const simulation = createSimulation(scenario);
  for (let t = 60_000; t <= VIRTUAL_MS; t += 60_000) {
    simulation.runUntil(t);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  return simulation;
});
const simulation = engine.result;
gc?.();
const settledHeap = process.memoryUsage().heapUsed;
const floorAfter = floorRun();
// The floor is a bound: the faster of its two runs (before and after the engine's).
const floor = floorBefore.cpuSeconds <= floorAfter.cpuSeconds ? floorBefore : floorAfter;

const summary = simulation.summary();
const produced = summary.producers['checkout']!.sent;
const deliveries = Object.values(summary.stats).reduce((sum, s) => sum + s.processed, 0);
let retained = 0;
for (const topic of simulation.snapshot().topics) for (const p of topic.partitions) retained += p.highWatermark - p.logStartOffset;

const perCpuSecond = deliveries / engine.cpuSeconds;
const floorPerCpuSecond = floor.result.deliveries / floor.cpuSeconds;
const count = (n: number): string => Math.round(n).toLocaleString('en-US');
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(2)} KB`;

const rows: Array<[string, string]> = [
  ['virtual time', `${VIRTUAL_MS / 1000} s`],
  ['records produced', count(produced)],
  ['deliveries (handler invocations)', count(deliveries)],
  ['engine: CPU time', `${engine.cpuSeconds.toFixed(2)} s (wall ${engine.wallSeconds.toFixed(2)} s)`],
  ['engine: deliveries per CPU-second', count(perCpuSecond)],
  ['floor: CPU time (best of 2 runs)', `${floor.cpuSeconds.toFixed(2)} s (${floorBefore.cpuSeconds.toFixed(2)} s, ${floorAfter.cpuSeconds.toFixed(2)} s)`],
  ['floor: deliveries per CPU-second', count(floorPerCpuSecond)],
  ['ratio to the floor (goal ≥ 0.15)', (perCpuSecond / floorPerCpuSecond).toFixed(3)],
  ['engine: allocated per delivery (goal ≤ 1 KB)', kb(engine.allocatedBytes / deliveries)],
  ['floor: allocated per record', kb(floor.allocatedBytes / floor.result.records)],
  ['speed-up over real time (wall)', `${Math.round(VIRTUAL_MS / 1000 / engine.wallSeconds)}×`],
  ['peak heap used', `${(peakHeap / 2 ** 20).toFixed(1)} MiB`],
  ['heap after run (after GC if --expose-gc)', `${(settledHeap / 2 ** 20).toFixed(1)} MiB`],
  ['records retained at the end', count(retained)],
  ['heap bytes per retained record (goal ≤ 200)', count((settledHeap - startHeap) / Math.max(1, retained))],
  ['trace hash', simulation.traceHash()],
];
const width = Math.max(...rows.map(([name]) => name.length));
console.log('LogScope engine benchmark (checkout, 1,000 records/s, 3 groups, retention.ms 60000)');
for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`);
if (floor.result.checksum < 0) console.log('unreachable: keeps the floor loop observable');
