/**
 * Screens untrusted input before any schema reads it: prototype keys, nesting depth and size.
 */
import { limits } from '../engine';
import { pathTo } from './scenarioError';
import type { ScenarioError } from './scenarioError';

/**
 * Refuses `__proto__`, `constructor` and `prototype` keys anywhere (JSON.parse makes them own
 * properties), and input nested or sized far beyond any scenario, before any schema reads it.
 */
export function findForbiddenKeys(input: unknown, base: string): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const seen = new WeakSet<object>();
  let budget = limits.MAX_INPUT_VALUES;
  const visit = (value: unknown, path: string, depth: number): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    budget -= 1;
    if (depth > limits.MAX_NESTING_DEPTH || budget < 0) {
      const message =
        budget < 0
          ? `the input has more than ${limits.MAX_INPUT_VALUES} objects and lists; a scenario has far fewer`
          : `the input is nested more than ${limits.MAX_NESTING_DEPTH} levels deep here; a scenario needs far fewer`;
      errors.push({ path, message });
      budget = Number.NEGATIVE_INFINITY;
      return;
    }
    const keys = Array.isArray(value) ? value.keys() : Object.keys(value);
    for (const key of keys) {
      if (typeof key === 'string' && limits.FORBIDDEN_KEYS.includes(key)) {
        errors.push({
          path: pathTo(path, [key]),
          message: `field "${key}" is not allowed (it could change JavaScript object prototypes)`,
        });
      } else if (budget >= 0) {
        visit((value as Record<PropertyKey, unknown>)[key], pathTo(path, [key]), depth + 1);
      }
    }
  };
  visit(input, base, 0);
  return errors;
}
