/**
 * Under the timeline: the scenario's caption for this moment, long work in progress, anything
 * refused (role="alert"),
 * and after a fork or an applied scenario edit the offer to undo it (role="status").
 */
import { useLab } from './labContext';
import type { AppState } from '../app/store';
import { useAppStore } from './useAppStore';
import { formatSimTime } from './formatTime';
import { WorkProgress } from './WorkProgress';

const selectMessage = (state: AppState) => state.ui.message;
const selectUndo = (state: AppState) => state.lab.undo;
const selectCaption = (state: AppState) => state.sim.caption;
const selectEditUndo = (state: AppState) => state.ui.editUndo;

export function MessageBar() {
  const { dismissUndo, showMessage, undoFork, editing } = useLab();
  const editUndo = useAppStore(selectEditUndo);
  const message = useAppStore(selectMessage);
  const undo = useAppStore(selectUndo);
  const caption = useAppStore(selectCaption);
  return (
    <section className="message-bar" aria-label="Captions and messages">
      <p className="caption" data-testid="caption" aria-live="polite">
        {caption ? (
          <>
            <span className="caption-time">{formatSimTime(caption.atMs).replace(/\.000$/, '')}</span> {caption.text}
          </>
        ) : null}
      </p>
      <WorkProgress />
      {message && (
        <div role={message.kind === 'error' ? 'alert' : 'status'} className={`message message-${message.kind}`}>
          <span>{message.text}</span>
          <button type="button" className="link" onClick={() => showMessage(null)} aria-label="Dismiss message">
            ✕
          </button>
        </div>
      )}
      {undo && (
        <div role="status" className="message message-info" data-testid="fork-undo">
          <span>
            Run forked at {formatSimTime(undo.playheadMs)}: {undo.droppedCount} later intervention{undo.droppedCount === 1 ? '' : 's'} dropped.
          </span>
          <button type="button" onClick={undoFork}>
            Undo
          </button>
          <button type="button" className="link" onClick={dismissUndo} aria-label="Keep the fork">
            ✕
          </button>
        </div>
      )}
      {editUndo && (
        <div role="status" className="message message-info" data-testid="edit-undo">
          <span>Your edited scenario is the run now (opened at {formatSimTime(editUndo.appliedAtMs).replace(/\.000$/, '')}).</span>
          <button type="button" onClick={() => void editing.undoApply()}>
            Undo apply
          </button>
          <button type="button" className="link" onClick={editing.dismissEditUndo} aria-label="Keep the edited scenario">
            ✕
          </button>
        </div>
      )}
    </section>
  );
}
