/**
 * The part of a large pipeline drawn so far (progressive/useProgressiveCount.ts): the layout
 * keeps every node's place, edges are drawn only between nodes already drawn, the others show
 * as empty outlines for the few frames until their step, and a status line says what is drawn.
 */
import type { Box, PipelineLayout } from '../layout';
import type { PipelineStructure } from './pipelineStructure';

/** `layout` with only the first topics and services (and their read models). */
export function drawnLayout(layout: PipelineLayout, structure: PipelineStructure, topics: number, groups: number): PipelineLayout {
  if (topics >= structure.topics.length && groups >= structure.groups.length) return layout;
  const pick = <T,>(boxes: Record<string, T>, ids: string[]): Record<string, T> => Object.fromEntries(ids.filter((id) => boxes[id]).map((id) => [id, boxes[id]!]));
  const topicNames = structure.topics.slice(0, topics).map((t) => t.name);
  const groupIds = structure.groups.slice(0, groups).map((g) => g.groupId);
  return { ...layout, topics: pick(layout.topics, topicNames), services: pick(layout.services, groupIds), readModels: pick(layout.readModels, groupIds) };
}

/** Outlines where topics, services and read models not drawn yet will be (one element each). */
function Pending({ layout, drawn, structure }: { layout: PipelineLayout; drawn: PipelineLayout; structure: PipelineStructure }) {
  if (layout === drawn) return null;
  const withReadModel = new Set(structure.groups.filter((g) => g.readModel !== false).map((g) => g.groupId));
  const waiting = [
    ...Object.entries(layout.topics).filter(([name]) => !drawn.topics[name]),
    ...Object.entries(layout.services).filter(([id]) => !drawn.services[id]),
  ].map(([id, box]): { key: string; box: Box } => ({ key: id, box }));
  for (const [id, box] of Object.entries(layout.readModels)) if (withReadModel.has(id) && !drawn.readModels[id]) waiting.push({ key: `read-model-${id}`, box });
  return (
    <g aria-hidden="true" data-testid="pipeline-pending">
      {waiting.map(({ key, box }) => (
        <rect key={key} x={box.x} y={box.y} width={box.width} height={box.height} rx={8} className="node node-pending" />
      ))}
    </g>
  );
}

/**
 * Said once the pipeline is drawn (a polite live region, only for a large pipeline): until
 * then Tab and the arrow keys reach the nodes drawn so far.
 */
function Status({ structure, topicsDrawn, groupsDrawn, large }: { structure: PipelineStructure; topicsDrawn: number; groupsDrawn: number; large: boolean }) {
  if (!large) return null;
  const topics = structure.topics.length;
  const services = structure.groups.length;
  const done = topicsDrawn >= topics && groupsDrawn >= services;
  const counts = `${topics} topic${topics === 1 ? '' : 's'} and ${services} service${services === 1 ? '' : 's'}`;
  return (
    <p className="visually-hidden" role="status" data-testid="pipeline-drawing" data-done={done}>
      {done ? `Pipeline drawn: ${counts}.` : `Drawing the pipeline: ${counts}…`}
    </p>
  );
}

export const PipelineDrawing = { Pending, Status };
