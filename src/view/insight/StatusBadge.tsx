/**
 * A group's Burrow status as a badge: the status word on a colour (never colour alone) and a
 * button that reveals which rule fired for each partition, in words.
 */
import { useId, useState } from 'react';
import type { LagStatus } from '../../engine';

const BADGE_CLASS: Record<LagStatus, string> = {
  OK: 'badge-ok',
  WARN: 'badge-warn',
  STALL: 'badge-bad',
  STOP: 'badge-bad',
  REWIND: 'badge-bad',
};

interface Props {
  groupId: string;
  status: LagStatus;
  rules: Record<string, { status: LagStatus; rule: string }>;
}

export function StatusBadge({ groupId, status, rules }: Props) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const worst = Object.entries(rules).find(([, r]) => r.status === status);
  return (
    <span className="status-badge-wrap">
      <button
        type="button"
        className={`status-badge ${BADGE_CLASS[status]}`}
        aria-expanded={open}
        aria-controls={id}
        aria-label={`${groupId} lag status ${status}: explain`}
        data-testid={`status-${groupId}`}
        data-status={status}
        title={worst ? worst[1].rule : status}
        onClick={() => setOpen((v) => !v)}
      >
        {groupId} <strong>{status}</strong>
      </button>
      {open && (
        <div id={id} role="note" className="status-explanation">
          <strong>{groupId}</strong> (Burrow&rsquo;s rules over the last commits):
          <ul>
            {Object.entries(rules).map(([partition, r]) => (
              <li key={partition}>
                <code>{partition}</code> {r.rule}
              </li>
            ))}
          </ul>
        </div>
      )}
    </span>
  );
}
