/**
 * `#lesson=<id>` and `#lesson=<id>&step=<n>` (contract 7): which lesson and step a link or a
 * console call asks for, or a sentence saying why it cannot be opened. Never throws.
 */
import { LESSONS, findLesson } from './catalogue';
import type { Lesson } from './lessonTypes';

export type LessonLinkResult = { ok: true; lesson: Lesson; stepIndex: number } | { ok: false; error: string };

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

/** A lesson id and a 1-based step (number or digits) checked against the catalogue. */
export function resolveLessonLink(id: unknown, step: unknown): LessonLinkResult {
  const lesson = typeof id === 'string' ? findLesson(id) : undefined;
  if (!lesson) {
    const shown = typeof id === 'string' ? JSON.stringify(id.length > 40 ? `${id.slice(0, 40)}…` : id) : String(id);
    return { ok: false, error: `lesson ${shown} does not exist; the lessons are ${LESSONS.map((l) => l.id).join(', ')}` };
  }
  const n = typeof step === 'number' ? step : typeof step === 'string' && /^\d{1,3}$/.test(step) ? Number(step) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > lesson.steps.length) {
    return { ok: false, error: `step ${JSON.stringify(String(step).slice(0, 20))} is not a step of "${lesson.id}"; it must be a whole number from 1 to ${lesson.steps.length}` };
  }
  return { ok: true, lesson, stepIndex: n - 1 };
}

export function lessonFragment(id: string, stepIndex: number): string {
  return `#lesson=${encodeURIComponent(id)}&step=${stepIndex + 1}`;
}
