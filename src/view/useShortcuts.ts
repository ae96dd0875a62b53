/** The lab's keyboard shortcuts (see shortcuts.ts), on the window. */
import { useEffect } from 'react';
import { actionsFor } from '../app/entityActions';
import type { Lab } from '../app/lab';
import { useLab } from './labContext';
import { SPEED_STEPS } from '../app/speed';
import { isOwnedByControl } from './shortcuts';

export interface ShortcutHandlers {
  openHelp(): void;
  /** Closes an open menu or dialog; returns whether one was open. */
  closeOverlay(): boolean;
  overlayOpen(): boolean;
}

function changeSpeed(lab: Lab, direction: 1 | -1): void {
  const speed = lab.store.getState().playback.speed;
  const index = SPEED_STEPS.findIndex((s) => s >= speed);
  const next = SPEED_STEPS[Math.min(SPEED_STEPS.length - 1, Math.max(0, (index === -1 ? SPEED_STEPS.length - 1 : index) + direction))];
  if (next !== undefined) lab.setSpeed(next);
}

export function useShortcuts(handlers: ShortcutHandlers): void {
  const lab = useLab();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (event.key === 'Escape') {
        if (!handlers.closeOverlay()) lab.select(null);
        return;
      }
      if (handlers.overlayOpen() || isOwnedByControl(event.target, event.key)) return;
      const handled = runShortcut(lab, event.key, handlers);
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [lab, handlers]);
}

function runShortcut(lab: Lab, key: string, handlers: ShortcutHandlers): boolean {
  switch (key) {
    case ' ':
      lab.togglePlay();
      return true;
    case 'ArrowRight':
      lab.stepForward();
      return true;
    case 'ArrowLeft':
      lab.stepBack();
      return true;
    case 'Home':
      lab.resetRun();
      return true;
    case 'PageDown':
    case 'PageUp':
      return presentationRemote(lab, key === 'PageDown' ? 1 : -1);
    case '[':
      changeSpeed(lab, -1);
      return true;
    case ']':
      changeSpeed(lab, 1);
      return true;
    case '?':
      handlers.openHelp();
      return true;
    case 'g':
      lab.setView('panel', 'groups');
      return true;
    case 'l':
      lab.setView('panel', 'events');
      return true;
  }
  const state = lab.store.getState();
  const entity = actionsFor(state.ui.selection, state.sim.snapshot);
  const action = entity?.actions.find((a) => a.key === key.toLowerCase() || (a.key === '+' && key === '='));
  if (!action || action.disabled) return false;
  lab.requestCommand(action.command);
  return true;
}

/**
 * A presentation remote sends PageDown / PageUp. In presenter mode they move through a lesson's
 * steps (Continue / Back), or outside a lesson to the next or previous visible change; elsewhere
 * the page scrolls as usual.
 */
function presentationRemote(lab: Lab, direction: 1 | -1): boolean {
  const state = lab.store.getState();
  if (state.ui.view['presenter'] !== true) return false;
  if (state.lesson) {
    if (direction === 1) lab.lessons.next();
    else lab.lessons.back();
  } else if (direction === 1) lab.stepForward();
  else lab.stepBack();
  return true;
}
