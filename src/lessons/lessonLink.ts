/**
 * `#lesson=<id>` and `#lesson=<id>&step=<n>` (contract 7): which lesson and step a link or a
 * console call asks for, or a sentence saying why it cannot be opened. Never throws.
 */
import { LESSON_INDEX } from './catalogue/lessonIndex';
import type { Lesson } from './lessonTypes';

/** The lesson a link names and the step (0-based) it asks for; whether the lesson has that step is known once it has loaded (`stepError`). */
export type LessonLinkResult = { ok: true; id: string; stepIndex: number } | { ok: false; error: string };

/** Whether a fragment (without '#') is a lesson link at all. */
export function isLessonFragment(fragment: string): boolean {
  return fragment.startsWith('lesson=');
}

/** Parses `lesson=<id>[&step=<n>]`. */
export function parseLessonFragment(fragment: string): LessonLinkResult {
  const params = new URLSearchParams(fragment);
  const unknown = [...params.keys()].filter((key) => key !== 'lesson' && key !== 'step');
  if (unknown.length > 0) return { ok: false, error: `the lesson link has an unknown part "${unknown[0]!.slice(0, 20)}"; it must be #lesson=<id> or #lesson=<id>&step=<n>` };
  return resolveLessonLink(params.get('lesson') ?? '', params.get('step') ?? '1');
}

/** Longest lesson a link may name a step of (the catalogue's longest has 17). */
const MAX_LINK_STEP = 999;

/** A lesson id checked against the catalogue's index and a 1-based step (number or digits). */
export function resolveLessonLink(id: unknown, step: unknown): LessonLinkResult {
  const meta = typeof id === 'string' ? LESSON_INDEX.find((entry) => entry.id === id) : undefined;
  if (!meta) {
    const shown = typeof id === 'string' ? JSON.stringify(id.length > 40 ? `${id.slice(0, 40)}…` : id) : String(id);
    return { ok: false, error: `lesson ${shown} does not exist; the lessons are ${LESSON_INDEX.map((l) => l.id).join(', ')}` };
  }
  const n = typeof step === 'number' ? step : typeof step === 'string' && /^\d{1,3}$/.test(step) ? Number(step) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_LINK_STEP) return { ok: false, error: stepErrorText(step, meta.id, null) };
  return { ok: true, id: meta.id, stepIndex: n - 1 };
}

/** Why `lesson` has no step `stepIndex` (0-based), or null when it has. */
export function stepError(lesson: Lesson, stepIndex: number): string | null {
  return stepIndex < lesson.steps.length ? null : stepErrorText(stepIndex + 1, lesson.id, lesson.steps.length);
}

function stepErrorText(step: unknown, id: string, steps: number | null): string {
  const range = steps === null ? 'a whole number from 1' : `a whole number from 1 to ${steps}`;
  return `step ${JSON.stringify(String(step).slice(0, 20))} is not a step of "${id}"; it must be ${range}`;
}

export function lessonFragment(id: string, stepIndex: number): string {
  return `#lesson=${encodeURIComponent(id)}&step=${stepIndex + 1}`;
}
