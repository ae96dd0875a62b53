/**
 * The legal-scenario fuzzer at scale: `npx tsx scripts/fuzz-legal.ts [count] [first seed]`
 * (default 10,000 from seed 1,000,001, after the unit test's seeds). Each generated legal
 * scenario runs 60 virtual seconds; the run must not throw, must reach its end, must keep the
 * engine's invariants at each chunk boundary and give the same trace hash when chunked.
 * Prints figures for doc/benchmarks.md; exits 1 with the seed and scenario on a failure.
 */
import { createSimulation } from '../src/engine';
import { checkInvariants } from '../src/engine/invariants';
import { parseScenario } from '../src/scenarios/parseScenario';
import { legalScenario } from '../src/scenarios/testing/legalScenario';
import { worldOf } from '../src/engine/testing/worldOf';

const count = Number(process.argv[2] ?? 10_000);
const first = Number(process.argv[3] ?? 1_000_001);
const RUN_MS = 60_000;
const started = Date.now();
const durations: number[] = [];
let steps = 0;
for (let seed = first; seed < first + count; seed++) {
  const scenario = legalScenario(seed, { runMs: RUN_MS, maxWork: 30_000 });
  const parsed = parseScenario(JSON.parse(JSON.stringify(scenario)));
  try {
    if (!parsed.ok) throw new Error(`refused by the validator: ${parsed.errors[0]!.path}: ${parsed.errors[0]!.message}`);
    const t0 = Date.now();
    const whole = createSimulation(parsed.scenario);
    whole.runUntil(RUN_MS);
    const chunked = createSimulation(parsed.scenario);
    for (let t = 7_919; ; t = Math.min(RUN_MS, t + 7_919)) {
      while (!chunked.runSteps(t, 97));
      checkInvariants(worldOf(chunked));
      if (t === RUN_MS) break;
    }
    if (whole.now !== RUN_MS) throw new Error(`stopped at ${whole.now}`);
    if (chunked.traceHash() !== whole.traceHash()) throw new Error('chunked run differs');
    durations.push(Date.now() - t0);
    steps += whole.stepsTaken();
  } catch (error) {
    console.error(`seed ${seed} failed: ${(error as Error).message}\n${JSON.stringify(scenario)}`);
    process.exit(1);
  }
  if ((seed - first + 1) % 1000 === 0) console.error(`${seed - first + 1} scenarios, ${Math.round((Date.now() - started) / 1000)} s`);
}
durations.sort((a, b) => a - b);
const q = (p: number) => durations[Math.min(durations.length - 1, Math.floor(durations.length * p))]!;
console.log(`legal scenarios: ${count} (seeds ${first}–${first + count - 1}), 60 virtual s each, all passed`);
console.log(`wall time: ${Math.round((Date.now() - started) / 1000)} s; per scenario (both runs) p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms`);
console.log(`engine steps: ${steps.toLocaleString('en-US')} in all`);
