/**
 * A refused field (`ScenarioError`: where and why) and how its path is written and collected.
 */
import type { z } from 'zod/mini';
import { showValue } from './mustBe';

/** One refused field: where (`services[1].config["session.timeout.ms"]`) and why. */
export interface ScenarioError {
  path: string;
  message: string;
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Appends keys to a path: names as `.name`, indexes as `[1]`, other keys as `["a.b"]`. */
export function pathTo(base: string, keys: readonly PropertyKey[]): string {
  let path = base;
  for (const key of keys) {
    if (typeof key === 'number') path += `[${key}]`;
    else if (typeof key === 'string' && PLAIN_KEY.test(key)) path += path === '' ? key : `.${key}`;
    else path += `[${JSON.stringify(String(key))}]`;
  }
  return path;
}

/** Zod issues as errors below `base`; every schema here words its own message. */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[], base: string): ScenarioError[] {
  const errors: ScenarioError[] = [];
  for (const issue of issues) {
    const error = { path: pathTo(base, issue.path), message: issue.message };
    if (!errors.some((seen) => seen.path === error.path && seen.message === error.message)) {
      errors.push(error);
    }
  }
  return errors;
}

/** The error for input that could not even be read (a throwing getter, a revoked proxy). */
export function unreadable(what: string, error: unknown): ScenarioError {
  let reason = 'unknown error';
  try {
    reason = error instanceof Error ? error.message : showValue(error);
  } catch {
    // Keep the generic reason: reading the error itself failed.
  }
  return { path: '', message: `${what} could not be read: ${reason}` };
}
