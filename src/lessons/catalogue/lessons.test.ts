/**
 * Every lesson of the catalogue, played headless: its file is valid, it has the step kinds a
 * lesson needs, the reference path reaches every wait in time and passes every check, and with
 * no action the act steps' checks fail.
 */
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../parseLesson';
import { runLesson } from '../lessonRunner';
import { LESSONS } from '.';

describe.each(LESSONS.map((lesson) => [lesson.id, lesson] as const))('lesson %s', (_id, lesson) => {
  it('is a valid lesson file once written as JSON', () => {
    const parsed = parseLesson(JSON.parse(JSON.stringify(lesson)));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });

  it('predicts, waits for the model, explains and checks, then frees the learner', () => {
    const kinds = lesson.steps.map((step) => step.kind);
    expect(kinds).toContain('predict');
    expect(kinds.some((kind) => kind === 'act' || kind === 'observe')).toBe(true);
    expect(kinds).toContain('explain');
    expect(kinds).toContain('check');
    expect(kinds[kinds.length - 1]).toBe('free');
  });

  it('is completed by its reference actions: every wait reached in time, every check passed', () => {
    const run = runLesson(lesson, { act: 'reference' });
    expect(run.reports.map((r, i) => `${i + 1} ${r.kind} ${r.satisfied ? 'ok' : 'NOT MET'}`)).toEqual(
      run.reports.map((r, i) => `${i + 1} ${r.kind} ok`),
    );
    expect(run.done).toBe(true);
  });

  it('is not completed without the act steps: a check fails', () => {
    const run = runLesson(lesson, { act: 'nothing' });
    const checks = run.reports.filter((r) => r.kind === 'check');
    expect(checks.some((r) => !r.satisfied)).toBe(true);
    expect(run.done).toBe(false);
  });
});
