/** Every consumer group: one card each, in the order of the scenario's services. */
import { memo } from 'react';
import type { AppState } from '../../app/store';
import { useAppStore, useShallow } from '../useAppStore';
import { useProgressiveCount } from '../progressive/useProgressiveCount';
import { GroupCard } from './GroupCard';

const selectGroupIds = (state: AppState) => state.sim.snapshot.groups.map((g) => g.groupId);

/**
 * Cards drawn in one render; past this count they are drawn this many per mount step
 * (progressive/useProgressiveCount.ts): every preset's groups at once; at the limits (16 groups
 * of 32 members) in 4 steps.
 */
const CARDS_AT_ONCE = 6;
const CARDS_PER_STEP = 4;

/** A card follows the store itself: a mount step renders only the cards it adds. */
const Card = memo(GroupCard);

export function GroupPanel() {
  const ids = useAppStore(useShallow(selectGroupIds));
  const drawn = useProgressiveCount(ids.length, CARDS_AT_ONCE, CARDS_PER_STEP);
  return (
    <div className="groups" data-testid="group-panel">
      <ul>
        {ids.slice(0, drawn).map((id) => (
          <Card key={id} groupId={id} />
        ))}
      </ul>
      {drawn < ids.length && (
        <p className="hint" data-testid="groups-drawing">
          Drawing the groups: {drawn} of {ids.length}…
        </p>
      )}
    </div>
  );
}
