/**
 * Lesson mode over a real lab (no page): steps wait for the model or the learner, Continue is
 * refused until they allow it, predictions are shown beside the outcome, Back restores the
 * previous step's start exactly, a link to a later step opens where the reference path got to,
 * and opening another run leaves the lesson.
 */
import { describe, expect, it } from 'vitest';
import { findLesson } from '../lessons/catalogue';
import { runLesson } from '../lessons/lessonRunner';
import { findPreset } from '../scenarios/presets';
import { createLab } from './lab';
import { fragmentOf } from './sharedRunOf';

const lesson = findLesson('pub-sub-fan-out')!;
const kindOf = (lab: ReturnType<typeof createLab>) => {
  const slice = lab.store.getState().lesson!;
  return slice.lesson.steps[slice.step]!.kind;
};

describe('lesson session', () => {
  it('walks a lesson: waits, predictions, do-it-for-me, explain, back, done', async () => {
    const lab = createLab();
    await lab.lessons.open(lesson);
    const state = () => lab.store.getState();
    expect(state().lesson!.step).toBe(0);
    expect(kindOf(lab)).toBe('observe');
    // Opened paused, like any link; the step holds Continue until the model gets there.
    expect(state().playback.playing).toBe(false);
    lab.lessons.next();
    expect(state().lesson!.step).toBe(0);
    lab.advance(12_000);
    expect(state().lesson!.satisfied).toBe(true);
    expect(state().playback.playing).toBe(false);

    lab.lessons.next();
    expect(kindOf(lab)).toBe('predict');
    expect(state().lesson!.satisfied).toBe(false);
    lab.lessons.lockIn({ option: 'stops' });
    expect(state().lesson!.predictions).toEqual({ 'billing-when-email-down': { option: 'stops' } });
    // A locked-in answer stays locked.
    lab.lessons.lockIn({ option: 'unaffected' });
    expect(state().lesson!.predictions['billing-when-email-down']).toEqual({ option: 'stops' });

    lab.lessons.next();
    expect(kindOf(lab)).toBe('act');
    expect(state().lesson!.satisfied).toBe(false);
    lab.lessons.doItForMe();
    expect(state().lesson!.doItUsed).toBe(true);
    expect(state().lesson!.satisfied).toBe(true);
    expect(state().run.interventions.map((c) => c.type)).toEqual(['crash']);

    lab.lessons.next();
    expect(kindOf(lab)).toBe('observe');
    // Entered by Continue, an observe step runs the clock by itself.
    expect(state().playback.playing).toBe(true);
    const observeStartHash = lab.currentSimulation().traceHash();
    const observeStartMs = lab.currentSimulation().now;
    lab.advance(30_000);
    expect(state().lesson!.satisfied).toBe(true);

    lab.lessons.next();
    expect(kindOf(lab)).toBe('explain');
    const explain = state().lesson!.explain!;
    expect(explain.predicted).toBe('Billing stops too: it waits for email');
    expect(explain.right).toBe(false);
    expect(explain.correct).toEqual(['Billing carries on as if nothing happened']);
    const billing = lab.currentSimulation().summary().stats['billing']!.uniqueProcessed;
    expect(explain.measured.find((m) => m.label === 'orders billing has processed')!.value).toBe(billing.toLocaleString('en-US'));

    // Back: the observe step again, exactly where it began.
    lab.lessons.back();
    expect(kindOf(lab)).toBe('observe');
    expect(lab.currentSimulation().now).toBe(observeStartMs);
    expect(lab.currentSimulation().traceHash()).toBe(observeStartHash);
    lab.advance(30_000);
    lab.lessons.next();
    lab.lessons.next();
    expect(kindOf(lab)).toBe('check');
    expect(state().lesson!.satisfied).toBe(true);
    lab.lessons.next();
    expect(kindOf(lab)).toBe('free');
    expect(state().lesson!.done).toBe(true);
  });

  it('opens a later step where the reference path got to, with Back to the step before', async () => {
    const lab = createLab();
    const step = lesson.steps.findIndex((s) => s.kind === 'explain');
    await lab.lessons.open(lesson, step);
    const reference = runLesson(lesson, { act: 'reference', stopAtStep: step });
    expect(lab.store.getState().lesson!.step).toBe(step);
    expect(lab.currentSimulation().now).toBe(reference.moments[step]!.atMs);
    expect(lab.currentSimulation().summary()).toEqual({ ...reference.summary });
    lab.lessons.back();
    expect(lab.store.getState().lesson!.step).toBe(step - 1);
    expect(lab.currentSimulation().now).toBe(reference.moments[step - 1]!.atMs);
  });

  it('ends lesson mode when another run is opened', async () => {
    const lab = createLab();
    await lab.lessons.open(lesson);
    expect(lab.store.getState().lesson).not.toBeNull();
    lab.loadScenario(findPreset('email-outage')!.scenario, 'email-outage');
    expect(lab.store.getState().lesson).toBeNull();
  });

  it('opens a catalogue lesson by id once it has loaded, names it in the address, offers the next one, and refuses a step it lacks', async () => {
    const lab = createLab();
    expect(await lab.lessons.openById('pub-sub-fan-out', 99)).toEqual({
      ok: false,
      error: 'step "100" is not a step of "pub-sub-fan-out"; it must be a whole number from 1 to 7',
    });
    expect(lab.store.getState().lesson).toBeNull();
    expect(await lab.lessons.openById('pub-sub-fan-out', 2)).toEqual({ ok: true });
    const slice = lab.store.getState().lesson!;
    expect(slice.lesson).toBe(lesson);
    expect(slice.fromCatalogue).toBe(true);
    expect(slice.next).toEqual({ id: 'log-not-queue', title: findLesson('log-not-queue')!.title });
    expect(fragmentOf(lab.store.getState())).toBe('#lesson=pub-sub-fan-out&step=3');
    await lab.lessons.openNext();
    expect(lab.store.getState().lesson!.lesson.id).toBe('log-not-queue');
  });
});

