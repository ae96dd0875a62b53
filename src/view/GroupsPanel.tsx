/**
 * Each service's consumer group: its state, generation and assignor, and each instance with its
 * status (in words and colour), slow factor and assigned partitions.
 */
import type { GroupView } from '../engine';
import type { AppState } from '../app/store';
import { useAppStore, useShallow } from '../app/useAppStore';
import { OKABE_ITO, STATUS_COLOURS } from './palette';

const selectGroups = (state: AppState) => state.sim.snapshot.groups;

export function GroupsPanel() {
  const groups = useAppStore(useShallow(selectGroups));
  return (
    <section className="groups" aria-label="Consumer groups">
      <h2>Consumer groups</h2>
      <ul>
        {groups.map((group, index) => (
          <GroupCard key={group.groupId} group={group} colour={OKABE_ITO[index % OKABE_ITO.length]!} />
        ))}
      </ul>
    </section>
  );
}

function GroupCard({ group, colour }: { group: GroupView; colour: string }) {
  return (
    <li className="group-card" style={{ borderLeftColor: colour }} data-testid={`group-${group.groupId}`}>
      <div className="group-head">
        <strong style={{ color: colour }}>{group.groupId}</strong>
        <span className="group-state" data-testid={`group-state-${group.groupId}`}>
          {group.state} · gen {group.generation}
          {group.protocol ? ` · ${group.protocol}` : ''}
        </span>
      </div>
      <ul className="instances">
        {group.instances.map((instance) => (
          <li key={instance.name} data-testid={`instance-${instance.name}`} data-status={instance.status}>
            <span className="status-dot" style={{ background: STATUS_COLOURS[instance.status] }} aria-hidden="true" />
            <span className="instance-name">{instance.name}</span>
            <span className="instance-status">{instance.status}{instance.hangMode === 'handler' ? ' (handler)' : ''}</span>
            {instance.slowFactor !== 1 && <span className="slow">×{instance.slowFactor} slower</span>}
            <span className="assignment">{instance.assignment.length > 0 ? instance.assignment.join(', ') : '—'}</span>
          </li>
        ))}
      </ul>
    </li>
  );
}
