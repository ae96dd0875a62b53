/**
 * Resolves the CLI's scenario argument: a preset id, or a path to a scenario JSON file,
 * validated exactly as links and files are in the app.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Scenario } from '../engine';
import { findPreset, PRESETS } from '../scenarios/presets';
import { formatScenarioErrors, parseScenarioJson } from '../scenarios/parseScenario';

export type Loaded = { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; error: string };

const MAX_FILE_BYTES = 65_536;

export function loadScenario(source: string): Loaded {
  const preset = findPreset(source);
  if (preset) return { ok: true, scenario: preset.scenario, warnings: [] };
  if (!source.toLowerCase().endsWith('.json')) {
    return { ok: false, error: `"${source}" is neither a preset (${PRESETS.map((p) => p.id).join(', ')}) nor a .json file` };
  }
  let text: string;
  try {
    const size = statSync(source).size;
    if (size > MAX_FILE_BYTES) return { ok: false, error: `${source} is ${size} bytes; scenario files are limited to ${MAX_FILE_BYTES}` };
    text = readFileSync(source, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, error: code === 'ENOENT' ? `no such file: ${source}` : `cannot read ${source}: ${code ?? String(error)}` };
  }
  const parsed = parseScenarioJson(text);
  if (!parsed.ok) return { ok: false, error: `${source}: ${formatScenarioErrors(parsed.errors).split('\n').join('; ')}` };
  return { ok: true, scenario: parsed.scenario, warnings: parsed.warnings };
}
