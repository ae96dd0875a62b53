/**
 * The structure of the pipeline (which nodes exist): producers, topics with the partition rows
 * drawn, groups with the instance rows drawn. A selector keeps the same object while the
 * structure is the same (compared field by field, never serialised); the layout is recomputed
 * only when it changes.
 */
import type { AppState } from '../../app/store';
import type { SimSnapshot } from '../../engine';
import { keepWhileSame, sameElements } from '../keepWhileSame';
import { MAX_INSTANCE_ROWS, MAX_PARTITION_ROWS, type PipelineInput } from '../layout';

export interface PipelineStructure extends PipelineInput {
  /** Service id → group id. */
  serviceGroups: Record<string, string>;
}

function structureOf(snapshot: SimSnapshot): PipelineStructure {
  const serviceGroups: Record<string, string> = {};
  for (const group of snapshot.groups) serviceGroups[group.serviceId] = group.groupId;
  // A service that reads no topic and answers calls applies no events: no read model to draw.
  const called = new Set(snapshot.calls?.services.map((s) => s.service) ?? []);
  return {
    producers: snapshot.producers.map((p) => ({ id: p.id, topic: p.topic, to: p.to })),
    topics: snapshot.topics.map((t) => ({
      name: t.name,
      partitions: Math.min(t.partitions.length, MAX_PARTITION_ROWS),
      ...(t.partitions.length > MAX_PARTITION_ROWS && { hiddenPartitions: t.partitions.length - MAX_PARTITION_ROWS }),
    })),
    groups: snapshot.groups.map((g) => ({
      groupId: g.groupId,
      subscribe: g.subscribe,
      instances: g.instances.slice(0, MAX_INSTANCE_ROWS).map((i) => i.name),
      ...(g.instances.length > MAX_INSTANCE_ROWS && { hiddenInstances: g.instances.length - MAX_INSTANCE_ROWS }),
      readModel: !(g.subscribe.length === 0 && called.has(g.serviceId)),
    })),
    serviceGroups,
  };
}

function sameStructure(a: PipelineStructure, b: PipelineStructure): boolean {
  return (
    a.producers.length === b.producers.length &&
    a.producers.every((p, i) => p.id === b.producers[i]!.id && p.topic === b.producers[i]!.topic && p.to === b.producers[i]!.to) &&
    a.topics.length === b.topics.length &&
    a.topics.every((t, i) => t.name === b.topics[i]!.name && t.partitions === b.topics[i]!.partitions && t.hiddenPartitions === b.topics[i]!.hiddenPartitions) &&
    a.groups.length === b.groups.length &&
    a.groups.every((g, i) => {
      const other = b.groups[i]!;
      return g.groupId === other.groupId && sameElements(g.subscribe, other.subscribe) && sameElements(g.instances, other.instances) && g.hiddenInstances === other.hiddenInstances && g.readModel === other.readModel;
    }) &&
    Object.keys(a.serviceGroups).length === Object.keys(b.serviceGroups).length &&
    Object.entries(a.serviceGroups).every(([service, group]) => b.serviceGroups[service] === group)
  );
}

/** A selector for one component: the pipeline's structure, the same object while it is the same. */
export function createStructureSelector(): (state: AppState) => PipelineStructure {
  return keepWhileSame((state) => structureOf(state.sim.snapshot), sameStructure);
}
