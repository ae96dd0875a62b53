/**
 * The pipeline: producers → topics (their partitions) → services (their instances) → read
 * models, with each partition's edge going to the instance that owns it in each group, and
 * records travelling along the edges, placed from their virtual timestamps.
 */
import { useMemo, useState } from 'react';
import { useAppStore } from '../useAppStore';
import { pipelineLayout } from '../layout';
import { useElementWidth } from '../useElementWidth';
import { useReducedMotion } from '../useReducedMotion';
import { useShortScreen } from '../useMediaQuery';
import { CallEdges, CallMarkers } from './CallEdges';
import { CallsPanel } from './CallsPanel';
import { Edges } from './Edges';
import { FlowDots } from './FlowDots';
import { ProducerNode } from './ProducerNode';
import { createStructureSelector } from './pipelineStructure';
import { ReadModelNode } from './ReadModelNode';
import { ServiceNode } from './ServiceNode';
import { TopicNode } from './TopicNode';
import { usePipelineArrowKeys } from './usePipelineArrowKeys';

/** `halfWidth`: two runs side by side; names get their room (layout/halfWidthColumns.ts). */
export function PipelineView({ halfWidth = false }: { halfWidth?: boolean }) {
  const [selectStructure] = useState(createStructureSelector);
  const structure = useAppStore(selectStructure);
  const [ref, width] = useElementWidth<HTMLDivElement>(880);
  usePipelineArrowKeys(ref);
  const reducedMotion = useReducedMotion();
  const compact = useShortScreen();
  const layout = useMemo(() => pipelineLayout(structure, width, compact, halfWidth), [structure, width, compact, halfWidth]);
  return (
    <section className="pipeline" id="pipeline" aria-label="Pipeline">
      <h2>
        Pipeline <span className="section-meta">producers → topics → services → read models · click anything to act on it</span>
      </h2>
      <div ref={ref} className="pipeline-canvas">
        <svg width={layout.width} height={layout.height} role="group" aria-label="Pipeline diagram">
          <defs>
            <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill="#5b6470" />
            </marker>
            <CallMarkers />
          </defs>
          <Edges layout={layout} structure={structure} />
          <CallEdges layout={layout} structure={structure} />
          {structure.producers.map((p) => (
            <ProducerNode key={p.id} id={p.id} box={layout.producers[p.id]!} />
          ))}
          {structure.topics.map((t) => (
            <TopicNode key={t.name} name={t.name} box={layout.topics[t.name]!} />
          ))}
          {structure.groups.map((g) => (
            <ServiceNode key={g.groupId} groupId={g.groupId} box={layout.services[g.groupId]!} />
          ))}
          {structure.groups.map(
            (g) => g.readModel !== false && <ReadModelNode key={g.groupId} groupId={g.groupId} box={layout.readModels[g.groupId]!} compact={compact} halfWidth={halfWidth} />,
          )}
        </svg>
        {!reducedMotion && <FlowDots layout={layout} structure={structure} />}
      </div>
      <CallsPanel />
    </section>
  );
}
