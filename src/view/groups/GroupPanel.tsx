/** Every consumer group: one card each, in the order of the scenario's services. */
import type { AppState } from '../../app/store';
import { useAppStore, useShallow } from '../useAppStore';
import { GroupCard } from './GroupCard';

const selectGroupIds = (state: AppState) => state.sim.snapshot.groups.map((g) => g.groupId);

export function GroupPanel() {
  const ids = useAppStore(useShallow(selectGroupIds));
  return (
    <div className="groups" data-testid="group-panel">
      <ul>
        {ids.map((id) => (
          <GroupCard key={id} groupId={id} />
        ))}
      </ul>
    </div>
  );
}
