/**
 * Seek cost in CPU time (Node), for machines too loaded for the browser benchmarks' wall clock:
 * the 1-hour seek benchmark's run (bench/seekScenarios.ts: the email-outage topology at 100
 * orders/s, retention 10 minutes, nothing fails) played in 1 s steps, and every 10 virtual
 * minutes three times: taking a checkpoint (`fork` of the live run), restoring it (`fork` of
 * that copy, as a seek back does) and replaying 10 virtual seconds from it. A seek costs one
 * restore plus the replay from its checkpoint (plus the copies it leaves near the target).
 * Process CPU (user + system), so other processes' load counts much less than in wall time.
 * Not a test: nothing here passes or fails.
 *
 * `node --import tsx bench/seekCost.bench.ts` (`npm run bench:seekcost`).
 */
import { createSimulation } from '../src/engine';
import { outageHour } from './seekScenarios';

const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const figures = (values: number[], digits = 0): string =>
  `${median(values).toFixed(digits)} (${values.map((v) => v.toFixed(digits)).join(' / ')})`;

const simulation = createSimulation(outageHour);
console.log('LogScope seek cost (CPU ms; email-outage topology at 100 orders/s; median (each of 3))');
console.log('minute | take a checkpoint | restore it | replay per virtual second');
for (let minute = 10; minute <= 60; minute += 10) {
  for (let t = (minute - 10) * 60_000 + 1000; t <= minute * 60_000; t += 1000) simulation.runUntil(t);
  const take: number[] = [];
  const restore: number[] = [];
  const replay: number[] = [];
  for (let i = 0; i < 3; i++) {
    let started = cpuMs();
    const checkpoint = simulation.fork();
    take.push(cpuMs() - started);
    started = cpuMs();
    const restored = checkpoint.fork();
    restore.push(cpuMs() - started);
    started = cpuMs();
    restored.runUntil(simulation.now + 10_000);
    replay.push((cpuMs() - started) / 10);
  }
  console.log(`${minute} | ${figures(take)} | ${figures(restore, 1)} | ${figures(replay, 1)}`);
}
console.log(`trace hash at 60 min: ${simulation.traceHash()}`);
