/**
 * The pipeline's edges: producer → partitions, partition → the instance owning it in each
 * group (dotted and faint to the service when nobody consumes it; one edge per topic and
 * service when there would be too many to read, consumeEdges.ts), service → the topic it emits
 * to (solid, drawn back to the left), and
 * service → read model. Drawn with d3's linkHorizontal.
 */
import { linkHorizontal } from 'd3';
import type { AppState } from '../../app/store';
import { useAppStore } from '../useAppStore';
import { commandCurve, curvePath, emitCurve, leftAnchor, rightAnchor, type PipelineLayout, type Point } from '../layout';
import { partitionOwner } from '../ownership';
import { consumeEdges, consumeEdgesPerTopic } from './consumeEdges';
import type { PipelineStructure } from './pipelineStructure';

const link = linkHorizontal<{ source: Point; target: Point }, Point>()
  .source((d) => d.source)
  .target((d) => d.target);

/** "group|partition|owner" lines: which instance consumes each partition in each group. */
const selectOwnership = (state: AppState): string =>
  state.sim.snapshot.groups
    .flatMap((g) =>
      g.instances.flatMap((i) => i.assignment.filter((pk) => partitionOwner(g, pk) === i).map((pk) => `${g.groupId}|${pk}|${i.name}`)),
    )
    .join('\n');

function ownerMap(ownership: string): Map<string, string> {
  const owners = new Map<string, string>();
  for (const line of ownership.split('\n')) {
    const [group, pk, instance] = line.split('|');
    if (group && pk && instance) owners.set(`${group}|${pk}`, instance);
  }
  return owners;
}

const selectNoOwnership = (): string => '';

export function Edges({ layout, structure }: { layout: PipelineLayout; structure: PipelineStructure }) {
  // Edges per topic need no owners: skip building 16,000 ownership lines a frame at the limits.
  const owners = ownerMap(useAppStore(consumeEdgesPerTopic(structure) ? selectNoOwnership : selectOwnership));
  const paths: { key: string; d: string; className: string }[] = [];
  for (const producer of structure.producers) {
    const box = layout.producers[producer.id]!;
    const topic = producer.topic ? layout.topics[producer.topic] : undefined;
    if (topic) {
      topic.partitionY.forEach((y, p) => paths.push({ key: `p-${producer.id}-${p}`, d: link({ source: rightAnchor(box), target: leftAnchor(topic, y) })!, className: 'edge edge-produce' }));
    } else if (producer.to && layout.services[structure.serviceGroups[producer.to] ?? '']) {
      const service = layout.services[structure.serviceGroups[producer.to]!]!;
      paths.push({ key: `c-${producer.id}`, d: curvePath(commandCurve(box, service)), className: 'edge edge-command' });
    }
  }
  for (const edge of consumeEdges(structure, layout, owners)) {
    paths.push({ key: edge.key, d: link({ source: edge.source, target: edge.target })!, className: edge.owned ? 'edge edge-consume' : 'edge edge-unowned' });
  }
  for (const group of structure.groups) {
    const service = layout.services[group.groupId]!;
    const readModel = layout.readModels[group.groupId]!;
    paths.push({ key: `r-${group.groupId}`, d: link({ source: rightAnchor(service, service.y + 13), target: leftAnchor(readModel, readModel.y + 13) })!, className: 'edge edge-apply' });
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

const selectEmits = (state: AppState) =>
  state.sim.snapshot.groups
    .filter((g) => g.emitTo)
    .map((g) => `${g.groupId}|${g.emitTo}`)
    .join('\n');

/** service → topic it emits to: drawn back to the left. */
function EmitEdges({ layout }: { layout: PipelineLayout }) {
  const emits = useAppStore(selectEmits);
  return (
    <>
      {emits.split('\n').filter(Boolean).map((line) => {
        const [groupId, topicName] = line.split('|') as [string, string];
        const service = layout.services[groupId];
        const topic = layout.topics[topicName];
        if (!service || !topic) return null;
        return <path key={line} d={curvePath(emitCurve(service, topic))} className="edge edge-emit" markerEnd="url(#arrow)" />;
      })}
    </>
  );
}
