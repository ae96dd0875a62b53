/**
 * What a share link, a saved file or the locally kept run carries, and how refusals are worded.
 *
 * A run is a scenario, the interventions made in it (timed commands) and where the user was:
 * the playhead, the selection and the view settings. Decoding returns either a validated run or
 * problems, each naming where (a field path) and what is wrong; it never throws.
 */
import type { Scenario, TimedCommand } from '../engine';

/** View settings that travel in links: a flat record of primitives (the app's `ViewSettings`). */
export type SharedViewSettings = Record<string, string | number | boolean>;

export interface SharedRun {
  scenario: Scenario;
  interventions: TimedCommand[];
  playheadMs: number;
  selection: string | null;
  view: SharedViewSettings;
  /** Set when the run is a gallery preset opened by `#preset=<id>`. */
  presetId?: string;
}

/** Where the input came from, as the message names it: `link`, `file "x.json"`, ... */
export type InputSource = string;

export interface ShareProblem {
  /** Field path inside the input (`scenario.topics[0].partitions`), or '' for the whole input. */
  path: string;
  message: string;
}

export type DecodeResult =
  | { ok: true; run: SharedRun; warnings: string[] }
  | { ok: false; source: InputSource; problems: ShareProblem[] };

export function refused(source: InputSource, path: string, message: string): DecodeResult {
  return { ok: false, source, problems: [{ path, message }] };
}

/** Prefixes each problem's path with `base` (`scenario`, `interventions[3]`). */
export function under(base: string, problems: readonly ShareProblem[]): ShareProblem[] {
  return problems.map(({ path, message }) => ({
    path: path === '' ? base : path.startsWith('[') ? `${base}${path}` : `${base}.${path}`,
    message,
  }));
}

/**
 * One problem as one sentence: `scenario.topics[0].partitions is 500; it must be from 1 to 64`.
 * Validation messages start with the field's own name (`partitions is 500; ...`); the full path
 * replaces that name so the sentence says exactly where.
 */
function describeProblem({ path, message }: ShareProblem): string {
  if (path === '') return message;
  const label = lastLabel(path);
  if (label !== '' && message.startsWith(`${label} `)) return `${path}${message.slice(label.length)}`;
  return `${path}: ${message}`;
}

function lastLabel(path: string): string {
  const quoted = /\["((?:[^"\\]|\\.)*)"\]$/.exec(path);
  if (quoted !== null) return quoted[1]!;
  const plain = /(?:^|\.)([A-Za-z_$][A-Za-z0-9_$]*)$/.exec(path);
  return plain === null ? '' : plain[1]!;
}

/**
 * The message shown in the page: the source, the first problem, and how many more there are.
 * E.g. `link: scenario.topics[0].partitions is 500; it must be from 1 to 64 (and 2 more problems)`.
 */
export function describeRefusal(result: { source: InputSource; problems: readonly ShareProblem[] }): string {
  const [first, ...rest] = result.problems;
  const head = `${result.source}: ${first === undefined ? 'it could not be read' : describeProblem(first)}`;
  if (rest.length === 0) return head;
  return `${head} (and ${rest.length} more ${rest.length === 1 ? 'problem' : 'problems'})`;
}
