/**
 * The presets' scenarios for the page: the default one (checkout) at once, every other one
 * after {@link loadPresetScenarios} (a dynamic import of the full gallery, index.ts), and so
 * the comparison presets; the start-up JavaScript carries only the default scenario. Opening a preset is asynchronous
 * anyway (a link, the gallery, a lesson); each such path awaits the load first.
 */
import type { Scenario } from '../../engine';
import type { ComparisonPreset } from './comparisonPresets';
import { checkout } from './checkout';
import { DEFAULT_PRESET_ID } from './presetCatalogue';

let loaded: Readonly<Record<string, Scenario>> | null = null;
let comparisons: readonly ComparisonPreset[] = [];
let loading: Promise<void> | null = null;

/** Called by index.ts when the full gallery is evaluated. */
export function registerPresetScenarios(scenarios: Readonly<Record<string, Scenario>>, comparisonPresets: readonly ComparisonPreset[]): void {
  loaded = scenarios;
  comparisons = comparisonPresets;
}

/** A comparison preset once loaded; undefined for an unknown id (or before the load). */
export function loadedComparisonPreset(id: string): ComparisonPreset | undefined {
  return comparisons.find((preset) => preset.id === id);
}

export function loadPresetScenarios(): Promise<void> {
  if (loaded !== null) return Promise.resolve();
  loading ??= import('./index').then(
    () => undefined,
    (error: unknown) => {
      // A failed fetch (offline before the worker cached it) may succeed later: try again then.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The default scenario at once; another preset's once loaded; undefined for an unknown id (or before the load). */
export function presetScenario(id: string): Scenario | undefined {
  if (id === DEFAULT_PRESET_ID) return checkout;
  return loaded === null || !Object.hasOwn(loaded, id) ? undefined : loaded[id];
}
