/**
 * The pipeline: producers → topics (their partitions) → services (their instances) → read
 * models, with each partition's edge going to the instance that owns it in each group, and
 * records travelling along the edges, placed from their virtual timestamps.
 */
import { lazy, memo, Suspense, useMemo, useState } from 'react';
import type { AppState } from '../../app/store';
import { useAppStore } from '../useAppStore';
import { pipelineLayout } from '../layout';
import { useElementWidth } from '../useElementWidth';
import { useReducedMotion } from '../useReducedMotion';
import { useShortScreen } from '../useMediaQuery';
import { CallEdges, CallMarkers } from './CallEdges';
import { Edges } from './Edges';
import { FlowDots } from './FlowDots';
import { ProducerNode } from './ProducerNode';
import { createStructureSelector } from './pipelineStructure';
import { ReadModelNode } from './ReadModelNode';
import { ServiceNode } from './ServiceNode';
import { TopicNode } from './TopicNode';
import { usePipelineArrowKeys } from './usePipelineArrowKeys';
import { drawnLayout, PipelineDrawing } from './drawnLayout';
import { useProgressiveCount } from '../progressive/useProgressiveCount';
import { useOnScreen } from '../useOnScreen';
import { PIPELINE_CHANNELS, useHoldWhileHidden } from '../usePacedState';

/**
 * Topics and services drawn in one render; past these counts they are drawn this many per mount
 * step (progressive/useProgressiveCount.ts) after the page around them. Every preset's fit at once; at
 * the limits (16 of each, up to 16 partition rows and 12 instance rows each) it takes 8 steps.
 */
const TOPICS_AT_ONCE = 4;
const SERVICES_AT_ONCE = 6;
const SERVICES_PER_STEP = 4;

/**
 * Nodes re-rendered only when their own props change (each follows the store itself): a mount
 * step then draws its new nodes without rendering again the ones drawn before it.
 */
const Topic = memo(TopicNode);
/** Only runs with calling clients chart them: loaded on demand, not at start. */
const CallsPanel = lazy(() => import('./CallsPanel').then((m) => ({ default: m.CallsPanel })));
const selectCalling = (state: AppState) => (state.sim.snapshot.calls?.clients.length ?? 0) > 0;
const Service = memo(ServiceNode);
const ReadModel = memo(ReadModelNode);

/** `halfWidth`: two runs side by side; names get their room (layout/halfWidthColumns.ts). */
export function PipelineView({ halfWidth = false }: { halfWidth?: boolean }) {
  const [selectStructure] = useState(createStructureSelector);
  const structure = useAppStore(selectStructure);
  const calling = useAppStore(selectCalling);
  const [ref, width] = useElementWidth<HTMLDivElement>(880);
  usePipelineArrowKeys(ref);
  // Scrolled out of view (the lanes below it read), the diagram's numbers and travelling
  // records wait while the clock runs: drawing them was a good share of those frames. No margin:
  // the numbers change ten times a second anyway, so a frame or two late on scrolling back is
  // within their pace.
  const [sectionRef, onScreen] = useOnScreen<HTMLElement>(0);
  useHoldWhileHidden(PIPELINE_CHANNELS, !onScreen);
  const reducedMotion = useReducedMotion();
  const compact = useShortScreen();
  const layout = useMemo(() => pipelineLayout(structure, width, compact, halfWidth), [structure, width, compact, halfWidth]);
  // Laid out whole (nothing moves as the rest arrives); drawn in steps when large.
  const topicsDrawn = useProgressiveCount(structure.topics.length, TOPICS_AT_ONCE);
  const groupsDrawn = useProgressiveCount(structure.groups.length, SERVICES_AT_ONCE, SERVICES_PER_STEP);
  const drawn = useMemo(() => drawnLayout(layout, structure, topicsDrawn, groupsDrawn), [layout, structure, topicsDrawn, groupsDrawn]);
  const topics = structure.topics.slice(0, topicsDrawn);
  const groups = structure.groups.slice(0, groupsDrawn);
  return (
    <section ref={sectionRef} className="pipeline" id="pipeline" aria-label="Pipeline">
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
          <Edges layout={drawn} structure={structure} />
          <CallEdges layout={drawn} structure={structure} />
          {structure.producers.map((p) => (
            <ProducerNode key={p.id} id={p.id} box={layout.producers[p.id]!} />
          ))}
          {topics.map((t) => (
            <Topic key={t.name} name={t.name} box={layout.topics[t.name]!} />
          ))}
          {groups.map((g) => (
            <Service key={g.groupId} groupId={g.groupId} box={layout.services[g.groupId]!} />
          ))}
          {groups.map(
            (g) => g.readModel !== false && <ReadModel key={g.groupId} groupId={g.groupId} box={layout.readModels[g.groupId]!} compact={compact} halfWidth={halfWidth} />,
          )}
          <PipelineDrawing.Pending layout={layout} drawn={drawn} structure={structure} />
        </svg>
        {!reducedMotion && <FlowDots layout={layout} structure={structure} onScreen={onScreen} />}
      </div>
      <PipelineDrawing.Status structure={structure} topicsDrawn={topicsDrawn} groupsDrawn={groupsDrawn} large={structure.topics.length > TOPICS_AT_ONCE || structure.groups.length > SERVICES_AT_ONCE} />
      {calling && (
        <Suspense fallback={null}>
          <CallsPanel />
        </Suspense>
      )}
    </section>
  );
}
