/**
 * Validates one already screened command below a field path: its type, its `atMs` and its own
 * fields; the result is a fresh command with warnings for dropped fields, or errors.
 */
import type { z } from 'zod/mini';
import { COMMAND_TYPES } from '../engine';
import type { Command } from '../engine';
import { COMMAND_SCHEMAS, isCommandType } from './commandSchemas';
import { atMsSchema } from './fieldSchemas';
import { isRecord } from './isRecord';
import { listOf, mustBe } from './mustBe';
import { issuesToErrors, pathTo } from './scenarioError';
import type { ScenarioError } from './scenarioError';
import { unknownFieldWarnings } from './unknownFieldWarnings';

export type CommandParseResult<C> =
  { ok: true; command: C; warnings: string[] } | { ok: false; errors: ScenarioError[] };

/**
 * Validates a command whose input was already screened for forbidden keys, reporting paths below
 * `path` (`actions[3]` inside a scenario, the empty path for a lone command).
 */
export function validateCommand(
  input: unknown,
  atMsRequired: boolean,
  path: string,
): CommandParseResult<Command & { atMs?: number }> {
  if (!isRecord(input)) {
    return failure(
      path,
      mustBe('command', input, 'an object such as {"type": "crash", "target": "email-0"}'),
    );
  }
  if (!isCommandType(input.type)) {
    return failure(pathTo(path, ['type']), mustBe('type', input.type, listOf(COMMAND_TYPES)));
  }
  const errors: ScenarioError[] = [];
  let atMs: number | undefined;
  if (atMsRequired || input.atMs !== undefined) {
    const parsedAtMs = atMsSchema.safeParse(input.atMs);
    if (parsedAtMs.success) atMs = parsedAtMs.data;
    else errors.push(...issuesToErrors(parsedAtMs.error.issues, pathTo(path, ['atMs'])));
  }
  const schema: z.ZodMiniType<Command> = COMMAND_SCHEMAS[input.type];
  const parsed = schema.safeParse(input);
  if (!parsed.success) errors.push(...issuesToErrors(parsed.error.issues, path));
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  const command = atMs === undefined ? parsed.data : { atMs, ...parsed.data };
  return { ok: true, command, warnings: unknownFieldWarnings(input, command, path) };
}

function failure(path: string, message: string): { ok: false; errors: ScenarioError[] } {
  return { ok: false, errors: [{ path, message }] };
}
