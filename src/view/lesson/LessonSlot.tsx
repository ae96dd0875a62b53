/**
 * Where the lesson panel goes. The panel, its forms and its styles load when a lesson is first
 * opened: most visits never open one, and the start-up script has a budget.
 */
import { lazy, Suspense } from 'react';
import type { AppState } from '../../app/store';
import { useAppStore } from '../useAppStore';

const LessonPanel = lazy(() => import('./LessonPanel').then((m) => ({ default: m.LessonPanel })));

const selectInLesson = (state: AppState) => state.lesson !== null;

export function LessonSlot() {
  const inLesson = useAppStore(selectInLesson);
  if (!inLesson) return null;
  return (
    <Suspense fallback={<p className="hint">Loading the lesson…</p>}>
      <LessonPanel />
    </Suspense>
  );
}
