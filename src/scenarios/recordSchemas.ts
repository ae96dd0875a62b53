/**
 * Zod schemas for the key and value of a record a `produce` command writes: a bounded string key
 * or null, and a flat bounded object value or null (a tombstone).
 */
import { z } from 'zod/mini';
import { withoutNegativeZero } from './fieldSchemas';
import { isRecord } from './isRecord';
import { limits } from '../engine';
import { fieldError, mustBe } from './mustBe';

const recordKeyError = fieldError(
  'key',
  `a string of at most ${limits.MAX_RECORD_KEY_CHARS} characters or null`,
);
export const recordKeySchema = z.nullable(
  z
    .string(recordKeyError)
    .check(z.refine((key) => key.length <= limits.MAX_RECORD_KEY_CHARS, recordKeyError)),
);

const VALUE_RULE =
  `null (a tombstone) or a flat object of at most ${limits.MAX_VALUE_FIELDS} fields, ` +
  'each a string, number, boolean or null';
const valueFieldError = fieldError(
  'value field',
  `a string of at most ${limits.MAX_VALUE_STRING_CHARS} characters, a number, a boolean or null`,
);
const valueField = z.union(
  [
    z.string(valueFieldError).check(z.maxLength(limits.MAX_VALUE_STRING_CHARS, valueFieldError)),
    z.pipe(z.number(valueFieldError), z.transform(withoutNegativeZero)),
    z.boolean(valueFieldError),
    z.null(valueFieldError),
  ],
  valueFieldError,
);
const valueError = {
  error: (issue: { readonly code?: string; readonly input?: unknown }) =>
    issue.code === 'invalid_key'
      ? mustBe(
          'value field name',
          issue.input,
          `1 to ${limits.MAX_VALUE_FIELD_NAME_CHARS} characters`,
        )
      : mustBe('value', issue.input, VALUE_RULE),
};
export const recordValueSchema = z.nullable(
  z
    .record(
      z
        .string(valueError)
        .check(
          z.refine(
            (name) => name.length >= 1 && name.length <= limits.MAX_VALUE_FIELD_NAME_CHARS,
            valueError,
          ),
        ),
      valueField,
      valueError,
    )
    .check(
      z.refine((fields) => Object.keys(fields).length <= limits.MAX_VALUE_FIELDS, {
        error: (issue) =>
          `value has ${isRecord(issue.input) ? Object.keys(issue.input).length : 'too many'} fields; ` +
          `at most ${limits.MAX_VALUE_FIELDS} are allowed`,
      }),
    ),
);
