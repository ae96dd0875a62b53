/**
 * Zod schema for `resetOffsets`'s `to`: "earliest", "latest", or exactly one of offset,
 * timestampMs and shiftBy, with a message naming the part that is wrong.
 */
import { z } from 'zod/mini';
import { integer } from './fieldSchemas';
import { isRecord } from './isRecord';
import { mustBe } from './mustBe';

const SAFE_MAX = Number.MAX_SAFE_INTEGER;
const RESET_KEYS = ['offset', 'timestampMs', 'shiftBy'] as const;
const RESET_RULE = '"earliest", "latest", {"offset": n}, {"timestampMs": t} or {"shiftBy": n}';

/** Names the part of a reset target that is wrong: `to.offset is -1; ...`. */
function describeResetTarget(to: unknown): string {
  const key = RESET_KEYS.find((name) => isRecord(to) && to[name] !== undefined);
  if (key === undefined || !isRecord(to)) return mustBe('to', to, RESET_RULE);
  return mustBe(
    `to.${key}`,
    to[key],
    key === 'shiftBy' ? 'an integer' : 'an integer of at least 0',
  );
}

/** Exactly one of offset, timestampMs, shiftBy: an object naming two is ambiguous, not stripped. */
const resetTargetError = {
  error: (issue: { readonly input?: unknown }) => describeResetTarget(issue.input),
};
export const resetTargetSchema = z.pipe(
  z.unknown().check(
    z.refine(
      (to) => !isRecord(to) || RESET_KEYS.filter((key) => to[key] !== undefined).length <= 1,
      {
        error: (issue) =>
          `to names ${RESET_KEYS.filter((key) => isRecord(issue.input) && issue.input[key] !== undefined).join(' and ')}; ` +
          `it must be ${RESET_RULE}`,
      },
    ),
  ),
  z.union(
    [
      z.enum(['earliest', 'latest'], resetTargetError),
      z.object({ offset: integer('offset', 0, SAFE_MAX) }, resetTargetError),
      z.object({ timestampMs: integer('timestampMs', 0, SAFE_MAX) }, resetTargetError),
      z.object({ shiftBy: integer('shiftBy', -SAFE_MAX, SAFE_MAX) }, resetTargetError),
    ],
    resetTargetError,
  ),
);
