/**
 * Evaluating conditions (a lesson step's wait or check, a scenario note's claim): pure functions
 * of the summary now, the summaries at the step's and the lesson's start, the explained events
 * since the step began and the virtual time since then. The headless lesson runner, the lab and
 * the caption bar evaluate the same data the same way.
 */
import type { CompareOp, Condition, Operand, SimEvent, Summary, SummaryOperand } from '../../engine';
import { readPath } from './summaryPath';

export interface ConditionContext {
  summary: Summary;
  /** The summary when the current step began. */
  stepStart: Summary;
  /** The summary when the lesson began (its starting scenario at t = 0). */
  lessonStart: Summary;
  /** Explained events since the step began (oldest first). */
  stepEvents: readonly SimEvent[];
  /** Explained events since the lesson began. */
  lessonEvents: readonly SimEvent[];
  /** Virtual time since the step began. */
  elapsedMs: number;
}

type Value = number | string | boolean | null;

export function evaluate(condition: Condition, ctx: ConditionContext): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluate(c, ctx));
  if ('any' in condition) return condition.any.some((c) => evaluate(c, ctx));
  if ('not' in condition) return !evaluate(condition.not, ctx);
  if ('elapsedMs' in condition) return ctx.elapsedMs >= condition.elapsedMs;
  if ('event' in condition) {
    const matching = matchingEvents(condition.since === 'lesson' ? ctx.lessonEvents : ctx.stepEvents, condition.event, condition.where);
    const amount =
      condition.sumOf === undefined
        ? matching.length
        : matching.reduce((sum, e) => sum + numberField(e, condition.sumOf!), 0);
    return compare(amount, condition.op ?? '>=', condition.value ?? 1);
  }
  return compare(operandValue(condition.compare, ctx), condition.op, operandValue(condition.to, ctx));
}

export function operandValue(operand: Operand, ctx: ConditionContext): Value {
  if (typeof operand !== 'object') return operand;
  const value = readOperand(operand, ctx);
  if (typeof value !== 'number' || (operand.times === undefined && operand.plus === undefined)) return value;
  return value * (operand.times ?? 1) + (operand.plus ?? 0);
}

function readOperand(operand: SummaryOperand, ctx: ConditionContext): Value {
  const read = (summary: Summary) => readPath(summary, operand.path, operand.of);
  if (operand.change !== undefined) {
    const now = read(ctx.summary);
    const before = read(operand.change === 'lesson' ? ctx.lessonStart : ctx.stepStart);
    return typeof now === 'number' && typeof before === 'number' ? now - before : null;
  }
  const at = operand.at ?? 'now';
  return read(at === 'now' ? ctx.summary : at === 'step' ? ctx.stepStart : ctx.lessonStart);
}

export function matchingEvents(
  events: readonly SimEvent[],
  code: string,
  where: Readonly<Record<string, string | number | boolean>> | undefined,
): SimEvent[] {
  return events.filter(
    (e) => e.code === code && (where === undefined || Object.entries(where).every(([k, v]) => e.fields?.[k] === v)),
  );
}

export function numberField(event: SimEvent, field: string): number {
  const value = event.fields?.[field];
  return typeof value === 'number' ? value : 0;
}

/** Numbers compare by value; words and flags only by = and !=; null (nothing read) never matches. */
export function compare(left: Value, op: CompareOp, right: Value): boolean {
  if (left === null || right === null) return false;
  if (typeof left === 'number' && typeof right === 'number') {
    switch (op) {
      case '=':
        return left === right;
      case '!=':
        return left !== right;
      case '<':
        return left < right;
      case '<=':
        return left <= right;
      case '>':
        return left > right;
      case '>=':
        return left >= right;
    }
  }
  if (op === '=') return left === right;
  if (op === '!=') return left !== right;
  return false;
}

