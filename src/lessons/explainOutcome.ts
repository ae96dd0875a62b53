/**
 * An explain step's content: the learner's prediction beside what the run measured, and why.
 * ("You predicted 0 duplicates; the run shows 30.")
 */
import type { ConditionContext } from '../scenarios/conditions/evaluateCondition';
import { measure } from './measure';
import type { ExplainStep, Lesson, PredictStep, Prediction } from './lessonTypes';

export interface MeasuredValue {
  label: string;
  value: string;
}

export interface ExplainOutcome {
  /** What the learner predicted, in words (null when they skipped the prediction). */
  predicted: string | null;
  /** Whether it was right: for a choice its flag, for a number equality with the compared measure. */
  right: boolean | null;
  /** The chosen option's explanation (or, for a number, the sentence comparing both). */
  why: string | null;
  /** The correct option(s), when the learner chose another. */
  correct: string[];
  measured: MeasuredValue[];
}

export function explainOutcome(
  lesson: Lesson,
  step: ExplainStep,
  predictions: Readonly<Record<string, Prediction>>,
  ctx: ConditionContext,
): ExplainOutcome {
  const predict = lesson.steps.find((s): s is PredictStep => s.kind === 'predict' && s.id === step.prediction);
  const values = step.measured.map((m) => measure(m, ctx));
  const measured = step.measured.map((m, i) => ({ label: m.label, value: showValue(values[i] ?? null, m.unit) }));
  const prediction = predictions[step.prediction];
  if (!predict || !prediction) return { predicted: null, right: null, why: null, correct: correctTexts(predict), measured };
  if ('option' in prediction) {
    const option = predict.options?.find((o) => o.id === prediction.option);
    return {
      predicted: option?.text ?? prediction.option,
      right: option?.correct ?? null,
      why: option?.why ?? null,
      correct: option?.correct ? [] : correctTexts(predict),
      measured,
    };
  }
  const index = step.compareWith ?? 0;
  const actual = values[index];
  const label = step.measured[index]?.label ?? 'the run';
  const unit = predict.number?.unit ? ` ${predict.number.unit}` : '';
  const right = typeof actual === 'number' ? actual === prediction.number : null;
  return {
    predicted: `${formatNumber(prediction.number)}${unit}`,
    right,
    why: `You predicted ${formatNumber(prediction.number)}${unit}; the run shows ${showValue(actual ?? null, predict.number?.unit)} (${label}).`,
    correct: [],
    measured,
  };
}

function correctTexts(predict: PredictStep | undefined): string[] {
  return predict?.options?.filter((o) => o.correct).map((o) => o.text) ?? [];
}

function showValue(value: number | string | boolean | null, unit?: string): string {
  if (value === null) return 'none yet';
  if (typeof value === 'number') return `${formatNumber(value)}${unit ? ` ${unit}` : ''}`;
  return String(value);
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
