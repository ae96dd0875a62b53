/**
 * Validates one command (doc/design.md, contract 2, "Actions"): a scenario action, a share link's
 * intervention or a UI click. Never throws: a fresh command with warnings, or errors.
 */
import type { Command, TimedCommand } from '../engine';
import { findForbiddenKeys } from './findForbiddenKeys';
import { unreadable } from './scenarioError';
import { validateCommand } from './validateCommand';
import type { CommandParseResult } from './validateCommand';

// What this module exported before it was split: the parsers and their shared helpers.
export { findForbiddenKeys } from './findForbiddenKeys';
export { isRecord } from './isRecord';
export { pathTo } from './scenarioError';
export type { ScenarioError } from './scenarioError';
export type { CommandParseResult } from './validateCommand';

/**
 * Validates one command. With `atMsRequired` (scenario actions, link interventions) it must carry
 * an integer `atMs` within 24 h; otherwise an `atMs` is optional but still checked when present.
 * Only the command's own fields are checked: whether its target, service, group, producer or
 * topic exists depends on a scenario, and `parseScenario` checks that. Unknown fields are dropped
 * with a warning; errors name the field path, the value and the rule.
 */
export function parseCommand(input: unknown, atMsRequired: true): CommandParseResult<TimedCommand>;
export function parseCommand(
  input: unknown,
  atMsRequired?: boolean,
): CommandParseResult<Command & { atMs?: number }>;
export function parseCommand(
  input: unknown,
  atMsRequired = false,
): CommandParseResult<Command & { atMs?: number }> {
  try {
    const forbidden = findForbiddenKeys(input, '');
    if (forbidden.length > 0) return { ok: false, errors: forbidden };
    return validateCommand(input, atMsRequired, '');
  } catch (error) {
    return { ok: false, errors: [unreadable('the command', error)] };
  }
}
