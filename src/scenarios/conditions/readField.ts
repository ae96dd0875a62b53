/**
 * One field of untrusted data, checked by hand (conditions and lessons nest too freely for a
 * schema to give good paths): the value, or null with `<key> is <value>; it must be <rule>`
 * pushed at its path.
 */
import { mustBe } from '../mustBe';
import type { ScenarioError } from '../scenarioError';

export function readText(obj: Record<string, unknown>, key: string, path: string, errors: ScenarioError[], min: number, max: number): string | null {
  const value = obj[key];
  if (typeof value === 'string' && value.length >= min && value.length <= max) return value;
  errors.push({ path: path ? `${path}.${key}` : key, message: mustBe(key, value, `a string of ${min} to ${max} characters`) });
  return null;
}

export function readNumber(
  obj: Record<string, unknown>,
  key: string,
  path: string,
  errors: ScenarioError[],
  min: number,
  max: number,
  integer = false,
): number | null {
  const value = obj[key];
  if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value))) return value;
  errors.push({ path: path ? `${path}.${key}` : key, message: mustBe(key, value, `${integer ? 'an integer' : 'a number'} from ${min} to ${max}`) });
  return null;
}
