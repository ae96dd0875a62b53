/** An explain step's measured values: summary readings, or counts (or sums) of explained events. */
import { matchingEvents, numberField, operandValue, type ConditionContext } from '../scenarios/conditions/evaluateCondition';
import type { Measure } from './lessonTypes';

/** A measured value for an explain step: a summary reading or a count of events. */
export function measure(item: Measure, ctx: ConditionContext): number | string | boolean | null {
  const value = item.value;
  if ('events' in value) {
    const events = matchingEvents(value.since === 'lesson' ? ctx.lessonEvents : ctx.stepEvents, value.events, value.where);
    return value.sumOf === undefined ? events.length : events.reduce((sum, e) => sum + numberField(e, value.sumOf!), 0);
  }
  return operandValue(value, ctx);
}

