/**
 * Validates an untrusted lesson (a file, a link, a teacher's console): never throws, and every
 * refusal names the field path, the value and the rule, as scenario errors do. An inline
 * starting scenario goes through `parseScenario`; reference commands through `parseCommand`.
 */
import type { Command } from '../engine';
import { readCode, readCondition, readSummaryOperand, readWhere } from '../scenarios/conditions/readCondition';
import { readNumber as num, readText as str } from '../scenarios/conditions/readField';
import { findPreset } from '../scenarios/presets';
import { findForbiddenKeys, parseCommand } from '../scenarios/parseCommand';
import { parseScenario } from '../scenarios/parseScenario';
import { isRecord } from '../scenarios/isRecord';
import { listOf, mustBe } from '../scenarios/mustBe';
import { pathTo, type ScenarioError } from '../scenarios/scenarioError';
import * as L from './lessonLimits';
import {
  LESSON_FORMAT,
  LESSON_VERSION,
  type Lesson,
  type LessonStart,
  type LessonStep,
  type Measure,
  type PredictOption,
} from './lessonTypes';

export type LessonParseResult = { ok: true; lesson: Lesson } | { ok: false; errors: ScenarioError[] };

const STEP_KINDS = ['predict', 'act', 'observe', 'explain', 'check', 'free'] as const;
/** The side panel's tabs a step may ask for. */
const LESSON_TABS = ['groups', 'events'] as const;
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function parseLesson(input: unknown): LessonParseResult {
  try {
    const forbidden = findForbiddenKeys(input, '');
    if (forbidden.length > 0) return { ok: false, errors: forbidden };
    const errors: ScenarioError[] = [];
    const lesson = readLesson(input, errors);
    return lesson && errors.length === 0 ? { ok: true, lesson } : { ok: false, errors: errors.slice(0, 20) };
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: `the lesson could not be read (${String(error)})` }] };
  }
}

/** Whether a file's text claims to be a lesson (its `format`), so it is read as one. Never throws. */
export function isLessonText(text: string): boolean {
  if (typeof text !== 'string' || text.length > L.MAX_LESSON_JSON_CHARS || !text.includes(LESSON_FORMAT)) return false;
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) && value.format === LESSON_FORMAT;
  } catch {
    return false;
  }
}

/** Parses lesson JSON text of bounded size, then validates it. */
export function parseLessonJson(text: string): LessonParseResult {
  if (typeof text !== 'string' || text.length > L.MAX_LESSON_JSON_CHARS) {
    return { ok: false, errors: [{ path: '', message: `the lesson text must be a string of at most ${L.MAX_LESSON_JSON_CHARS} characters` }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: `the lesson is not valid JSON (${error instanceof Error ? error.message : String(error)})` }] };
  }
  return parseLesson(value);
}

type Errors = ScenarioError[];

function readLesson(input: unknown, errors: Errors): Lesson | null {
  if (!isRecord(input)) {
    errors.push({ path: '', message: mustBe('the lesson', input, 'a JSON object') });
    return null;
  }
  if (input.format !== LESSON_FORMAT) errors.push({ path: 'format', message: mustBe('format', input.format, `"${LESSON_FORMAT}"`) });
  if (input.version !== LESSON_VERSION) {
    errors.push({ path: 'version', message: mustBe('version', input.version, `${LESSON_VERSION} (this LogScope reads lesson version ${LESSON_VERSION})`) });
  }
  if (errors.length > 0) return null;
  const id = str(input, 'id', '', errors, 1, 64);
  if (id !== null && !ID_PATTERN.test(id)) errors.push({ path: 'id', message: mustBe('id', id, 'lower-case letters, digits and "-" (up to 64)') });
  const title = str(input, 'title', '', errors, 1, L.MAX_LESSON_TITLE_CHARS);
  const concept = str(input, 'concept', '', errors, 1, L.MAX_LESSON_TEXT_CHARS);
  const trap = str(input, 'trap', '', errors, 1, L.MAX_LESSON_TEXT_CHARS);
  const minutes = num(input, 'minutes', '', errors, 1, 120);
  const speed = num(input, 'speed', '', errors, L.MIN_LESSON_SPEED, L.MAX_LESSON_SPEED);
  const start = readStart(input.start, errors);
  const teacherNotes = strList(input, 'teacherNotes', '', errors, L.MAX_TEACHER_NOTES);
  const steps = readSteps(input.steps, errors);
  if (errors.length > 0 || id === null || title === null || concept === null || trap === null) return null;
  if (minutes === null || speed === null || start === null || teacherNotes === null || steps === null) return null;
  return { format: LESSON_FORMAT, version: LESSON_VERSION, id, title, concept, trap, minutes, speed, start, teacherNotes, steps };
}

