/**
 * Engine benchmark: one virtual hour of the checkout scenario at 1,000 records/s with three
 * groups and retention.ms 60000, headless. Prints throughput, speed-up over real time and
 * memory; figures are kept in doc/benchmarks.md. Not a test: these machines are shared and
 * noisy, so nothing here passes or fails.
 */
import { createSimulation, type Scenario } from '../src/engine';
import { checkout } from '../src/scenarios/presets/checkout';

const VIRTUAL_MS = 3_600_000;
const RATE = 1000;

const scenario: Scenario = {
  ...checkout,
  actions: [],
  topics: [{ name: 'orders', partitions: 3, config: { 'retention.ms': 60_000, 'segment.ms': 10_000 } }],
  producers: [{ ...checkout.producers[0]!, ratePerSec: RATE }],
  // Handlers take no time and keep no per-order state here, so three groups keep up with
  // 1,000 records/s and memory reflects the log, not read models.
  services: checkout.services.filter((s) => s.id !== 'shipping').map(({ emitTo: _emitTo, ...s }) => ({ ...s, handler: 'noop', processingMs: 0 })),
};

const gc = (globalThis as { gc?: () => void }).gc;
const startHeap = process.memoryUsage().heapUsed;
let peakHeap = startHeap;
const simulation = createSimulation(scenario);
const started = process.hrtime.bigint();
for (let t = 60_000; t <= VIRTUAL_MS; t += 60_000) {
  simulation.runUntil(t);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}
const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
gc?.();
const settledHeap = process.memoryUsage().heapUsed;
const summary = simulation.summary();
const produced = summary.producers['checkout']!.sent;
const deliveries = Object.values(summary.stats).reduce((sum, s) => sum + s.processed, 0);
let retained = 0;
for (const topic of simulation.snapshot().topics) for (const p of topic.partitions) retained += p.highWatermark - p.logStartOffset;

const rows: Array<[string, string]> = [
  ['virtual time', `${VIRTUAL_MS / 1000} s`],
  ['records produced', produced.toLocaleString('en-US')],
  ['deliveries (handler invocations)', deliveries.toLocaleString('en-US')],
  ['wall time', `${wallSeconds.toFixed(2)} s`],
  ['deliveries per second', Math.round(deliveries / wallSeconds).toLocaleString('en-US')],
  ['goal: deliveries per second', '1,000,000'],
  ['ratio to goal', (deliveries / wallSeconds / 1_000_000).toFixed(2)],
  ['speed-up over real time', `${Math.round(VIRTUAL_MS / 1000 / wallSeconds)}×`],
  ['peak heap used', `${(peakHeap / 2 ** 20).toFixed(1)} MiB`],
  ['heap after run (after GC if --expose-gc)', `${(settledHeap / 2 ** 20).toFixed(1)} MiB`],
  ['records retained at the end', retained.toLocaleString('en-US')],
  ['heap bytes per retained record', Math.round((settledHeap - startHeap) / Math.max(1, retained)).toLocaleString('en-US')],
  ['trace hash', simulation.traceHash()],
];
const width = Math.max(...rows.map(([name]) => name.length));
console.log('LogScope engine benchmark (checkout, 1,000 records/s, 3 groups, retention.ms 60000)');
for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`);
