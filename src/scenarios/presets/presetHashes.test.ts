/**
 * Every preset's trace hash at 180 s is the one recorded in presetHashes.json
 * (scripts/record-trace-hashes.ts): refactors of the engine must not change a single run.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine';
import { PRESETS } from './index';
import { PRESET_HASH_AT_MS } from './presetHashAt';
import recorded from './presetHashes.json';

describe('recorded preset trace hashes', () => {
  it('has a recorded hash for every preset', () => {
    expect(Object.keys(recorded).sort()).toEqual(PRESETS.map((p) => p.id).sort());
  });
  for (const preset of PRESETS) {
    it(`${preset.id} runs exactly as recorded`, () => {
      const simulation = createSimulation(preset.scenario);
      simulation.runUntil(PRESET_HASH_AT_MS);
      expect(simulation.traceHash()).toBe((recorded as Record<string, string>)[preset.id]);
    });
  }
});
