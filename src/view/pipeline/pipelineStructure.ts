/**
 * The structure of the pipeline (which nodes exist), as one string so a selector can compare it
 * cheaply every frame; the layout is recomputed only when it changes.
 */
import type { AppState } from '../../app/store';
import { MAX_INSTANCE_ROWS, MAX_PARTITION_ROWS, type PipelineInput } from '../layout';

export const selectPipelineStructure = (state: AppState): string => {
  const s = state.sim.snapshot;
  return JSON.stringify({
    producers: s.producers.map((p) => ({ id: p.id, topic: p.topic, to: p.to })),
    topics: s.topics.map((t) => ({
      name: t.name,
      partitions: Math.min(t.partitions.length, MAX_PARTITION_ROWS),
      ...(t.partitions.length > MAX_PARTITION_ROWS && { hiddenPartitions: t.partitions.length - MAX_PARTITION_ROWS }),
    })),
    groups: s.groups.map((g) => ({
      groupId: g.groupId,
      subscribe: g.subscribe,
      instances: g.instances.slice(0, MAX_INSTANCE_ROWS).map((i) => i.name),
      ...(g.instances.length > MAX_INSTANCE_ROWS && { hiddenInstances: g.instances.length - MAX_INSTANCE_ROWS }),
    })),
  } satisfies PipelineInput);
};

export interface PipelineStructure extends PipelineInput {
  /** Service id → group id, and the topic each service emits to. */
  serviceGroups: Record<string, string>;
}

export function parseStructure(json: string, state: AppState): PipelineStructure {
  const input = JSON.parse(json) as PipelineInput;
  const serviceGroups: Record<string, string> = {};
  for (const group of state.sim.snapshot.groups) serviceGroups[group.serviceId] = group.groupId;
  return { ...input, serviceGroups };
}
