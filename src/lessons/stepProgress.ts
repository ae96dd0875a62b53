/**
 * When a step lets the learner go on: the one rule the lab and the headless runner share.
 * A predict step waits for a locked-in answer; act, observe and check steps wait for their
 * condition; explain and free steps never wait.
 */
import { evaluate, type ConditionContext } from '../scenarios/conditions/evaluateCondition';
import type { LessonStep } from './lessonTypes';

export function stepSatisfied(step: LessonStep, ctx: ConditionContext, predicted: boolean): boolean {
  switch (step.kind) {
    case 'predict':
      return predicted;
    case 'act':
      return evaluate(step.goal, ctx);
    case 'observe':
      return evaluate(step.until, ctx);
    case 'check':
      return evaluate(step.goal, ctx);
    case 'explain':
    case 'free':
      return true;
  }
}

/** Virtual time an observe step waits before its hint shows. */
export const HINT_AFTER_MS = 20_000;
