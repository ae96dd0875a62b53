/** The "?" dialog: every keyboard shortcut. */
import { useEffect, useRef } from 'react';
import { ENTITY_SHORTCUTS, GLOBAL_SHORTCUTS, type Shortcut } from './shortcuts';
import { useFocusTrap } from './useFocusTrap';

export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useFocusTrap(ref, true);
  useEffect(() => ref.current?.querySelector<HTMLButtonElement>('button')?.focus(), []);
  return (
    <div className="backdrop" onClick={onClose}>
      <div ref={ref} role="dialog" aria-modal="true" aria-labelledby="help-title" className="dialog help" onClick={(e) => e.stopPropagation()}>
        <h2 id="help-title">Keyboard shortcuts</h2>
        <div className="help-columns">
          <ShortcutTable title="Time and view" rows={GLOBAL_SHORTCUTS} />
          <ShortcutTable title="On the selected entity" rows={ENTITY_SHORTCUTS} />
        </div>
        <p className="hint">Space plays and pauses even when a button has focus; press Enter to activate a focused button.</p>
        <p className="hint">Wide screens draw the lab larger by themselves; zoom the page (Ctrl + or ⌘ +) for more: the lab lays itself out again and stays sharp.</p>
        <div className="dialog-buttons">
          <button type="button" className="primary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}

function ShortcutTable({ title, rows }: { title: string; rows: readonly Shortcut[] }) {
  return (
    <table>
      <caption>{title}</caption>
      <tbody>
        {rows.map((row) => (
          <tr key={row.keys}>
            <th scope="row">
              <kbd>{row.keys}</kbd>
            </th>
            <td>{row.what}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
