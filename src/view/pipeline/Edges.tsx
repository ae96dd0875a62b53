/**
 * The pipeline's edges: producer → partitions, partition → the instance owning it in each
 * group (dotted and faint to the service when nobody consumes it; one edge per topic and
 * service when there would be too many to read, consumeEdges.ts), service → the topic it emits
 * to (solid, drawn back to the left), and
 * service → read model. Drawn as d3's linkHorizontal draws them (`linkPath`).
 */
import type { AppState } from '../../app/store';
import { useState } from 'react';
import { keepWhileSame } from '../keepWhileSame';
import { useAppStore, useShallow } from '../useAppStore';
import { commandCurve, curvePath, emitCurve, leftAnchor, linkPath, rightAnchor, type PipelineLayout, type Point } from '../layout';
import { partitionOwners } from '../ownership';
import { consumeEdges, consumeEdgesPerTopic } from './consumeEdges';
import type { PipelineStructure } from './pipelineStructure';

const link = ({ source, target }: { source: Point; target: Point }): string => linkPath(source, target);

/** "group|partition" → the instance that consumes it, in every group. */
function ownersOf(state: AppState): Map<string, string> {
  const owners = new Map<string, string>();
  // The group's ownership index (built once per group view): every frame asks, twice.
  for (const g of state.sim.snapshot.groups) for (const [pk, instance] of partitionOwners(g)) owners.set(`${g.groupId}|${pk}`, instance.name);
  return owners;
}

function sameOwners(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, owner] of a) if (b.get(key) !== owner) return false;
  return true;
}

const NO_OWNERS: ReadonlyMap<string, string> = new Map();
const selectNoOwners = (): ReadonlyMap<string, string> => NO_OWNERS;

export function Edges({ layout, structure }: { layout: PipelineLayout; structure: PipelineStructure }) {
  // Edges per topic need no owners: skip finding 16,000 owners a frame at the limits.
  const [selectOwners] = useState(() => keepWhileSame(ownersOf, sameOwners));
  const owners = useAppStore(consumeEdgesPerTopic(structure) ? selectNoOwners : selectOwners);
  const paths: { key: string; d: string; className: string }[] = [];
  for (const producer of structure.producers) {
    const box = layout.producers[producer.id]!;
    const topic = producer.topic ? layout.topics[producer.topic] : undefined;
    if (topic) {
      topic.partitionY.forEach((y, p) => paths.push({ key: `p-${producer.id}-${p}`, d: link({ source: rightAnchor(box), target: leftAnchor(topic, y) }), className: 'edge edge-produce' }));
    } else if (producer.to && layout.services[structure.serviceGroups[producer.to] ?? '']) {
      const service = layout.services[structure.serviceGroups[producer.to]!]!;
      paths.push({ key: `c-${producer.id}`, d: curvePath(commandCurve(box, service)), className: 'edge edge-command' });
    }
  }
  for (const edge of consumeEdges(structure, layout, owners)) {
    paths.push({ key: edge.key, d: link({ source: edge.source, target: edge.target }), className: edge.owned ? 'edge edge-consume' : 'edge edge-unowned' });
  }
  for (const group of structure.groups) {
    if (group.readModel === false) continue;
    const service = layout.services[group.groupId];
    const readModel = layout.readModels[group.groupId];
    // A large pipeline draws its services in steps (drawnLayout.tsx).
    if (!service || !readModel) continue;
    paths.push({ key: `r-${group.groupId}`, d: link({ source: rightAnchor(service, service.y + 13), target: leftAnchor(readModel, readModel.y + 13) }), className: 'edge edge-apply' });
  }
  return (
    <g aria-hidden="true">
      {paths.map((p) => (
        <path key={p.key} d={p.d} className={p.className} markerEnd="url(#arrow)" />
      ))}
      <EmitEdges layout={layout} />
    </g>
  );
}

/** [group id, topic] of every service that emits, flattened for a shallow comparison. */
const selectEmits = (state: AppState) => state.sim.snapshot.groups.flatMap((g) => (g.emitTo ? [g.groupId, g.emitTo] : []));

/** service → topic it emits to: drawn back to the left. */
function EmitEdges({ layout }: { layout: PipelineLayout }) {
  const emits = useAppStore(useShallow(selectEmits));
  const pairs = Array.from({ length: emits.length / 2 }, (_, k) => [emits[2 * k]!, emits[2 * k + 1]!] as const);
  return (
    <>
      {pairs.map(([groupId, topicName]) => {
        const line = `${groupId}→${topicName}`;
        const service = layout.services[groupId];
        const topic = layout.topics[topicName];
        if (!service || !topic) return null;
        return <path key={line} d={curvePath(emitCurve(service, topic))} className="edge edge-emit" markerEnd="url(#arrow)" />;
      })}
    </>
  );
}
