/**
 * Props that make an SVG or HTML element a selectable entity: click selects it, right-click or
 * the context-menu key (or Shift+F10) opens its menu, Enter selects it from the keyboard.
 * A `label`, when given, must start with the element's visible text (WCAG 2.5.3: what you see
 * is what you say to a voice-control user) and may add context after it. Separate SVG <text>
 * elements are joined without spaces in that visible text, so each ends with a space.
 */
import { useCallback, type KeyboardEvent, type MouseEvent } from 'react';
import { useLab } from './labContext';
import type { AppState } from '../app/store';
import { useUiState } from './useUiState';
import { useLabUi } from './labUiContext';

export function useEntityProps(selection: string, label?: string) {
  const { select } = useLab();
  const { openMenu } = useLabUi();
  // Selectors kept while the selection string is the same: a new selector each render makes
  // React re-arm the store subscription's snapshot check after every render (frame profiles).
  const selectSelected = useCallback((state: AppState) => state.ui.selection === selection, [selection]);
  const selectFocused = useCallback((state: AppState) => lessonFocuses(state, selection), [selection]);
  // Both read only the ui and lesson slices: no work for them when a frame publishes.
  const selected = useUiState(selectSelected);
  const focused = useUiState(selectFocused);
  return {
    role: 'button',
    tabIndex: 0,
    ...(label ? { 'aria-label': label } : {}),
    'aria-pressed': selected,
    'data-selection': selection,
    ...(focused ? { 'data-lesson-focus': 'true' } : {}),
    className: selected ? 'entity selected' : 'entity',
    onClick(event: MouseEvent) {
      event.stopPropagation();
      select(selection);
    },
    onContextMenu(event: MouseEvent) {
      event.preventDefault();
      event.stopPropagation();
      select(selection);
      openMenu({ selection, x: event.clientX, y: event.clientY });
    },
    onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Enter') {
        event.preventDefault();
        select(selection);
      } else if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
        event.preventDefault();
        const rect = (event.currentTarget as Element).getBoundingClientRect();
        select(selection);
        openMenu({ selection, x: rect.left + 12, y: rect.bottom });
      }
    },
  };
}

/** Whether the current lesson step talks about this entity (its id after the `kind:` prefix). */
function lessonFocuses(state: AppState, selection: string): boolean {
  const slice = state.lesson;
  const highlight = slice?.lesson.steps[slice.step]?.highlight;
  if (!highlight) return false;
  return highlight.includes(selection.slice(selection.indexOf(':') + 1));
}
