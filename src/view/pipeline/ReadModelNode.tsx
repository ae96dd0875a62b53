/**
 * A service's read model: what it keeps, how many events it applied, duplicates, and how many
 * records it has yet to apply ("behind", the same figure as the consistency panel's; Kafka's
 * committed lag is in the lanes and the describe table).
 */
import { groupHealth } from '../../app/insights';
import type { AppState } from '../../app/store';
import { useAppStore, useShallow } from '../../app/useAppStore';
import { readModelName } from '../labels';
import type { Box } from '../layout';
import { useEntityProps } from '../useEntityProps';

export function ReadModelNode({ groupId, box }: { groupId: string; box: Box }) {
  const model = useAppStore(
    useShallow((state: AppState) => {
      const g = state.sim.snapshot.groups.find((candidate) => candidate.groupId === groupId);
      if (!g) return { name: '', applied: 0, duplicates: 0, behind: 0 };
      const behind = groupHealth(g.serviceId)?.staleness.records ?? 0;
      return { name: readModelName(g.handler), applied: g.stats.uniqueProcessed, duplicates: g.stats.duplicates, behind };
    }),
  );
  const lagText = `${model.behind} behind${model.duplicates > 0 ? ` · ${model.duplicates} dup` : ''}`;
  const props = useEntityProps(`group:${groupId}`, `${model.name} ${model.applied} applied ${lagText}, read model of ${groupId}`);
  return (
    <g {...props} transform={`translate(${box.x},${box.y})`} data-testid={`readmodel-${groupId}`}>
      <rect width={box.width} height={box.height} rx={8} className="node node-readmodel" />
      <text x={10} y={18} className="node-title">
        {`${model.name} `}
      </text>
      <text x={10} y={36} className="node-line">
        {`${model.applied} applied `}
      </text>
      <text x={10} y={53} className="node-line" data-testid={`readmodel-lag-${groupId}`}>
        {lagText}
      </text>
    </g>
  );
}
