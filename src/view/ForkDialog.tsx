/**
 * Confirms an intervention placed before later ones: applying it forks the run and drops the
 * later interventions (undoable afterwards).
 */
import { useEffect, useRef } from 'react';
import { useLab } from './labContext';
import type { AppState } from '../app/store';
import { useAppStore } from './useAppStore';
import { formatSimTime } from './formatTime';
import { commandLabel } from './labels';
import { useFocusTrap } from './useFocusTrap';

const selectPrompt = (state: AppState) => state.lab.forkPrompt;

export function ForkDialog() {
  const { cancelFork, confirmFork } = useLab();
  const prompt = useAppStore(selectPrompt);
  const ref = useRef<HTMLDivElement>(null);
  useFocusTrap(ref, prompt !== null);
  useEffect(() => {
    // Focus starts on Cancel: Enter by habit must not drop the later interventions.
    if (prompt) ref.current?.querySelector<HTMLButtonElement>('button:not(.primary)')?.focus();
  }, [prompt]);
  if (!prompt) return null;
  return (
    <div className="backdrop">
      <div ref={ref} role="dialog" aria-modal="true" aria-labelledby="fork-title" aria-describedby="fork-text" className="dialog">
        <h2 id="fork-title">Fork the run at {formatSimTime(prompt.atMs)}?</h2>
        <p id="fork-text">
          {prompt.commands.map(commandLabel).join(', ')} happens before {prompt.dropped.length === 1 ? 'a later intervention' : `${prompt.dropped.length} later interventions`}. The run
          will continue differently from here, so {prompt.dropped.length === 1 ? 'it is' : 'they are'} dropped. You can undo this.
        </p>
        <ul className="dropped">
          {prompt.dropped.map((c, i) => (
            <li key={i}>
              {formatSimTime(c.atMs)} {commandLabel(c)}
            </li>
          ))}
        </ul>
        <div className="dialog-buttons">
          <button type="button" onClick={cancelFork}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={() => confirmFork()}>
            Fork the run
          </button>
        </div>
      </div>
    </div>
  );
}
