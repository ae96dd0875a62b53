/**
 * Keyboard shortcuts: one table for the handler and the help dialog. Entity shortcuts come from
 * the selected entity's actions (src/app/entityActions.ts) and act on the selection.
 */
export interface Shortcut {
  keys: string;
  what: string;
}

export const GLOBAL_SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Space', what: 'Play / pause' },
  { keys: '→', what: 'Step to the next change' },
  { keys: '←', what: 'Step back to the previous change' },
  { keys: '[  ]', what: 'Slower / faster' },
  { keys: 'Home', what: 'Reset to t = 0 (same run)' },
  { keys: 'PageDown  PageUp', what: 'Presenter mode: next / previous (lesson step or change)' },
  { keys: 'G  L', what: 'Show the groups / the event log' },
  { keys: 'Tab, Enter', what: 'Move to an entity, select it' },
  { keys: 'Arrows, Home, End', what: 'In the pipeline: move between entities (← → across columns)' },
  { keys: 'Shift+F10', what: 'Open the menu of the focused entity' },
  { keys: 'Esc', what: 'Close a menu or dialog; clear the selection' },
  { keys: '?', what: 'This help' },
];

export const ENTITY_SHORTCUTS: readonly Shortcut[] = [
  { keys: 'C', what: 'Crash the selected instance or broker' },
  { keys: 'H', what: 'Hang / resume it' },
  { keys: 'S', what: 'Stop / start it (a broker: start it)' },
  { keys: 'N', what: "Slow / restore the selected broker's network" },
  { keys: '1 2 5 0', what: 'Normal speed, slow ×2, ×5, ×10' },
  { keys: '+  -', what: 'Scale the selected service up / down' },
  { keys: 'I', what: 'Toggle its idempotent handler' },
  { keys: 'P  B', what: 'Pause or resume / burst the selected producer' },
  { keys: 'A', what: 'Add a partition to the selected topic' },
];

/** Whether a key press belongs to the focused control rather than to the lab. */
export function isOwnedByControl(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    if (type === 'range') return key.startsWith('Arrow') || key === 'Home' || key === 'End' || key === 'PageUp' || key === 'PageDown';
    if (type === 'checkbox' || type === 'radio') return key === ' ' || key.startsWith('Arrow');
    return true;
  }
  if (target.closest('[role="menu"]')) return true;
  return false;
}
