/**
 * A service's read model: what it keeps, how many events it applied, how many records it has
 * yet to apply ("behind", the same figure as the consistency panel's; Kafka's committed lag is
 * in the lanes and the describe table), and how many it applied more than once.
 */
import type { AppState } from '../../app/store';
import { useAppStore, useShallow } from '../useAppStore';
import { readModelName } from '../labels';
import type { Box } from '../layout';
import { useEntityProps } from '../useEntityProps';

export function ReadModelNode({ groupId, box }: { groupId: string; box: Box }) {
  const model = useAppStore(
    useShallow((state: AppState) => {
      const g = state.sim.snapshot.groups.find((candidate) => candidate.groupId === groupId);
      return g
        ? {
            serviceId: g.serviceId,
            name: readModelName(g.handler),
            applied: g.stats.uniqueProcessed,
            duplicates: g.stats.duplicates,
            accepted: g.commands?.accepted ?? null,
            rejected: g.commands?.rejected ?? 0,
            behind: state.sim.queries.health(g.serviceId)?.staleness.records ?? 0,
          }
        : { serviceId: '', name: '', applied: 0, duplicates: 0, accepted: null, rejected: 0, behind: 0 };
    }),
  );
  const behind = model.behind;
  // A command-taking service's read model counts commands, not records it read.
  const firstLine = model.accepted !== null ? `${model.accepted} accepted` : `${model.applied} applied`;
  const behindText = model.accepted !== null ? `${model.rejected} rejected` : `${behind} behind`;
  const duplicatesText = model.duplicates > 0 ? `${model.duplicates} duplicates` : '';
  const props = useEntityProps(
    `group:${groupId}`,
    `${model.name} ${firstLine} ${behindText}${duplicatesText ? ` ${duplicatesText}` : ''}, read model of ${groupId}`,
  );
  return (
    <g {...props} transform={`translate(${box.x},${box.y})`} data-testid={`readmodel-${groupId}`}>
      <rect width={box.width} height={box.height} rx={8} className="node node-readmodel" />
      <text x={10} y={18} className="node-title">
        {`${model.name} `}
      </text>
      <text x={10} y={36} className="node-line">
        {`${firstLine} `}
      </text>
      <text x={10} y={53} className="node-line" data-testid={`readmodel-lag-${groupId}`}>
        {behindText}
      </text>
      {duplicatesText && (
        <text x={10} y={70} className="node-line">
          <title>{`${model.duplicates} records applied more than once`}</title>
          {duplicatesText}
        </text>
      )}
    </g>
  );
}
