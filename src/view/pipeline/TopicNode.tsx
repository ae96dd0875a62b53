/** A topic with one row per partition: its log end offset; each row selects that partition. */
import { memo, useCallback } from 'react';
import type { AppState } from '../../app/store';
import { PIPE, type TopicBox } from '../layout';
import { useEntityProps } from '../useEntityProps';
import { useLineState, usePipelineNameState } from '../usePacedState';

export function TopicNode({ name, box }: { name: string; box: TopicBox }) {
  const selectEnds = useCallback((state: AppState) => state.sim.snapshot.topics.find((t) => t.name === name)?.partitions.map((p) => p.logEndOffset).join(',') ?? '', [name]);
  // Drawn about ten times a second while playing, named about twice (usePacedState.ts); both exact when stopped.
  const offsets = useLineState(selectEnds).split(',');
  const namedOffsets = usePipelineNameState(selectEnds).split(',');
  const props = useEntityProps(`topic:${name}`, `${name}, topic with ${box.partitionY.length + box.hiddenPartitions} partitions`);
  return (
    <g transform={`translate(${box.x},${box.y})`} data-testid={`topic-${name}`}>
      <rect width={box.width} height={box.height} rx={8} className={props['aria-pressed'] ? 'node node-topic node-selected' : 'node node-topic'} />
      <g {...props}>
        <rect width={box.width} height={PIPE.header} rx={8} className="header-hit" />
        <text x={10} y={18} className="node-title">
          {name}
        </text>
      </g>
      {box.partitionY.map((y, p) => (
        <PartitionRow key={p} topic={name} partition={p} y={y - box.y} width={box.width} leo={offsets[p] ?? '0'} namedLeo={namedOffsets[p] ?? '0'} />
      ))}
      {box.hiddenPartitions > 0 && (
        <text x={12} y={box.height - PIPE.padding - PIPE.partitionRow / 2 + 5} className="node-line node-more">
          {`+${box.hiddenPartitions} more partitions`}
        </text>
      )}
    </g>
  );
}

/**
 * Memoised: at 100 records/s a frame changes the end offset of one or two partitions. `leo` is
 * drawn, `namedLeo` (paced more slowly while playing) is in the accessible name.
 */
const PartitionRow = memo(function PartitionRow({ topic, partition, y, width, leo, namedLeo }: { topic: string; partition: number; y: number; width: number; leo: string; namedLeo: string }) {
  const props = useEntityProps(`partition:${topic}-${partition}`, `p${partition} end ${namedLeo}, partition ${topic}-${partition}`);
  return (
    <g {...props}>
      <rect x={6} y={y - PIPE.partitionRow / 2 + 2} width={width - 12} height={PIPE.partitionRow - 4} rx={4} className="partition-row" />
      <text x={12} y={y + 5} className="node-line">
        {`p${partition} `}
      </text>
      <text x={width - 12} y={y + 5} className="node-line" textAnchor="end">
        {/* A narrow node has room for the number only; its accessible name still says "end". */}
        {width < 120 ? leo : `end ${leo}`}
      </text>
    </g>
  );
});
