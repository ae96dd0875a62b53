/**
 * Conditions as data: what a lesson step waits for and what a scenario note claims. Comparisons
 * of summary readings (doc/design.md, contract 3), explained events by code and fields, virtual
 * time, and all / any / not. Data, not code, so a lesson or a scenario file can carry them and
 * a teacher can write them. Evaluated in src/scenarios/conditions.
 */
import type { SimEventCode } from './simEvents';

/** Comparison operators; the Unicode forms are accepted and mean the same. */
export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

/**
 * A number (or word) read from `summary()` (doc/design.md, contract 3). `path` is dotted
 * (`stats.email.duplicates`); a `*` segment matches every key or index, and the matches are
 * combined by `of` (sum by default; count counts non-null matches). `at` reads the value as it
 * was when the step (or the lesson) began; `change` is now minus that earlier value; `times`
 * and `plus` then adjust it (value × times + plus).
 */
export interface SummaryOperand {
  path: string;
  /** A linear adjustment of the value read, e.g. `{ path: …highWatermark, plus: -5 }`. */
  times?: number;
  plus?: number;
  of?: 'sum' | 'count' | 'min' | 'max';
  at?: 'now' | 'step' | 'lesson';
  change?: 'step' | 'lesson';
}

export type Operand = number | string | boolean | SummaryOperand;

export type Condition =
  | { compare: SummaryOperand; op: CompareOp; to: Operand }
  /**
   * Explained events since the step began with this code (and these field values): their number,
   * or with `sumOf` the sum of a numeric field, compared with `value` by `op` (default ≥ 1).
   */
  | {
      event: SimEventCode;
      where?: Readonly<Record<string, string | number | boolean>>;
      /** Count from the lesson's start instead of the step's (an earlier step's query, say). */
      since?: 'lesson';
      sumOf?: string;
      op?: CompareOp;
      value?: number;
    }
  /** Virtual time since the step began, at least this long. */
  | { elapsedMs: number }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition };
