/**
 * Lessons as data (format "logscope-lesson", version 1): a starting scenario and a path of steps
 * that ask the learner to predict, act, watch and check. Conditions are data too, so a lesson
 * file can travel in a link and be written by a teacher without code.
 */
import type { Command, Condition, Scenario, SimEventCode, SummaryOperand } from '../engine';

export const LESSON_FORMAT = 'logscope-lesson';
export const LESSON_VERSION = 1;

export type { CompareOp, Condition, Operand, SummaryOperand } from '../engine';

export interface PredictOption {
  id: string;
  text: string;
  correct: boolean;
  /** Why it is right, or the misconception it stands for. */
  why: string;
}

interface StepBase {
  /** What the learner reads (also announced to screen readers). */
  text: string;
  /** Entities the step is about (service, instance, topic, group ids): highlighted on screen. */
  highlight?: readonly string[];
  /** The side-panel tab the step needs open. */
  tab?: string;
}

export interface PredictStep extends StepBase {
  kind: 'predict';
  /** Name the explain steps use to show this prediction beside the outcome. */
  id: string;
  /** Multiple choice: wrong options are real misconceptions. */
  options?: readonly PredictOption[];
  /** Or a number (any number, 0 included). */
  number?: { label: string; unit?: string };
}

export interface ActStep extends StepBase {
  kind: 'act';
  /** What must be true once the learner has done it, by any means. */
  goal: Condition;
  /** What "Do it for me" applies, at the playhead. */
  reference: readonly Command[];
}

export interface ObserveStep extends StepBase {
  kind: 'observe';
  /** Waits, with the clock running, until this holds; the run pauses there. */
  until: Condition;
  /** The reference path reaches it within this much virtual time (checked by the runner). */
  withinMs: number;
  /** Shown after 20 virtual seconds of waiting. */
  hint: string;
}

export interface Measure {
  label: string;
  /** A summary reading, or the number of matching events (with `sumOf`, the sum of a numeric field). */
  value:
    | SummaryOperand
    | { events: SimEventCode; where?: Readonly<Record<string, string | number | boolean>>; since?: 'lesson'; sumOf?: string };
  unit?: string;
}

export interface ExplainStep extends StepBase {
  kind: 'explain';
  /** The predict step (by id) whose answer is shown beside the outcome. */
  prediction: string;
  /** The numbers the run measured, shown beside the prediction. */
  measured: readonly Measure[];
  /** For a number prediction: which measure it is compared with (index into `measured`). */
  compareWith?: number;
}

export interface CheckStep extends StepBase {
  kind: 'check';
  goal: Condition;
  /** Said when the goal does not hold yet. */
  notYet: string;
}

export interface FreeStep extends StepBase {
  kind: 'free';
}

export type LessonStep = PredictStep | ActStep | ObserveStep | ExplainStep | CheckStep | FreeStep;
export type StepKind = LessonStep['kind'];

export type LessonStart = { preset: string } | { scenario: Scenario };

export interface Lesson {
  format: typeof LESSON_FORMAT;
  version: typeof LESSON_VERSION;
  id: string;
  title: string;
  /** The concept taught, in one line. */
  concept: string;
  /** The misconception it addresses, in one line. */
  trap: string;
  /** About how long it takes in class. */
  minutes: number;
  /** Playback speed the lesson starts at (slow: 0.25–1). */
  speed: number;
  start: LessonStart;
  teacherNotes: readonly string[];
  steps: readonly LessonStep[];
}

/** A learner's answer to a predict step. */
export type Prediction = { option: string } | { number: number };
