/**
 * Resetting a group's offsets the way Kafka's tool requires: 1. stop every instance (the group
 * must be Empty), 2. reset to earliest, latest or a time (optionally rebuilding the read
 * model), 3. start the instances again. Each step is one or more commands.
 */
import { useState } from 'react';
import type { GroupView, ResetTarget } from '../../engine';
import { useLab } from '../labContext';

export function ResetOffsetsWalkthrough({ group }: { group: GroupView }) {
  const { requestCommands } = useLab();
  const [target, setTarget] = useState<'earliest' | 'latest' | 'time'>('earliest');
  const [seconds, setSeconds] = useState('0');
  const [rebuild, setRebuild] = useState(false);
  const alive = group.instances.filter((i) => i.status === 'running' || i.status === 'hung');
  const empty = group.state === 'Empty' && alive.length === 0;
  const to: ResetTarget = target === 'time' ? { timestampMs: Math.max(0, Math.round(Number(seconds) * 1000) || 0) } : target;
  return (
    <fieldset className="walkthrough">
      <legend>Reset offsets</legend>
      <ol>
        <li className={empty ? 'done' : undefined}>
          <button type="button" disabled={alive.length === 0} onClick={() => requestCommands(alive.map((i) => ({ type: 'stop' as const, target: i.name })))}>
            Stop all instances{alive.length > 0 ? ` (${alive.length})` : ''}
          </button>{' '}
          <span className="hint">{empty ? 'group is Empty ✓' : `group is ${group.state}`}</span>
        </li>
        <li>
          <div className="radio-row" role="radiogroup" aria-label="Reset to">
            {(['earliest', 'latest', 'time'] as const).map((value) => (
              <label key={value}>
                <input type="radio" name={`reset-${group.groupId}`} checked={target === value} onChange={() => setTarget(value)} />
                {value === 'time' ? 'to time' : value}
              </label>
            ))}
            {target === 'time' && (
              <label>
                <input type="number" min={0} step={1} value={seconds} onChange={(e) => setSeconds(e.target.value)} aria-label="Reset to time, seconds" className="narrow" /> s
              </label>
            )}
          </div>
          <label>
            <input type="checkbox" checked={rebuild} onChange={(e) => setRebuild(e.target.checked)} /> rebuild the read model
          </label>
          <button type="button" disabled={!empty} onClick={() => requestCommands([{ type: 'resetOffsets', group: group.groupId, to, ...(rebuild ? { rebuild: true } : {}) }])}>
            Reset offsets
          </button>
          {!empty && <span className="hint"> needs an Empty group</span>}
        </li>
        <li>
          <button
            type="button"
            disabled={alive.length === group.instances.length}
            onClick={() => requestCommands(group.instances.filter((i) => i.status === 'stopped' || i.status === 'crashed').map((i) => ({ type: 'start' as const, target: i.name })))}
          >
            Start instances again
          </button>
        </li>
      </ol>
    </fieldset>
  );
}
