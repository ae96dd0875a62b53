import { describe, expect, it } from 'vitest';
import { checkout } from './checkout';
import { COMPARISON_ENTRIES, DEFAULT_PRESET_ID, PRESET_ENTRIES, isPresetId } from './presetCatalogue';
import { loadedComparisonPreset, loadPresetScenarios, presetScenario } from './presetScenarios';

// The unit tests' setup loads the decoders (src/app/loadDecoders.setup.ts), which carry the full
// gallery, so the state before loading is seen only in the browser (bench/startupJs.ts, e2e).
describe('the presets’ scenarios on demand', () => {
  it('has the default scenario at once and every other one once loaded', async () => {
    expect(presetScenario(DEFAULT_PRESET_ID)).toBe(checkout);
    await loadPresetScenarios();
    const { findPreset } = await import('./index');
    for (const { id } of PRESET_ENTRIES) expect(presetScenario(id)).toBe(findPreset(id)!.scenario);
    expect(presetScenario('nope')).toBeUndefined();
    expect(presetScenario('toString')).toBeUndefined();
  });

  it('lists the same presets, in the same order, as the full gallery', async () => {
    const { PRESETS } = await import('./index');
    expect(PRESETS.map(({ id, title, description, concept }) => ({ id, title, description, concept }))).toEqual(PRESET_ENTRIES);
    expect(isPresetId('checkout') && !isPresetId('nope')).toBe(true);
  });

  it('lists the comparisons of the full gallery, and has each once loaded', async () => {
    const { COMPARISON_PRESETS } = await import('./comparisonPresets');
    await loadPresetScenarios();
    expect(COMPARISON_PRESETS.map(({ id, title, description, concept }) => ({ id, title, description, concept }))).toEqual(COMPARISON_ENTRIES);
    for (const preset of COMPARISON_PRESETS) expect(loadedComparisonPreset(preset.id)).toBe(preset);
    expect(loadedComparisonPreset('checkout')).toBeUndefined();
  });
});
