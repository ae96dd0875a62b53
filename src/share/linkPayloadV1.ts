/**
 * Link format version 1: `#s=1.<data>`, where data is lz-string's URI-safe compression of
 *
 *   { "v": 1, "scenario": <scenario file v1>, "interventions": [<timed command>, ...],
 *     "playheadMs": n, "selection": "group:email" | null, "view": { <flat settings> } }
 *
 * Decoding checks, in order: the characters, the decompressed size, the JSON, forbidden keys,
 * the envelope, then the scenario (`parseScenario`) and each intervention (`parseCommand`).
 * Interventions are checked for shape only: a run may hold commands the engine refused (they
 * are refused again, identically, on replay), so a reference to a missing entity is kept.
 */
import type { TimedCommand } from '../engine';
import { limits as scenarioLimits } from '../engine';
import { findForbiddenKeys, isRecord, parseCommand, pathTo } from '../scenarios/parseCommand';
import { describeJsonError } from '../scenarios/describeJsonError';
import { parseScenario } from '../scenarios/parseScenario';
import { mustBe } from '../scenarios/mustBe';
import { decompressBounded } from './boundedDecompress';
import { under, type DecodeResult, type SharedViewSettings, type ShareProblem } from './sharedRun';

const KNOWN_FIELDS = ['v', 'scenario', 'interventions', 'playheadMs', 'selection', 'view'];

export function decodeV1(data: string, source: string): DecodeResult {
  const json = decodeLinkJson(data, source, '#s=1.');
  return json.ok ? validatePayload(json.value, source) : json;
}

/**
 * The JSON value a version 1 link's data holds (`#s=1.` and `#c=1.` links alike): checked
 * characters, bounded decompression, then JSON, each refusal saying what is wrong.
 */
export function decodeLinkJson(
  data: string,
  source: string,
  prefix: string,
): { ok: true; value: unknown } | { ok: false; source: string; problems: ShareProblem[] } {
  const fail = (path: string, message: string) => ({ ok: false as const, source, problems: [{ path, message }] });
  if (data.length === 0) return fail('', `the link is truncated: there is no data after "${prefix}"`);
  const decompressed = decompressBounded(data, scenarioLimits.MAX_PAYLOAD_CHARS);
  if (!decompressed.ok) {
    switch (decompressed.reason) {
      case 'invalid-character':
        return fail(
          '',
          `the link data has the character ${JSON.stringify(decompressed.character)} at position ` +
            `${decompressed.position}, which a LogScope link never contains (was it edited or cut?)`,
        );
      case 'too-large':
        return fail(
          '',
          `the link data expands to more than ${decompressed.maxChars} characters; the limit is ${decompressed.maxChars}`,
        );
      case 'damaged':
        return fail('', 'the link data is damaged or truncated: it does not decompress (was it cut when copied?)');
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(decompressed.text);
  } catch (error) {
    // Say where, as files do: a hand-made link may hold NaN, a trailing comma or a bare word.
    return fail('', `the link data decompresses, but ${describeJsonError(decompressed.text, error)} of the decompressed text (was it written by hand?)`);
  }
  return { ok: true, value };
}

/** A version 1 run (`{ v: 1, scenario, interventions, … }`), validated field by field. */
export function validatePayload(value: unknown, source: string): DecodeResult {
  if (!isRecord(value)) return { ok: false, source, problems: [{ path: '', message: mustBe('the link data', value, 'a JSON object') }] };
  const forbidden = findForbiddenKeys(value, '');
  if (forbidden.length > 0) return { ok: false, source, problems: forbidden };
  if (value.v !== 1) {
    return { ok: false, source, problems: [{ path: 'v', message: mustBe('v', value.v, '1, the link format version') }] };
  }
  const problems: ShareProblem[] = [];
  const warnings = Object.keys(value)
    .filter((key) => !KNOWN_FIELDS.includes(key))
    .map((key) => `unknown field ${JSON.stringify(key)} in the link was ignored`);

  const parsed = parseScenario(value.scenario);
  if (!parsed.ok) problems.push(...under('scenario', parsed.errors));
  else warnings.push(...parsed.warnings.map((warning) => `scenario: ${warning}`));

  const scenarioActions = parsed.ok ? (parsed.scenario.actions?.length ?? 0) : 0;
  const interventions = readInterventions(value.interventions, scenarioActions, problems, warnings);
  const playheadMs = readPlayhead(value.playheadMs, problems);
  const selection = readSelection(value.selection, problems);
  const view = readView(value.view, problems);

  if (!parsed.ok || problems.length > 0) return { ok: false, source, problems };
  return {
    ok: true,
    run: { scenario: parsed.scenario, interventions, playheadMs, selection, view },
    warnings,
  };
}

function readInterventions(
  raw: unknown,
  scenarioActions: number,
  problems: ShareProblem[],
  warnings: string[],
): TimedCommand[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push({ path: 'interventions', message: mustBe('interventions', raw, 'a list of timed commands') });
    return [];
  }
  const max = scenarioLimits.MAX_ACTIONS - scenarioActions;
  if (raw.length > max) {
    problems.push({
      path: 'interventions',
      message:
        `interventions has ${raw.length} entries; with the scenario's ${scenarioActions} actions ` +
        `at most ${max} are allowed (${scenarioLimits.MAX_ACTIONS} in all)`,
    });
    return [];
  }
  const commands: TimedCommand[] = [];
  raw.forEach((item: unknown, index) => {
    const result = parseCommand(item, true);
    if (!result.ok) problems.push(...under(`interventions[${index}]`, result.errors));
    else {
      commands.push(result.command);
      warnings.push(...result.warnings.map((warning) => `interventions[${index}]: ${warning}`));
    }
  });
  return commands;
}

