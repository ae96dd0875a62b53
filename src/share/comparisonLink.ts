/**
 * Comparison links (contract 7): `#c=<format version>.<data>`, two runs and the shared playhead.
 * Version 1's data is lz-string's URI-safe compression of
 *
 *   { "v": 1, "title": "…", "preset": "<comparison preset id>",
 *     "a": { "label": "…", "scenario": <scenario file v1>, "interventions": [<timed command>, ...] },
 *     "b": { … }, "playheadMs": n }
 *
 * Decoding follows `#s=`'s rules (runLink.ts, linkPayloadV1.ts): versioned, size-limited (the
 * same 64 KB link and decompressed ceiling as one run), total — any input gives a comparison or a
 * refusal naming the field path, the value and the rule, never an exception. Each run is
 * validated exactly as a `#s=` run is, its problems under `a.` or `b.`.
 */
import type { Scenario, TimedCommand } from '../engine';
import { limits } from '../engine';
import { findForbiddenKeys, isRecord } from '../scenarios/parseCommand';
import { mustBe } from '../scenarios/mustBe';
import { COMPARISON_LINK_VERSION } from './encodeComparisonLink';
import { decodeLinkJson, validatePayload } from './linkPayloadV1';
import { refused, under, type ShareProblem } from './sharedRun';

// Writing links lives in encodeComparisonLink.ts, which the page loads at start without the decoders.
export { comparisonLinkFragment } from './encodeComparisonLink';

const MAX_LABEL_CHARS = 80;
const MAX_TITLE_CHARS = 200;
const KNOWN_FIELDS = ['v', 'title', 'preset', 'a', 'b', 'playheadMs'];
const RUN_FIELDS = ['label', 'scenario', 'interventions'];

export interface SharedComparisonRun {
  label: string;
  scenario: Scenario;
  interventions: TimedCommand[];
}

export interface SharedComparison {
  title: string;
  /** The comparison preset the runs came from (its notes), or null. */
  presetId: string | null;
  a: SharedComparisonRun;
  b: SharedComparisonRun;
  playheadMs: number;
}

export type ComparisonDecodeResult =
  | { ok: true; comparison: SharedComparison; warnings: string[] }
  | { ok: false; source: string; problems: ShareProblem[] };

/** Decodes `<version>.<data>` (the text after `#c=`). Never throws. */
export function decodeComparisonLink(value: string, source = 'comparison link'): ComparisonDecodeResult {
  const fail = (message: string): ComparisonDecodeResult => refused(source, '', message) as ComparisonDecodeResult;
  try {
    if (typeof value !== 'string') return fail('the link is not text');
    if (value.length > limits.MAX_INPUT_CHARS) {
      return fail(`the link is ${value.length} characters long; the limit is ${limits.MAX_INPUT_CHARS} (64 KB)`);
    }
    const match = /^(\d{1,9})\./.exec(value);
    if (match === null) {
      const shown = value.length > 20 ? `${value.slice(0, 20)}…` : value;
      return fail(
        value.length === 0
          ? 'the link is truncated: there is nothing after "#c="'
          : `the link has no format version: it must look like #c=${COMPARISON_LINK_VERSION}.<data>, not #c=${shown}`,
      );
    }
    const version = Number(match[1]);
    if (version !== COMPARISON_LINK_VERSION) {
      const newer = version > COMPARISON_LINK_VERSION ? ' (it was made by a newer LogScope)' : '';
      return fail(`comparison link format version ${version} is not supported${newer}; this LogScope opens version ${COMPARISON_LINK_VERSION}`);
    }
    let data = value.slice(match[0].length);
    if (data.includes('%')) {
      try {
        data = decodeURIComponent(data);
      } catch {
        // Left as it is: the decoder names the character that does not belong.
      }
    }
    const json = decodeLinkJson(data, source, '#c=1.');
    return json.ok ? validateComparison(json.value, source) : json;
  } catch (error) {
    return fail(`the link could not be read: ${error instanceof Error ? error.message : 'unknown error'}`);
  }
}

function validateComparison(value: unknown, source: string): ComparisonDecodeResult {
  const problems: ShareProblem[] = [];
  if (!isRecord(value)) return { ok: false, source, problems: [{ path: '', message: mustBe('the link data', value, 'a JSON object') }] };
  const forbidden = findForbiddenKeys(value, '');
  if (forbidden.length > 0) return { ok: false, source, problems: forbidden };
  if (value.v !== 1) return { ok: false, source, problems: [{ path: 'v', message: mustBe('v', value.v, '1, the link format version') }] };
  const warnings = Object.keys(value)
    .filter((key) => !KNOWN_FIELDS.includes(key))
    .map((key) => `unknown field ${JSON.stringify(key)} in the link was ignored`);
  const title = readText(value.title, 'title', MAX_TITLE_CHARS, 'Two runs side by side', problems);
  const presetId = value.preset === undefined ? null : readText(value.preset, 'preset', MAX_LABEL_CHARS, '', problems) || null;
  const a = readRun(value.a, 'a', problems, warnings);
  const b = readRun(value.b, 'b', problems, warnings);
  let playheadMs = 0;
  if (value.playheadMs !== undefined) {
    const raw = value.playheadMs;
    if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0 && raw <= limits.MAX_AT_MS) playheadMs = raw;
    else problems.push({ path: 'playheadMs', message: mustBe('playheadMs', raw, `an integer from 0 to ${limits.MAX_AT_MS} (24 h of virtual time)`) });
  }
  if (a === null || b === null || problems.length > 0) return { ok: false, source, problems };
  return { ok: true, comparison: { title, presetId, a, b, playheadMs }, warnings };
}

function readText(raw: unknown, path: string, maxChars: number, fallback: string, problems: ShareProblem[]): string {
  if (raw === undefined) return fallback;
  if (typeof raw === 'string' && raw.length >= 1 && raw.length <= maxChars) return raw;
  problems.push({ path, message: mustBe(path, raw, `a string of 1 to ${maxChars} characters`) });
  return fallback;
}

function readRun(raw: unknown, side: 'a' | 'b', problems: ShareProblem[], warnings: string[]): SharedComparisonRun | null {
  if (!isRecord(raw)) {
    problems.push({ path: side, message: mustBe(side, raw, 'an object with a label, a scenario and its interventions') });
    return null;
  }
  warnings.push(
    ...Object.keys(raw)
      .filter((key) => !RUN_FIELDS.includes(key))
      .map((key) => `unknown field ${JSON.stringify(`${side}.${key}`)} in the link was ignored`),
  );
  const label = readText(raw.label, `${side}.label`, MAX_LABEL_CHARS, side.toUpperCase(), problems);
  const run = validatePayload({ v: 1, scenario: raw.scenario, interventions: raw.interventions }, '');
  if (!run.ok) {
    problems.push(...under(side, run.problems));
    return null;
  }
  warnings.push(...run.warnings.map((warning) => `${side}: ${warning}`));
  return { label, scenario: run.run.scenario, interventions: run.run.interventions };
}
