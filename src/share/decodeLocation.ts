/**
 * What the address asks to open (doc/design.md, contract 6), in order of precedence:
 * `#s=<version>.<data>` (a shared run), `#preset=<id>` (a gallery preset),
 * `?scenario=<URL-encoded scenario JSON>` (a hand-written scenario). Any other non-empty
 * fragment is refused with a message, as is anything that does not decode. Never throws.
 */
import { PRESETS, findPreset } from '../scenarios/presets';
import { decodeRunLink } from './runLink';
import { decodeScenarioText } from './scenarioFile';
import { limits } from '../engine';
import { refused, type DecodeResult } from './sharedRun';

export interface AddressParts {
  /** `location.hash`: '' or '#…'. */
  hash: string;
  /** `location.search`: '' or '?…'. */
  search: string;
}

/** The run the address asks for, a refusal, or null when it asks for nothing. */
export function decodeLocation(address: AddressParts): DecodeResult | null {
  try {
    const fragment = address.hash.startsWith('#') ? address.hash.slice(1) : address.hash;
    if (fragment !== '') return decodeFragment(fragment);
    return decodeSearch(address.search);
  } catch (error) {
    return refused('link', '', `the address could not be read: ${error instanceof Error ? error.message : 'unknown error'}`);
  }
}

function decodeFragment(fragment: string): DecodeResult {
  if (fragment.length > limits.MAX_INPUT_CHARS) {
    return refused('link', '', `the link is ${fragment.length} characters long; the limit is ${limits.MAX_INPUT_CHARS} (64 KB)`);
  }
  if (fragment.startsWith('s=')) return decodeRunLink(fragment.slice(2), 'link');
  if (fragment.startsWith('preset=')) return decodePreset(fragment.slice('preset='.length));
  const shown = fragment.length > 30 ? `${fragment.slice(0, 30)}…` : fragment;
  return refused(
    'link',
    '',
    `the fragment "#${shown}" is not a LogScope link; it must be #s=<version>.<data> or #preset=<id>`,
  );
}

function decodePreset(raw: string): DecodeResult {
  let id = raw;
  try {
    id = decodeURIComponent(raw);
  } catch {
    // Keep the raw text: it is reported below as an unknown preset.
  }
  const preset = findPreset(id);
  if (preset === undefined) {
    const shown = id.length > 40 ? `${id.slice(0, 40)}…` : id;
    return refused(
      'link',
      'preset',
      `preset ${JSON.stringify(shown)} does not exist; the gallery has ${PRESETS.map((entry) => entry.id).join(', ')}`,
    );
  }
  return {
    ok: true,
    run: { scenario: preset.scenario, interventions: [], playheadMs: 0, selection: null, view: {}, presetId: preset.id },
    warnings: [],
  };
}

function decodeSearch(search: string): DecodeResult | null {
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (query === '') return null;
  const raw = rawParameter(query, 'scenario');
  if (raw === null) return null;
  const source = 'scenario parameter';
  if (raw.length > limits.MAX_INPUT_CHARS) {
    return refused(source, '', `it is ${raw.length} characters long; the limit is ${limits.MAX_INPUT_CHARS} (64 KB)`);
  }
  const text = new URLSearchParams(`scenario=${raw}`).get('scenario') ?? '';
  if (text.trim() === '') return refused(source, '', 'it is empty; it must hold URL-encoded scenario JSON');
  return decodeScenarioText(text, source);
}

/** The still-encoded value of the first `name=` parameter, so its size is checked before decoding. */
function rawParameter(query: string, name: string): string | null {
  for (const part of query.split('&')) {
    const equals = part.indexOf('=');
    const key = equals < 0 ? part : part.slice(0, equals);
    if (key === name) return equals < 0 ? '' : part.slice(equals + 1);
  }
  return null;
}