function readPlayhead(raw: unknown, problems: ShareProblem[]): number {
  if (raw === undefined) return 0;
  if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0 && raw <= scenarioLimits.MAX_AT_MS) {
    return raw === 0 ? 0 : raw;
  }
  problems.push({
    path: 'playheadMs',
    message: mustBe('playheadMs', raw, `an integer from 0 to ${scenarioLimits.MAX_AT_MS} (24 h of virtual time)`),
  });
  return 0;
}

function readSelection(raw: unknown, problems: ShareProblem[]): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'string' && raw.length >= 1 && raw.length <= scenarioLimits.MAX_SELECTION_CHARS) return raw;
  problems.push({
    path: 'selection',
    message: mustBe('selection', raw, `null or a string of 1 to ${scenarioLimits.MAX_SELECTION_CHARS} characters`),
  });
  return null;
}

function readView(raw: unknown, problems: ShareProblem[]): SharedViewSettings {
  if (raw === undefined) return {};
  const rule = `a flat object of at most ${scenarioLimits.MAX_VIEW_SETTINGS} settings`;
  if (!isRecord(raw)) {
    problems.push({ path: 'view', message: mustBe('view', raw, rule) });
    return {};
  }
  const entries = Object.entries(raw);
  if (entries.length > scenarioLimits.MAX_VIEW_SETTINGS) {
    problems.push({ path: 'view', message: `view has ${entries.length} settings; at most ${scenarioLimits.MAX_VIEW_SETTINGS} are allowed` });
    return {};
  }
  const view: SharedViewSettings = {};
  for (const [key, setting] of entries) {
    const path = pathTo('view', [key]);
    if (key.length > scenarioLimits.MAX_VIEW_KEY_CHARS || !scenarioLimits.VIEW_KEY_PATTERN.test(key)) {
      problems.push({
        path,
        message: mustBe('the setting name', key, `1 to ${scenarioLimits.MAX_VIEW_KEY_CHARS} characters from A-Z a-z 0-9 . _ -`),
      });
    } else if (
      typeof setting === 'boolean' ||
      (typeof setting === 'number' && Number.isFinite(setting)) ||
      (typeof setting === 'string' && setting.length <= scenarioLimits.MAX_VIEW_STRING_CHARS)
    ) {
      view[key] = setting;
    } else {
      problems.push({
        path,
        message: mustBe(key, setting, `a boolean, a finite number or a string of at most ${scenarioLimits.MAX_VIEW_STRING_CHARS} characters`),
      });
    }
  }
  return view;
}
