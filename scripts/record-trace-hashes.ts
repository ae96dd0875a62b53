/**
 * Records the trace hash of every preset (at 180 s of virtual time) and of every seed of the
 * sweep (at its 60 s), for the tests that keep them: a refactor must leave them all unchanged.
 * A change that alters timing on purpose runs this again and says so in the changelog.
 *
 *   npx tsx scripts/record-trace-hashes.ts
 */
import { writeFileSync } from 'node:fs';
import { createSimulation } from '../src/engine';
import { SWEEP_RUN_MS, SWEEP_SEEDS, sweepScenario } from '../src/engine/testing/sweepScenario';
import { PRESET_HASH_AT_MS } from '../src/scenarios/presets/presetHashAt';
import { PRESETS } from '../src/scenarios/presets';

const presets: Record<string, string> = {};
for (const preset of PRESETS) {
  const simulation = createSimulation(preset.scenario);
  simulation.runUntil(PRESET_HASH_AT_MS);
  presets[preset.id] = simulation.traceHash();
}
const sweep: string[] = [];
for (let seed = 0; seed < SWEEP_SEEDS; seed++) {
  const simulation = createSimulation(sweepScenario(seed));
  simulation.runUntil(SWEEP_RUN_MS);
  sweep.push(simulation.traceHash());
}
writeFileSync('src/scenarios/presets/presetHashes.json', `${JSON.stringify(presets, null, 2)}\n`);
writeFileSync('src/engine/testing/sweepHashes.json', `${JSON.stringify(sweep, null, 0)}\n`);
console.log(`recorded ${Object.keys(presets).length} preset hashes and ${sweep.length} sweep hashes`);
