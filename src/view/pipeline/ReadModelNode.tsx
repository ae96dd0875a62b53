/** A service's read model: what it keeps, how many events it applied, duplicates, and lag. */
import type { AppState } from '../../app/store';
import { useAppStore, useShallow } from '../../app/useAppStore';
import { readModelName } from '../labels';
import type { Box } from '../layout';
import { useEntityProps } from '../useEntityProps';

export function ReadModelNode({ groupId, box }: { groupId: string; box: Box }) {
  const model = useAppStore(
    useShallow((state: AppState) => {
      const g = state.sim.snapshot.groups.find((candidate) => candidate.groupId === groupId);
      if (!g) return { name: '', applied: 0, duplicates: 0, lag: 0 };
      let lag = 0;
      for (const topic of state.sim.snapshot.topics) {
        if (!g.subscribe.includes(topic.name)) continue;
        for (const p of topic.partitions) lag += Math.max(0, p.highWatermark - (g.committed[`${topic.name}-${p.partition}`] ?? p.logStartOffset));
      }
      return { name: readModelName(g.handler), applied: g.stats.uniqueProcessed, duplicates: g.stats.duplicates, lag };
    }),
  );
  const lagText = `lag ${model.lag}${model.duplicates > 0 ? ` · ${model.duplicates} dup` : ''}`;
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
