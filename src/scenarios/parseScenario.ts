/**
 * Reads a scenario file, format version 1 (doc/design.md, contract 2; doc/design.md, rule 15): a fresh,
 * validated `Scenario` plus warnings, or errors naming each field path, value and rule.
 */
import type { Note, Scenario, TimedCommand } from '../engine';
import { readCondition } from './conditions/readCondition';
import { checkReferences } from './checkReferences';
import { describeJsonError } from './describeJsonError';
import { findForbiddenKeys } from './findForbiddenKeys';
import { isRecord } from './isRecord';
import { limits } from '../engine';
import { mustBe } from './mustBe';
import { issuesToErrors, pathTo, unreadable } from './scenarioError';
import type { ScenarioError } from './scenarioError';
import { scenarioSchema } from './scenarioSchema';
import { unknownFieldWarnings } from './unknownFieldWarnings';
import { checkWorkBudget } from './workBudget';
import { validateCommand } from './validateCommand';

export type { ScenarioError } from './scenarioError';

export type ParseResult =
  { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; errors: ScenarioError[] };

/** One line per error: `path: message`. */
export function formatScenarioErrors(errors: readonly ScenarioError[]): string {
  return errors
    .map(({ path, message }) => (path === '' ? message : `${path}: ${message}`))
    .join('\n');
}

/**
 * Validates untrusted input from a file, a share link or a test. It never throws and never
 * clamps: an out-of-range value is refused, and unknown fields are dropped with a warning.
 */
export function parseScenario(input: unknown): ParseResult {
  try {
    return parseUnscreened(input);
  } catch (error) {
    return refuse([unreadable('the scenario', error)]);
  }
}

/** Parses JSON text of at most 64 KB, then validates it with {@link parseScenario}. */
export function parseScenarioJson(text: string): ParseResult {
  try {
    if (typeof text !== 'string')
      return refuse([{ path: '', message: mustBe('the scenario text', text, 'a string') }]);
    const limit = limits.MAX_SCENARIO_JSON_CHARS;
    if (text.length > limit) {
      return refuse([
        {
          path: '',
          message: `the scenario text is ${text.length} characters; the limit is ${limit} (64 KB)`,
        },
      ]);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return refuse([{ path: '', message: describeJsonError(text, error) }]);
    }
    return parseScenario(value);
  } catch (error) {
    return refuse([unreadable('the scenario text', error)]);
  }
}

/**
 * Order of checks: forbidden keys, format and version (a file from another version is not worth
 * field-by-field errors), every field's shape and range (the zod schemas and `validateCommand`),
 * then the rules between fields (`checkReferences`), then the work budget (`checkWorkBudget`).
 */
function parseUnscreened(input: unknown): ParseResult {
  if (!isRecord(input))
    return refuse([{ path: '', message: mustBe('the scenario', input, 'a JSON object') }]);
  const forbidden = findForbiddenKeys(input, '');
  if (forbidden.length > 0) return refuse(forbidden);
  const header = checkHeader(input);
  if (header.length > 0) return refuse(header);

  const parsed = scenarioSchema.safeParse(input);
  const errors = parsed.success ? [] : issuesToErrors(parsed.error.issues, '');
  const actions = parseActions(input.actions);
  errors.push(...actions.errors);
  if (!parsed.success || errors.length > 0) return refuse(errors);

  const { actions: _unchecked, notes: rawNotes, ...rest } = parsed.data;
  const notes = parseNotes(rawNotes, errors);
  if (errors.length > 0) return refuse(errors);
  const fields = notes === undefined ? rest : { ...rest, notes };
  const scenario: Scenario =
    actions.commands === undefined ? fields : { ...fields, actions: actions.commands };
  const referenceErrors = checkReferences(scenario);
  if (referenceErrors.length > 0) return refuse(referenceErrors);
  const budgetErrors = checkWorkBudget(scenario);
  if (budgetErrors.length > 0) return refuse(budgetErrors);
  const warnings = [...unknownFieldWarnings(input, parsed.data, ''), ...actions.warnings];
  return { ok: true, scenario, warnings };
}

function checkHeader(input: Record<string, unknown>): ScenarioError[] {
  const errors: ScenarioError[] = [];
  if (input.format !== limits.SCENARIO_FORMAT) {
    errors.push({
      path: 'format',
      message: mustBe('format', input.format, `"${limits.SCENARIO_FORMAT}"`),
    });
  }
  const version = input.version;
  if (version !== limits.SCENARIO_VERSION) {
    const message = Number.isSafeInteger(version)
      ? `unsupported scenario version ${String(version)}; this LogScope reads version ${limits.SCENARIO_VERSION}`
      : mustBe('version', version, String(limits.SCENARIO_VERSION));
    errors.push({ path: 'version', message });
  }
  return errors;
}

function parseActions(raw: unknown): {
  commands?: TimedCommand[];
  errors: ScenarioError[];
  warnings: string[];
} {
  // A missing, non-list or too long `actions` is reported by the scenario schema.
  if (!Array.isArray(raw) || raw.length > limits.MAX_ACTIONS) return { errors: [], warnings: [] };
  const commands: TimedCommand[] = [];
  const errors: ScenarioError[] = [];
  const warnings: string[] = [];
  raw.forEach((action: unknown, index) => {
    const result = validateCommand(action, true, pathTo('actions', [index]));
    if (!result.ok) errors.push(...result.errors);
    else if (result.command.atMs !== undefined) {
      commands.push({ ...result.command, atMs: result.command.atMs });
      warnings.push(...result.warnings);
    }
  });
  return { commands, errors, warnings };
}

/** Notes with their `when` conditions read (and refused with their paths when malformed). */
function parseNotes(raw: { atMs: number; text: string; when?: unknown }[] | undefined, errors: ScenarioError[]): Note[] | undefined {
  if (raw === undefined) return undefined;
  return raw.map((note, index) => {
    if (note.when === undefined) return { atMs: note.atMs, text: note.text };
    const when = readCondition(note.when, pathTo('notes', [index]) + '.when', errors, 0);
    return when ? { atMs: note.atMs, text: note.text, when } : { atMs: note.atMs, text: note.text };
  });
}

function refuse(errors: ScenarioError[]): { ok: false; errors: ScenarioError[] } {
  const max = limits.MAX_REPORTED_ERRORS;
  if (errors.length <= max) return { ok: false, errors };
  const rest = { path: '', message: `${errors.length - max} more errors are not listed` };
  return { ok: false, errors: [...errors.slice(0, max), rest] };
}