function readStart(raw: unknown, errors: Errors): LessonStart | null {
  if (isRecord(raw) && typeof raw.preset === 'string') {
    if (findPreset(raw.preset)) return { preset: raw.preset };
    errors.push({ path: 'start.preset', message: mustBe('start.preset', raw.preset, 'the id of a preset in the gallery') });
    return null;
  }
  if (isRecord(raw) && raw.scenario !== undefined) {
    const parsed = parseScenario(raw.scenario);
    if (parsed.ok) return { scenario: parsed.scenario };
    for (const e of parsed.errors) errors.push({ path: pathTo('start.scenario', []) + (e.path ? `.${e.path}` : ''), message: e.message });
    return null;
  }
  errors.push({ path: 'start', message: mustBe('start', raw, '{ "preset": <id> } or { "scenario": <scenario> }') });
  return null;
}

function readSteps(raw: unknown, errors: Errors): LessonStep[] | null {
  if (!Array.isArray(raw) || raw.length < 2 || raw.length > L.MAX_LESSON_STEPS) {
    errors.push({ path: 'steps', message: mustBe('steps', raw, `a list of 2 to ${L.MAX_LESSON_STEPS} steps`) });
    return null;
  }
  const steps: LessonStep[] = [];
  raw.forEach((value: unknown, index) => {
    const step = readStep(value, pathTo('steps', [index]), errors);
    if (step) steps.push(step);
  });
  if (errors.length > 0) return null;
  if (steps[steps.length - 1]!.kind !== 'free') {
    errors.push({ path: pathTo('steps', [steps.length - 1]) + '.kind', message: 'the last step must be "free": every lesson ends in free exploration' });
  }
  const predictIds = new Set<string>();
  steps.forEach((step, index) => {
    if (step.kind === 'predict') {
      if (predictIds.has(step.id)) errors.push({ path: pathTo('steps', [index]) + '.id', message: `id "${step.id}" is used by an earlier predict step` });
      predictIds.add(step.id);
    }
    if (step.kind === 'explain' && !predictIds.has(step.prediction)) {
      errors.push({ path: pathTo('steps', [index]) + '.prediction', message: mustBe('prediction', step.prediction, 'the id of an earlier predict step') });
    }
  });
  return errors.length > 0 ? null : steps;
}

function readStep(raw: unknown, path: string, errors: Errors): LessonStep | null {
  if (!isRecord(raw)) {
    errors.push({ path, message: mustBe(path, raw, 'an object') });
    return null;
  }
  const kind = raw.kind;
  if (typeof kind !== 'string' || !(STEP_KINDS as readonly string[]).includes(kind)) {
    errors.push({ path: `${path}.kind`, message: mustBe('kind', kind, listOf(STEP_KINDS)) });
    return null;
  }
  const before = errors.length;
  const text = str(raw, 'text', path, errors, 1, L.MAX_LESSON_TEXT_CHARS);
  const highlight = raw.highlight === undefined ? undefined : strList(raw, 'highlight', path, errors, L.MAX_HIGHLIGHTS);
  const tab = raw.tab === undefined ? undefined : (LESSON_TABS as readonly unknown[]).includes(raw.tab) ? (raw.tab as string) : null;
  if (tab === null) errors.push({ path: `${path}.tab`, message: mustBe('tab', raw.tab, listOf(LESSON_TABS)) });
  const base = { text: text ?? '', ...(highlight && { highlight }), ...(tab && { tab }) };
  let step: LessonStep | null = null;
  switch (kind) {
    case 'predict': {
      const id = str(raw, 'id', path, errors, 1, 64) ?? '';
      if (raw.options !== undefined) {
        const options = readOptions(raw.options, `${path}.options`, errors);
        if (options) step = { kind, id, ...base, options };
      } else if (isRecord(raw.number)) {
        const label = str(raw.number, 'label', `${path}.number`, errors, 1, 120) ?? '';
        const unit = raw.number.unit === undefined ? undefined : (str(raw.number, 'unit', `${path}.number`, errors, 1, 32) ?? undefined);
        step = { kind, id, ...base, number: { label, ...(unit && { unit }) } };
      } else {
        errors.push({ path: `${path}.options`, message: 'a predict step needs "options" (multiple choice) or "number" ({ "label": … })' });
      }
      break;
    }
    case 'act': {
      const goal = readCondition(raw.goal, `${path}.goal`, errors, 0);
      const reference = readCommands(raw.reference, `${path}.reference`, errors);
      if (goal && reference) step = { kind, ...base, goal, reference };
      break;
    }
    case 'observe': {
      const until = readCondition(raw.until, `${path}.until`, errors, 0);
      const withinMs = num(raw, 'withinMs', path, errors, 1, L.MAX_OBSERVE_MS, true);
      const hint = str(raw, 'hint', path, errors, 1, L.MAX_LESSON_TEXT_CHARS);
      if (until && withinMs !== null && hint !== null) step = { kind, ...base, until, withinMs, hint };
      break;
    }
    case 'explain': {
      const prediction = str(raw, 'prediction', path, errors, 1, 64);
      const measured = readMeasures(raw.measured, `${path}.measured`, errors);
      const compareWith = raw.compareWith === undefined ? undefined : num(raw, 'compareWith', path, errors, 0, L.MAX_MEASURES - 1, true);
      if (measured && compareWith !== undefined && compareWith !== null && compareWith >= measured.length) {
        errors.push({ path: `${path}.compareWith`, message: mustBe('compareWith', compareWith, `an index into measured (0 to ${measured.length - 1})`) });
      }
      if (prediction !== null && measured) step = { kind, ...base, prediction, measured, ...(compareWith != null && { compareWith }) };
      break;
    }
    case 'check': {
      const goal = readCondition(raw.goal, `${path}.goal`, errors, 0);
      const notYet = str(raw, 'notYet', path, errors, 1, L.MAX_LESSON_TEXT_CHARS);
      if (goal && notYet !== null) step = { kind, ...base, goal, notYet };
      break;
    }
    case 'free':
      step = { kind, ...base };
      break;
  }
  return errors.length > before ? null : step;
}

