/**
 * A group's Burrow status as a badge: Burrow's group status word (ERR, WARN, OK) on a colour
 * (never colour alone), with the worst partition's status beside it, and a button that reveals
 * each partition's status and the rule that fired, in words.
 */
import { useId, useState } from 'react';
import type { BurrowGroupStatus, LagStatus } from '../../engine';

const BADGE_CLASS: Record<BurrowGroupStatus, string> = {
  OK: 'badge-ok',
  WARN: 'badge-warn',
  ERR: 'badge-bad',
};

interface Props {
  groupId: string;
  /** Burrow's group status. */
  groupStatus: BurrowGroupStatus;
  /** The worst partition status. */
  status: LagStatus;
  rules: Record<string, { status: LagStatus; rule: string }>;
}

export function StatusBadge({ groupId, groupStatus, status, rules }: Props) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const worst = Object.entries(rules).find(([, r]) => r.status === status);
  const differs = groupStatus !== status;
  // WCAG 2.5.3: the name starts with the visible text, so "click email OK" works by voice.
  const visible = `${groupId} ${groupStatus}${differs ? ` · ${status}` : ''}`;
  return (
    <span className="status-badge-wrap">
      <button
        type="button"
        className={`status-badge ${BADGE_CLASS[groupStatus]}`}
        aria-expanded={open}
        aria-controls={id}
        aria-label={`${visible}: Burrow's group status${differs ? `, worst partition ${status}` : ''}; explain`}
        data-testid={`status-${groupId}`}
        data-status={status}
        data-group-status={groupStatus}
        title={worst ? worst[1].rule : status}
        onClick={() => setOpen((v) => !v)}
      >
        {groupId} <strong>{groupStatus}</strong>
        {differs && <span className="status-partition"> · {status}</span>}
      </button>
      {open && (
        <div id={id} role="note" className="status-explanation">
          <strong>{groupId}</strong>: Burrow says <strong>{groupStatus}</strong> for the group (ERR when any partition is
          STOP, STALL or REWIND; WARN when any is WARN). Each partition, by Burrow&rsquo;s rules over its last commits:
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
