/**
 * Edit scenario: forms for every field of the scenario beside the run as scenario JSON (the
 * "JSON twin"); both edit the same text, so they stay in step both ways. It is checked as you
 * type: every problem with its field path, the same validation as a file or a link, shown in
 * the list under the JSON and beside the form field it names. Apply starts the edited run,
 * paused; it is disabled while the text is invalid, so an invalid edit never replaces the run.
 * Start from the current run, a blank scenario or any preset.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { loadStartingText, startingText } from '../../app/scenarioEditing';
import { checkScenarioText } from '../../app/scenarioCheck';
import { formText, formValueOf, lineOfPath, setAt, type ValuePath } from '../../app/scenarioForms';
import { GALLERY } from '../../app/sharing';
import { useLab } from '../labContext';
import { keepKeysInside, useModalDialog } from '../share/useModalDialog';
import { ScenarioForms } from './forms/ScenarioForms';
import './editor.css';

export function ScenarioEditor({ onClose }: { onClose: () => void }) {
  const lab = useLab();
  // An edit closed without Apply comes back (app/scenarioEditing.ts keeps it).
  const [kept] = useState(() => lab.editing.keptDraft());
  const [from, setFrom] = useState(kept?.from ?? 'current');
  const [text, setText] = useState(() => kept?.text ?? startingText(lab.store, 'current'));
  // What the text started from: closing with it unchanged keeps no draft.
  const [startText, setStartText] = useState(() => (kept ? '' : text));
  // The dialog's close handler stays the same function (a new one would reopen the dialog):
  // it reads the newest text from a ref the effect below keeps current.
  const latest = useRef({ from, text, startText });
  useEffect(() => {
    latest.current = { from, text, startText };
  }, [from, text, startText]);
  const close = useCallback(() => {
    const { from: start, text: now, startText: started } = latest.current;
    lab.editing.keepDraft(start, now, started);
    onClose();
  }, [lab, onClose]);
  const ref = useModalDialog(close);
  const check = useMemo(() => checkScenarioText(text), [text]);
  const problemsId = useId();
  const form = useMemo(() => formValueOf(text), [text]);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [edited, setEdited] = useState<ValuePath | null>(null);
  const editField = useCallback((path: ValuePath, value: unknown) => {
    setEdited(path);
    setText((previous) => {
      const current = formValueOf(previous);
      return current.ok ? formText(setAt(current.value, path, value)) : previous;
    });
  }, []);
  // The JSON twin scrolls to what a form just changed (wrapped lines make it approximate).
  useEffect(() => {
    const area = textRef.current;
    if (edited === null || area === null || !form.ok) return;
    const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 20;
    area.scrollTop = Math.max(0, (lineOfPath(form.value, edited) - 4) * lineHeight);
  }, [edited, form]);
  const startFrom = (choice: string) => {
    setFrom(choice);
    // A preset's scenario may still be loading (app/scenarioEditing.ts); choices resolve in order.
    void loadStartingText(lab.store, choice).then((start) => {
      setText(start);
      setStartText(start);
    });
  };
  const apply = () => {
    if (!check.ok) return;
    void lab.editing.applyScenario(check.scenario);
    onClose();
  };
  return (
    <dialog
      ref={ref}
      className="editor-dialog"
      aria-labelledby="editor-title"
      onKeyDown={keepKeysInside}
    >
      <div className="dialog-head">
        <h2 id="editor-title">Edit scenario</h2>
        <button type="button" className="dialog-close" onClick={close} aria-label="Close">
          ✕
        </button>
      </div>
      <div className="editor-controls">
        {kept && (
          <p className="editor-kept" role="status">
            Your edit from before, not applied yet, is back. Start from something else below to drop it.
          </p>
        )}
        <label>
          Start from{' '}
          <select value={from} onChange={(event) => startFrom(event.target.value)}>
            <option value="current">the current run</option>
            <option value="blank">a blank scenario</option>
            {GALLERY.map((preset) => (
              <option key={preset.id} value={preset.id}>
                preset: {preset.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="editor-panes">
        <div className="editor-forms-pane">
          {form.ok ? (
            <ScenarioForms
              value={form.value}
              problems={check.ok ? [] : check.problems}
              onChange={editField}
            />
          ) : (
            <p className="editor-forms-off">{form.reason}</p>
          )}
        </div>
        <div className="editor-json-pane">
          <label className="editor-label" htmlFor={`${problemsId}-text`}>
            Scenario JSON
          </label>
          <textarea
            id={`${problemsId}-text`}
            className="editor-text"
            value={text}
            ref={textRef}
        onChange={(event) => {
          setEdited(null);
          setText(event.target.value);
        }}
            spellCheck={false}
            aria-invalid={!check.ok}
            aria-describedby={problemsId}
            rows={22}
          />
          <div
            id={problemsId}
            className="editor-problems"
            aria-live="polite"
            data-testid="editor-problems"
          >
            {check.ok ? (
              <p className="editor-ok">
                ✓ A valid scenario
                {check.warnings.length > 0 ? ` (${check.warnings.join('; ')})` : ''}.
              </p>
            ) : (
              <ul>
                {check.problems.map((problem, i) => (
                  <li key={i}>
                    {problem.path !== '' && <code>{problem.path}</code>} {problem.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </div>
      <div className="editor-actions">
        <button type="button" className="primary" onClick={apply} disabled={!check.ok}>
          Apply
        </button>
        <button type="button" onClick={close}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
