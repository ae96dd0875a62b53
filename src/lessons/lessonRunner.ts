/**
 * The headless lesson runner (Node, unit tests, the CLI): plays a lesson on its own simulation.
 * With `act: 'reference'` it does what "Do it for me" does on every act step; with 'nothing' it
 * skips them, so their checks must fail. Predict steps get their first correct answer. Every
 * observe step must be reached within its `withinMs`; the run records where each step began
 * (the interventions and playhead that reproduce it), which is how a link opens a lesson at a
 * step.
 */
import { createSimulation, type SimEvent, type Simulation, type Summary, type TimedCommand } from '../engine';
import type { ConditionContext } from '../scenarios/conditions/evaluateCondition';
import { evaluate } from '../scenarios/conditions/evaluateCondition';
import { withFoldPaths } from '../scenarios/conditions/foldPaths';
import { lessonScenario } from './lessonScenario';
import type { Lesson, LessonStep, Prediction } from './lessonTypes';
import { stepSatisfied } from './stepProgress';

/** Virtual time between two looks at the model while an observe step waits. */
const RUNNER_TICK_MS = 100;
/** How long the runner lets an act step's goal take to hold after the reference commands. */
const ACT_SETTLE_MS = 30_000;

export interface StepMoment {
  /** The playhead where the step began. */
  atMs: number;
  /** Interventions applied before it (each at its own time). */
  interventions: TimedCommand[];
  /** The summary then (what `at: 'step'` and `change: 'step'` read). */
  summary: Summary;
  /** Sequence number of the first explained event the step may count. */
  firstSeq: number;
}

export interface StepReport {
  kind: LessonStep['kind'];
  /** The step's wait or check held (predict, explain and free always do). */
  satisfied: boolean;
  /** Virtual time the step took. */
  tookMs: number;
}

export interface LessonRunResult {
  moments: StepMoment[];
  reports: StepReport[];
  predictions: Record<string, Prediction>;
  /** The summary at t = 0 (what `at: 'lesson'` reads). */
  lessonStart: Summary;
  /** Every check passed and the final free step was reached. */
  done: boolean;
  summary: Summary;
}

export interface RunOptions {
  act: 'reference' | 'nothing';
  /** Stop at the start of this step (0-based): a link to step n needs only its moment. */
  stopAtStep?: number;
}

export function runLesson(lesson: Lesson, options: RunOptions): LessonRunResult {
  const sim = createSimulation(lessonScenario(lesson));
  sim.runUntil(0);
  const interventions: TimedCommand[] = [];
  const lessonStart = sim.summary();
  const moments: StepMoment[] = [];
  const reports: StepReport[] = [];
  const predictions: Record<string, Prediction> = {};
  let allPassed = true;
  const last = options.stopAtStep ?? lesson.steps.length - 1;
  for (let index = 0; index <= last; index++) {
    const step = lesson.steps[index]!;
    const context = contextFor(sim, lessonStart);
    moments.push({ atMs: sim.now, interventions: [...interventions], summary: context.stepStart, firstSeq: context.firstSeq });
    if (index === options.stopAtStep) break;
    const began = sim.now;
    let satisfied: boolean;
    switch (step.kind) {
      case 'predict': {
        const correct = step.options?.find((o) => o.correct);
        predictions[step.id] = correct ? { option: correct.id } : { number: 0 };
        satisfied = true;
        break;
      }
      case 'act':
        if (options.act === 'reference') {
          for (const command of step.reference) {
            sim.apply(command);
            interventions.push({ ...command, atMs: sim.now } as TimedCommand);
          }
        }
        satisfied = waitFor(sim, context, (ctx) => evaluate(step.goal, ctx), options.act === 'reference' ? ACT_SETTLE_MS : 0);
        break;
      case 'observe':
        satisfied = waitFor(sim, context, (ctx) => evaluate(step.until, ctx), step.withinMs);
        break;
      case 'check':
        satisfied = stepSatisfied(step, context.now(), true);
        break;
      case 'explain':
      case 'free':
        satisfied = true;
        break;
    }
    if (!satisfied) allPassed = false;
    reports.push({ kind: step.kind, satisfied, tookMs: sim.now - began });
  }
  const reachedEnd = options.stopAtStep === undefined;
  return { moments, reports, predictions, lessonStart, done: reachedEnd && allPassed, summary: sim.summary() };
}

interface StepContext {
  stepStart: Summary;
  firstSeq: number;
  /** The condition context now: the model as it is at the time of the call. */
  now(): ConditionContext;
}

/** The condition context of a step that began now. */
function contextFor(sim: Simulation, lessonStart: Summary): StepContext {
  const stepStart = sim.summary();
  const startMs = sim.now;
  const firstSeq = nextEventSeq(sim.events());
  return {
    stepStart,
    firstSeq,
    now: () => conditionContext(sim, { summary: stepStart, atMs: startMs, firstSeq }, lessonStart),
  };
}

/** The sequence number the next explained event will get. */
export function nextEventSeq(events: readonly SimEvent[]): number {
  return (events[events.length - 1]?.seq ?? -1) + 1;
}

/** What conditions see: the run now, measured against where the step and the lesson began. */
export function conditionContext(
  sim: Simulation,
  step: { summary: Summary; atMs: number; firstSeq: number },
  lessonStart: Summary,
): ConditionContext {
  const events = sim.events();
  return {
    summary: withFoldPaths(sim.summary(), (serviceId) => sim.foldComparison(serviceId)),
    stepStart: step.summary,
    lessonStart,
    stepEvents: events.filter((e) => e.seq >= step.firstSeq),
    lessonEvents: events,
    elapsedMs: sim.now - step.atMs,
  };
}

/** Runs the clock in ticks until `holds` or `withinMs` passed; whether it held. */
function waitFor(sim: Simulation, context: StepContext, holds: (ctx: ConditionContext) => boolean, withinMs: number): boolean {
  const deadline = sim.now + withinMs;
  for (;;) {
    if (holds(context.now())) return true;
    if (sim.now >= deadline) return false;
    sim.runUntil(Math.min(deadline, sim.now + RUNNER_TICK_MS));
  }
}
