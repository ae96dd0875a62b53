/**
 * Reads untrusted condition data (a lesson step's wait or check, a scenario note's claim): never
 * throws; every refusal names the field path, the value and the rule.
 */
import { SIM_EVENT_CODES, type CompareOp, type Condition, type Operand, type SimEventCode, type SummaryOperand } from '../../engine';
import { isRecord } from '../isRecord';
import { listOf, mustBe } from '../mustBe';
import { pathTo, type ScenarioError } from '../scenarioError';
import { readNumber as num, readText as str } from './readField';

type Errors = ScenarioError[];

/** Conditions nest at most this deep, with at most this many items per all / any. */
const MAX_CONDITION_DEPTH = 6;
const MAX_CONDITION_ITEMS = 12;
const MAX_PATH_CHARS = 200;
/** Longest virtual time a condition may name: ten minutes. */
const MAX_CONDITION_MS = 600_000;

const OPS: Record<string, CompareOp> = { '=': '=', '!=': '!=', '≠': '!=', '<': '<', '<=': '<=', '≤': '<=', '>': '>', '>=': '>=', '≥': '>=' };

export function readCondition(raw: unknown, path: string, errors: Errors, depth: number): Condition | null {
  if (depth > MAX_CONDITION_DEPTH) {
    errors.push({ path, message: `conditions nest at most ${MAX_CONDITION_DEPTH} deep` });
    return null;
  }
  if (!isRecord(raw)) {
    errors.push({ path, message: mustBe(path, raw, 'a condition: { "compare" … }, { "event" … }, { "elapsedMs" … }, { "all" … }, { "any" … } or { "not" … }') });
    return null;
  }
  for (const key of ['all', 'any'] as const) {
    if (raw[key] === undefined) continue;
    const list = raw[key];
    if (!Array.isArray(list) || list.length < 1 || list.length > MAX_CONDITION_ITEMS) {
      errors.push({ path: `${path}.${key}`, message: mustBe(key, list, `a list of 1 to ${MAX_CONDITION_ITEMS} conditions`) });
      return null;
    }
    const items = list.map((item: unknown, index) => readCondition(item, pathTo(`${path}.${key}`, [index]), errors, depth + 1));
    if (items.some((item) => item === null)) return null;
    return key === 'all' ? { all: items as Condition[] } : { any: items as Condition[] };
  }
  if (raw.not !== undefined) {
    const inner = readCondition(raw.not, `${path}.not`, errors, depth + 1);
    return inner ? { not: inner } : null;
  }
  if (raw.elapsedMs !== undefined) {
    const ms = num(raw, 'elapsedMs', path, errors, 0, MAX_CONDITION_MS, true);
    return ms === null ? null : { elapsedMs: ms };
  }
  if (raw.event !== undefined) {
    const code = readCode(raw.event, `${path}.event`, errors);
    const where = readWhere(raw.where, `${path}.where`, errors);
    const sumOf = raw.sumOf === undefined ? undefined : str(raw, 'sumOf', path, errors, 1, 64);
    const op = raw.op === undefined ? undefined : readOp(raw.op, `${path}.op`, errors);
    const value = raw.value === undefined ? undefined : num(raw, 'value', path, errors, 0, Number.MAX_SAFE_INTEGER);
    const since = raw.since === undefined ? undefined : raw.since === 'lesson' ? ('lesson' as const) : null;
    if (since === null) errors.push({ path: `${path}.since`, message: mustBe('since', raw.since, '"lesson" (or leave it out: since the step began)') });
    if (!code || where === null || sumOf === null || op === null || value === null || since === null) return null;
    return {
      event: code,
      ...(where && { where }),
      ...(since && { since }),
      ...(sumOf && { sumOf }),
      ...(op && { op }),
      ...(value !== undefined && { value }),
    };
  }
  if (raw.compare !== undefined) {
    const left = readSummaryOperand(raw.compare, `${path}.compare`, errors);
    const op = readOp(raw.op, `${path}.op`, errors);
    const to = readOperand(raw.to, `${path}.to`, errors);
    return left && op && to !== null ? { compare: left, op, to } : null;
  }
  errors.push({ path, message: 'a condition needs one of "compare", "event", "elapsedMs", "all", "any" or "not"' });
  return null;
}

function readOperand(raw: unknown, path: string, errors: Errors): Operand | null {
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'string' && raw.length <= 64) return raw;
  if (isRecord(raw)) return readSummaryOperand(raw, path, errors);
  errors.push({ path, message: mustBe(path, raw, 'a number, a word of up to 64 characters, true/false or { "path": … }') });
  return null;
}

export function readSummaryOperand(raw: unknown, path: string, errors: Errors): SummaryOperand | null {
  if (!isRecord(raw) || typeof raw.path !== 'string' || raw.path.length === 0 || raw.path.length > MAX_PATH_CHARS) {
    errors.push({ path, message: mustBe(path, raw, `{ "path": <dotted path into summary(), up to ${MAX_PATH_CHARS} characters> }`) });
    return null;
  }
  const operand: SummaryOperand = { path: raw.path };
  const choice = <T extends string>(key: string, values: readonly T[]): T | undefined | null => {
    const value = raw[key];
    if (value === undefined) return undefined;
    if ((values as readonly unknown[]).includes(value)) return value as T;
    errors.push({ path: `${path}.${key}`, message: mustBe(key, value, listOf(values)) });
    return null;
  };
  const of = choice('of', ['sum', 'count', 'min', 'max'] as const);
  const at = choice('at', ['now', 'step', 'lesson'] as const);
  const change = choice('change', ['step', 'lesson'] as const);
  const factor = (key: 'times' | 'plus'): number | undefined | null => {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 1e9) return value;
    errors.push({ path: `${path}.${key}`, message: mustBe(key, value, 'a number from -1,000,000,000 to 1,000,000,000') });
    return null;
  };
  const times = factor('times');
  const plus = factor('plus');
  if (of === null || at === null || change === null || times === null || plus === null) return null;
  return {
    ...operand,
    ...(of && { of }),
    ...(at && { at }),
    ...(change && { change }),
    ...(times !== undefined && { times }),
    ...(plus !== undefined && { plus }),
  };
}

export function readCode(raw: unknown, path: string, errors: Errors): SimEventCode | null {
  if (typeof raw === 'string' && (SIM_EVENT_CODES as readonly string[]).includes(raw)) return raw as SimEventCode;
  errors.push({ path, message: mustBe('event', raw, listOf(SIM_EVENT_CODES)) });
  return null;
}

export function readWhere(raw: unknown, path: string, errors: Errors): Record<string, string | number | boolean> | undefined | null {
  if (raw === undefined) return undefined;
  if (!isRecord(raw) || Object.keys(raw).length > 8) {
    errors.push({ path, message: mustBe('where', raw, 'an object of up to 8 field values') });
    return null;
  }
  const where: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) where[key] = value;
    else {
      errors.push({ path: `${path}.${key}`, message: mustBe(key, value, 'a string, a number or true/false') });
      return null;
    }
  }
  return where;
}

function readOp(raw: unknown, path: string, errors: Errors): CompareOp | null {
  if (typeof raw === 'string' && Object.hasOwn(OPS, raw)) return OPS[raw]!;
  errors.push({ path, message: mustBe('op', raw, listOf(Object.keys(OPS))) });
  return null;
}