function readOptions(raw: unknown, path: string, errors: Errors): PredictOption[] | null {
  if (!Array.isArray(raw) || raw.length < 2 || raw.length > L.MAX_OPTIONS) {
    errors.push({ path, message: mustBe('options', raw, `a list of 2 to ${L.MAX_OPTIONS} options`) });
    return null;
  }
  const options: PredictOption[] = [];
  raw.forEach((value: unknown, index) => {
    const at = pathTo(path, [index]);
    if (!isRecord(value)) {
      errors.push({ path: at, message: mustBe(at, value, 'an object') });
      return;
    }
    const id = str(value, 'id', at, errors, 1, 32);
    const text = str(value, 'text', at, errors, 1, 300);
    const why = str(value, 'why', at, errors, 1, L.MAX_LESSON_TEXT_CHARS);
    if (typeof value.correct !== 'boolean') errors.push({ path: `${at}.correct`, message: mustBe('correct', value.correct, 'true or false') });
    if (id !== null && text !== null && why !== null && typeof value.correct === 'boolean') options.push({ id, text, correct: value.correct, why });
  });
  if (options.length === raw.length && !options.some((o) => o.correct)) {
    errors.push({ path, message: 'at least one option must be correct' });
  }
  return options.length === raw.length ? options : null;
}

function readCommands(raw: unknown, path: string, errors: Errors): Command[] | null {
  if (!Array.isArray(raw) || raw.length < 1 || raw.length > L.MAX_REFERENCE_COMMANDS) {
    errors.push({ path, message: mustBe('reference', raw, `a list of 1 to ${L.MAX_REFERENCE_COMMANDS} commands`) });
    return null;
  }
  const commands: Command[] = [];
  raw.forEach((value: unknown, index) => {
    const parsed = parseCommand(value);
    if (!parsed.ok) {
      for (const e of parsed.errors) errors.push({ path: pathTo(path, [index]) + (e.path ? `.${e.path}` : ''), message: e.message });
      return;
    }
    const { atMs: _ignored, ...command } = parsed.command;
    commands.push(command as Command);
  });
  return commands.length === raw.length ? commands : null;
}

function readMeasures(raw: unknown, path: string, errors: Errors): Measure[] | null {
  if (!Array.isArray(raw) || raw.length < 1 || raw.length > L.MAX_MEASURES) {
    errors.push({ path, message: mustBe('measured', raw, `a list of 1 to ${L.MAX_MEASURES} measures`) });
    return null;
  }
  const measures: Measure[] = [];
  raw.forEach((value: unknown, index) => {
    const at = pathTo(path, [index]);
    if (!isRecord(value)) {
      errors.push({ path: at, message: mustBe(at, value, 'an object') });
      return;
    }
    const label = str(value, 'label', at, errors, 1, 120);
    const unit = value.unit === undefined ? undefined : (str(value, 'unit', at, errors, 1, 32) ?? undefined);
    const v = value.value;
    if (isRecord(v) && v.events !== undefined) {
      const code = readCode(v.events, `${at}.value.events`, errors);
      const where = readWhere(v.where, `${at}.value.where`, errors);
      const since = v.since === undefined ? undefined : v.since === 'lesson' ? ('lesson' as const) : null;
      if (since === null) errors.push({ path: `${at}.value.since`, message: mustBe('since', v.since, '"lesson" (or leave it out: since the step began)') });
      const sumOf = v.sumOf === undefined ? undefined : str(v, 'sumOf', `${at}.value`, errors, 1, 64);
      if (label !== null && code && where !== null && since !== null && sumOf !== null) {
        measures.push({ label, ...(unit && { unit }), value: { events: code, ...(where && { where }), ...(since && { since }), ...(sumOf && { sumOf }) } });
      }
      return;
    }
    const operand = readSummaryOperand(v, `${at}.value`, errors);
    if (label !== null && operand) measures.push({ label, ...(unit && { unit }), value: operand });
  });
  return measures.length === raw.length ? measures : null;
}

function strList(obj: Record<string, unknown>, key: string, path: string, errors: Errors, max: number): string[] | null {
  const value = obj[key];
  const at = path ? `${path}.${key}` : key;
  if (!Array.isArray(value) || value.length > max || !value.every((v) => typeof v === 'string' && v.length > 0 && v.length <= L.MAX_LESSON_TEXT_CHARS)) {
    errors.push({ path: at, message: mustBe(key, value, `a list of at most ${max} non-empty strings of up to ${L.MAX_LESSON_TEXT_CHARS} characters`) });
    return null;
  }
  return value as string[];
}
