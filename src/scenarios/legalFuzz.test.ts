/**
 * The legal-scenario fuzzer: generated scenarios across the whole format, every field within
 * its limits (testing/legalScenario.ts), each run for 60 virtual seconds. None may throw, every
 * run must reach its end, a run chunked and sliced at random gives the same trace hash as one
 * `runUntil`, and the engine's invariants hold at every chunk boundary (after every event would
 * take minutes: some legal configs poll every millisecond on 32 instances). The seeds are
 * fixed; `scripts/fuzz-legal.ts` runs ten thousand more (figures in doc/benchmarks.md).
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine';
import { checkInvariants } from '../engine/invariants';
import { parseScenario } from './parseScenario';
import { legalScenario } from './testing/legalScenario';
import { worldOf } from '../engine/testing/worldOf';

const SCENARIOS = 200;

/** A `shouldYield` that says yes at every `n`th question. */
function everyNth(n: number): () => boolean {
  let asked = 0;
  return () => ++asked % n === 0;
}
const RUN_MS = 60_000;
const MAX_WORK = 30_000;

describe('legal scenarios never break a run', () => {
  it(`${SCENARIOS} generated legal scenarios run ${RUN_MS / 1000} s with every invariant holding, chunking-invariant`, () => {
    for (let seed = 1; seed <= SCENARIOS; seed++) {
      const scenario = legalScenario(seed, { runMs: RUN_MS, maxWork: MAX_WORK });
      const parsed = parseScenario(JSON.parse(JSON.stringify(scenario)));
      expect(parsed.ok, `seed ${seed}: the generator made a scenario the validator refuses`).toBe(true);
      if (!parsed.ok) continue;
      try {
        const whole = createSimulation(parsed.scenario);
        whole.runUntil(RUN_MS);
        expect(whole.now).toBe(RUN_MS);
        const chunked = createSimulation(parsed.scenario);
        // Chunk boundaries and slice sizes drawn from the seed: any chunking gives the same run.
        let t = 0;
        let step = 1 + (seed % 7) * 997;
        while (t < RUN_MS) {
          t = Math.min(RUN_MS, t + step);
          if (seed % 2 === 0) chunked.runUntil(t);
          // Some sliced runs also stop early when asked between events (the app's wall-time budget).
          else while (!chunked.runSteps(t, 1 + (step % 300), seed % 4 === 3 ? everyNth(1 + (step % 5)) : undefined));
          checkInvariants(worldOf(chunked));
          step = (step * 31 + 17) % 9_000 + 1;
        }
        expect(chunked.traceHash()).toBe(whole.traceHash());
        expect(chunked.summary()).toEqual(whole.summary());
      } catch (error) {
        throw new Error(`legal scenario of seed ${seed} failed: ${(error as Error).message}\n${JSON.stringify(parsed.scenario)}`, { cause: error });
      }
    }
  }, 300_000);
});
