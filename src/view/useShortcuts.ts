/** The lab's keyboard shortcuts (see shortcuts.ts), on the window. */
import { useEffect } from 'react';
import { actionsFor } from '../app/entityActions';
import { appStore, requestCommand, resetRun, select, setSpeed, setView, stepBack, stepForward, togglePlay } from '../app/runController';
import { SPEED_STEPS } from '../app/speed';
import { isOwnedByControl } from './shortcuts';

export interface ShortcutHandlers {
  openHelp(): void;
  /** Closes an open menu or dialog; returns whether one was open. */
  closeOverlay(): boolean;
  overlayOpen(): boolean;
}

function changeSpeed(direction: 1 | -1): void {
  const speed = appStore.getState().playback.speed;
  const index = SPEED_STEPS.findIndex((s) => s >= speed);
  const next = SPEED_STEPS[Math.min(SPEED_STEPS.length - 1, Math.max(0, (index === -1 ? SPEED_STEPS.length - 1 : index) + direction))];
  if (next !== undefined) setSpeed(next);
}

export function useShortcuts(handlers: ShortcutHandlers): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (event.key === 'Escape') {
        if (!handlers.closeOverlay()) select(null);
        return;
      }
      if (handlers.overlayOpen() || isOwnedByControl(event.target, event.key)) return;
      const handled = runShortcut(event.key, handlers);
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [handlers]);
}

function runShortcut(key: string, handlers: ShortcutHandlers): boolean {
  switch (key) {
    case ' ':
      togglePlay();
      return true;
    case 'ArrowRight':
      stepForward();
      return true;
    case 'ArrowLeft':
      stepBack();
      return true;
    case 'Home':
      resetRun();
      return true;
    case '[':
      changeSpeed(-1);
      return true;
    case ']':
      changeSpeed(1);
      return true;
    case '?':
      handlers.openHelp();
      return true;
    case 'g':
      setView('panel', 'groups');
      return true;
    case 'l':
      setView('panel', 'events');
      return true;
  }
  const state = appStore.getState();
  const entity = actionsFor(state.ui.selection, state.sim.snapshot);
  const action = entity?.actions.find((a) => a.key === key.toLowerCase() || (a.key === '+' && key === '='));
  if (!action || action.disabled) return false;
  requestCommand(action.command);
  return true;
}
