/**
 * The lessons, in the order of the plan: each teaches one concept by predicting, acting,
 * watching and checking, and ends in free exploration.
 */
import type { Lesson } from '../lessonTypes';
import { pubSubFanOut } from './pubSubFanOut';

export const LESSONS: readonly Lesson[] = [pubSubFanOut];

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}

/** The lesson after `id` in the plan, if any. */
export function nextLesson(id: string): Lesson | undefined {
  const index = LESSONS.findIndex((lesson) => lesson.id === id);
  return index >= 0 ? LESSONS[index + 1] : undefined;
}
