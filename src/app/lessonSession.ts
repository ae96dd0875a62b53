/**
 * Lesson mode: a lesson followed step by step over a lab's run. The session opens the lesson's
 * scenario, remembers where each step began (its interventions, playhead, summary and first
 * event), evaluates the step's condition whenever the run publishes, and moves on only when the
 * step allows it. Guidance is light: every control of the lab stays usable, and the learner may
 * leave the path and come back; Back restores the previous step's start exactly.
 *
 * Its state lives in the lab's store (`lesson`), so views, the test API and the address bar
 * read it like everything else.
 */
import { type Command, type Scenario, type Simulation, type Summary, type TimedCommand } from '../engine';
import { explainOutcome } from '../lessons/explainOutcome';
import { LESSON_INDEX } from '../lessons/catalogue/lessonIndex';
import { loadLesson } from '../lessons/catalogue/loadLesson';
import { lessonFragment, stepError } from '../lessons/lessonLink';
import { conditionContext, nextEventSeq, runLesson } from '../lessons/lessonRunner';
import { lessonScenario } from '../lessons/lessonScenario';
import { loadPresetScenarios } from '../scenarios/presets/presetScenarios';
import type { Lesson, Prediction } from '../lessons/lessonTypes';
import { HINT_AFTER_MS, stepSatisfied } from '../lessons/stepProgress';
import type { AppStore, LessonSlice } from './store';
import { summaryAtStart } from './captions';

/** Where a step began: enough to evaluate its conditions and to come back to it exactly. */
interface StepStart {
  atMs: number;
  interventions: readonly TimedCommand[];
  summary: Summary;
  firstSeq: number;
  predictions: Readonly<Record<string, Prediction>>;
}

/** The part of a lab a lesson drives (lab.ts hands its own actions in). */
export interface LessonHost {
  store: AppStore;
  loadScenario(scenario: Scenario): void;
  loadRun(scenario: Scenario, interventions: TimedCommand[], playheadMs: number): Promise<unknown>;
  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
  setView(key: string, value: string): void;
  applyCommands(commands: readonly Command[]): unknown;
  restoreMoment(interventions: readonly TimedCommand[], playheadMs: number): void;
  currentSimulation(): Simulation;
}

