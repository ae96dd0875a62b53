/**
 * Scenario files: a run saved as a scenario file, format version 1 (doc/design.md, contract 2), with
 * the run's interventions written as timed `actions` after the scenario's own. Opening it
 * replays the same commands at the same times: the same run, from t = 0.
 *
 * The same text also arrives by hand in a `?scenario=<URL-encoded JSON>` parameter; both go
 * through `parseScenarioJson` (64 KB, syntax, forbidden keys, every field, every rule).
 */
import { parseScenarioJson } from '../scenarios/parseScenario';
import { limits } from '../engine';
import { refused, type DecodeResult } from './sharedRun';

// Writing files lives in scenarioFileText.ts, which the page loads at start without the parsers.
export { runAsScenario, runFileName, runFileText } from './scenarioFileText';

/** Decodes scenario JSON text from a file or a URL parameter into a run at t = 0. Never throws. */
export function decodeScenarioText(text: string, source: string): DecodeResult {
  try {
    if (typeof text !== 'string') return refused(source, '', 'it is not text');
    if (text.length > limits.MAX_INPUT_CHARS) {
      return refused(source, '', `it is ${text.length} characters long; the limit is ${limits.MAX_INPUT_CHARS} (64 KB)`);
    }
    const parsed = parseScenarioJson(text);
    if (!parsed.ok) return { ok: false, source, problems: parsed.errors };
    return {
      ok: true,
      run: { scenario: parsed.scenario, interventions: [], playheadMs: 0, selection: null, view: {} },
      warnings: parsed.warnings,
    };
  } catch (error) {
    return refused(source, '', `it could not be read: ${error instanceof Error ? error.message : 'unknown error'}`);
  }
}
