/**
 * A lesson of the catalogue, loaded when it is opened: the twelve lessons' scenarios and steps
 * are a download of their own, which a page that never opens a lesson does not need.
 */
import type { Lesson } from '../lessonTypes';

/** The lesson with this id, or undefined when the catalogue has none (or it did not load). */
export async function loadLesson(id: string): Promise<Lesson | undefined> {
  try {
    const { findLesson } = await import('./index');
    return findLesson(id);
  } catch {
    return undefined;
  }
}