export function createLessonSession(host: LessonHost) {
  const store = host.store;
  let starts: StepStart[] = [];
  let lessonStart: Summary | null = null;
  /** The scenario object this lesson loaded: another run replacing it ends the lesson. */
  let ownScenario: Scenario | null = null;

  store.subscribe((state, previous) => {
    if (state.lesson === null) return;
    if (state.run.scenario !== ownScenario) {
      close();
      return;
    }
    if (state.sim !== previous.sim) evaluateNow();
  });

  /**
   * Opens a lesson at a step (0-based). A later step is reached by playing the lesson's
   * reference path headless first, which gives every earlier step's start (so Back works from
   * a link too); the run then opens there, paused.
   */
  async function open(lesson: Lesson, step = 0, fromCatalogue = false): Promise<void> {
    const target = Math.max(0, Math.min(lesson.steps.length - 1, Math.floor(step)));
    // A lesson on a preset needs its scenario, which loads on demand (presetScenarios.ts).
    await loadPresetScenarios();
    const scenario = lessonScenario(lesson);
    const reference = target > 0 ? runLesson(lesson, { act: 'reference', stopAtStep: target }) : null;
    const following = fromCatalogue ? nextInPlan(lesson.id) : undefined;
    ownScenario = scenario;
    store.setState((state) => ({ ...state, lesson: null }));
    if (reference) {
      await host.loadRun(scenario, [...reference.moments[target]!.interventions], reference.moments[target]!.atMs);
      if (ownScenario !== scenario) return;
      lessonStart = reference.lessonStart;
      starts = reference.moments.slice(0, target).map((m) => ({ ...m, predictions: {} }));
    } else {
      host.loadScenario(scenario);
      lessonStart = summaryAtStart(scenario);
      starts = [];
    }
    host.setSpeed(lesson.speed);
    store.setState((state) => ({
      ...state,
      lesson: {
        lesson,
        fromCatalogue,
        step: target,
        predictions: {},
        satisfied: false,
        elapsedMs: 0,
        doItUsed: false,
        explain: null,
        done: false,
        hintShown: false,
        next: following ? { id: following.id, title: following.title } : null,
      },
    }));
    // A lesson opens paused, like every run opened from a link: the learner presses Play.
    enterStep(target, {}, false);
  }

  /** Records where the step begins (now) and sets the lab up the way the step needs. */
  function enterStep(index: number, predictions: Readonly<Record<string, Prediction>>, autoplay = true): void {
    const current = store.getState().lesson;
    if (!current) return;
    const simulation = host.currentSimulation();
    starts = starts.slice(0, index);
    starts.push({
      atMs: simulation.now,
      interventions: store.getState().run.interventions,
      summary: simulation.summary(),
      firstSeq: nextEventSeq(simulation.events()),
      predictions,
    });
    const step = current.lesson.steps[index]!;
    store.setState((state) => ({
      ...state,
      lesson: state.lesson && {
        ...state.lesson,
        step: index,
        predictions,
        satisfied: false,
        elapsedMs: 0,
        doItUsed: false,
        explain: null,
        done: false,
        hintShown: false,
      },
    }));
    if (step.tab) host.setView('panel', step.tab);
    // Observe steps wait while the clock runs; a question or an explanation waits for the learner.
    if (step.kind === 'observe') {
      if (autoplay) host.play();
    }
    else if (step.kind !== 'act' && step.kind !== 'free') host.pause();
    evaluateNow();
  }

  /** Re-evaluates the current step against the run as it is now. */
  function evaluateNow(): void {
    const slice = store.getState().lesson;
    const start = starts[slice?.step ?? -1];
    if (!slice || !start || !lessonStart) return;
    const step = slice.lesson.steps[slice.step]!;
    const simulation = host.currentSimulation();
    const ctx = conditionContext(simulation, start, lessonStart);
    const predicted = step.kind === 'predict' && slice.predictions[step.id] !== undefined;
    // An observed moment stays observed: the wait is over once the model got there.
    const satisfied = (step.kind === 'observe' && slice.satisfied) || stepSatisfied(step, ctx, predicted);
    const explain = step.kind === 'explain' ? explainOutcome(slice.lesson, step, slice.predictions, ctx) : null;
    const done = slice.step === slice.lesson.steps.length - 1;
    if (step.kind === 'observe' && satisfied && !slice.satisfied) host.pause();
    const next: LessonSlice = {
      ...slice,
      satisfied,
      elapsedMs: ctx.elapsedMs,
      explain: explain && JSON.stringify(explain) === JSON.stringify(slice.explain) ? slice.explain : explain,
      done,
      hintShown: step.kind === 'observe' && !satisfied && ctx.elapsedMs >= HINT_AFTER_MS,
    };
    if (
      next.satisfied !== slice.satisfied ||
      next.elapsedMs !== slice.elapsedMs ||
      next.explain !== slice.explain ||
      next.done !== slice.done ||
      next.hintShown !== slice.hintShown
    ) {
      store.setState((state) => ({ ...state, lesson: next }));
    }
  }

  /** Continue: only when the step allows it. */
  function next(): void {
    const slice = store.getState().lesson;
    if (!slice || !slice.satisfied || slice.step >= slice.lesson.steps.length - 1) return;
    enterStep(slice.step + 1, slice.predictions);
  }

  /** Back: the previous step, exactly as it began (run, playhead, answers). */
  function back(): void {
    const slice = store.getState().lesson;
    if (!slice || slice.step === 0) return;
    const target = starts[slice.step - 1];
    if (!target) return;
    const index = slice.step - 1;
    starts = starts.slice(0, index);
    host.restoreMoment(target.interventions, target.atMs);
    enterStep(index, target.predictions);
  }

  function lockIn(prediction: Prediction): void {
    const slice = store.getState().lesson;
    const step = slice?.lesson.steps[slice.step];
    if (!slice || step?.kind !== 'predict' || slice.predictions[step.id] !== undefined) return;
    if ('number' in prediction && !Number.isFinite(prediction.number)) return;
    if ('option' in prediction && !step.options?.some((o) => o.id === prediction.option)) return;
    store.setState((state) => ({
      ...state,
      lesson: state.lesson && { ...state.lesson, predictions: { ...state.lesson.predictions, [step.id]: prediction } },
    }));
    evaluateNow();
  }

  /** Applies the act step's reference commands at the playhead (once). */
  function doItForMe(): void {
    const slice = store.getState().lesson;
    const step = slice?.lesson.steps[slice.step];
    if (!slice || step?.kind !== 'act' || slice.doItUsed) return;
    store.setState((state) => ({ ...state, lesson: state.lesson && { ...state.lesson, doItUsed: true } }));
    host.applyCommands(step.reference as Command[]);
    evaluateNow();
  }

  /**
   * Opens a lesson of the catalogue by id at a step (0-based), once it has loaded: the gallery's
   * Lessons list, lesson links, the console. Says why when it cannot (no such lesson or step).
   */
  async function openById(id: string, step = 0): Promise<{ ok: true } | { ok: false; error: string }> {
    const lesson = await loadLesson(id);
    if (!lesson) return { ok: false, error: `lesson ${JSON.stringify(id.slice(0, 40))} could not be loaded` };
    const error = stepError(lesson, step);
    if (error !== null) return { ok: false, error };
    await open(lesson, step, true);
    return { ok: true };
  }

  /** The next lesson of the plan, from its start. */
  async function openNext(): Promise<void> {
    const next = store.getState().lesson?.next;
    if (next) await openById(next.id);
  }

  /** Leaves lesson mode; the run stays as it is. */
  function close(): void {
    ownScenario = null;
    starts = [];
    lessonStart = null;
    if (store.getState().lesson !== null) store.setState((state) => ({ ...state, lesson: null }));
  }

  return { open, openById, next, back, lockIn, doItForMe, openNext, close };
}

export type LessonSession = ReturnType<typeof createLessonSession>;

/** The lesson after `id` in the plan, if any. */
function nextInPlan(id: string) {
  const index = LESSON_INDEX.findIndex((entry) => entry.id === id);
  return index >= 0 ? LESSON_INDEX[index + 1] : undefined;
}

/** The lessons for the gallery: id, title, concept and minutes, in the plan's order. */
export const LESSON_LIST = LESSON_INDEX.map(({ id, title, concept, trap, minutes }) => ({ id, title, concept, trap, minutes, href: lessonFragment(id, 0) }));
