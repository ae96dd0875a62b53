/**
 * The limits scenario (`budgetEdgeScenario`) to 7 virtual seconds in Node: CPU to 7 s, the
 * longest single engine step from 6 s on (one `runSteps(…, 1)` call: one event and the records
 * it processes), and the heap after a full GC at 7 s. Run with `node --expose-gc --import tsx
 * bench/budgetEdge.bench.ts`. Not a test: the machines are shared, so nothing passes or fails.
 *
 * `LOGSCOPE_BENCH_UNTIL_MS` changes the end (default 7000), `LOGSCOPE_BENCH_STEPS_FROM_MS` where
 * step timing starts (default 6000).
 */
import { createSimulation } from '../src/engine';
import { budgetEdgeScenario } from '../src/scenarios/budgetEdge';

const untilMs = Number(process.env['LOGSCOPE_BENCH_UNTIL_MS'] ?? 7000);
const stepsFromMs = Number(process.env['LOGSCOPE_BENCH_STEPS_FROM_MS'] ?? 6000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

gc();
const heapBefore = process.memoryUsage().heapUsed;
const cpuStart = process.cpuUsage();
const simulation = createSimulation(budgetEdgeScenario());
simulation.runUntil(stepsFromMs);
const cpuToSteps = cpuSeconds(cpuStart);
let longestMs = 0;
let longestAtMs = 0;
let steps = 0;
const durations: number[] = [];
for (;;) {
  const at = simulation.nextEventMs();
  const t0 = process.hrtime.bigint();
  const done = simulation.runSteps(untilMs, 1);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  durations.push(ms);
  steps++;
  if (ms > longestMs) {
    longestMs = ms;
    longestAtMs = at;
  }
  if (done) break;
}
const cpuTotal = cpuSeconds(cpuStart);
gc();
gc();
const heapAfter = process.memoryUsage().heapUsed;
durations.sort((a, b) => a - b);
const p = (q: number): number => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))]!;
const result = {
  untilMs,
  cpuToStepsS: +cpuToSteps.toFixed(2),
  cpuTotalS: +cpuTotal.toFixed(2),
  heapMB: +((heapAfter - heapBefore) / 1e6).toFixed(1),
  stepCalls: steps,
  longestStepMs: +longestMs.toFixed(1),
  longestStepAtMs: longestAtMs,
  p99StepMs: +p(0.99).toFixed(2),
  p999StepMs: +p(0.999).toFixed(2),
  delivered: Object.values(simulation.summary().stats).reduce((sum, s) => sum + s.processed, 0),
  hash: simulation.traceHash(),
};
console.log(JSON.stringify(result));
