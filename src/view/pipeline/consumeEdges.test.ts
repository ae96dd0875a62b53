import { describe, expect, it } from 'vitest';
import { pipelineLayout, MAX_PARTITION_ROWS, type PipelineInput } from '../layout';
import { consumeEdges, consumeEdgesPerTopic, MAX_CONSUME_EDGES } from './consumeEdges';

function input(topics: number, partitions: number, services: number): PipelineInput {
  const names = Array.from({ length: topics }, (_, i) => `topic-${i}`);
  return {
    producers: [],
    topics: names.map((name) => ({ name, partitions: Math.min(partitions, MAX_PARTITION_ROWS) })),
    groups: Array.from({ length: services }, (_, i) => ({ groupId: `service-${i}`, subscribe: names, instances: ['a-0', 'a-1'] })),
  };
}

describe('consume edges', () => {
  it('go from each partition row to the instance that owns it, faint to the header when nobody does', () => {
    const structure = input(1, 3, 2);
    const layout = pipelineLayout(structure, 1000);
    const edges = consumeEdges(structure, layout, new Map([['service-0|topic-0-1', 'a-1']]));
    expect(edges).toHaveLength(6);
    const owned = edges.find((e) => e.key === 's-service-0-topic-0-1')!;
    expect(owned.owned).toBe(true);
    expect(owned.target[1]).toBe(layout.services['service-0']!.instanceY['a-1']);
    expect(edges.filter((e) => e.owned)).toHaveLength(1);
  });

  it('become one edge per topic and service when per-partition edges would pass the limit', () => {
    const structure = input(16, 64, 16);
    expect(consumeEdgesPerTopic(structure)).toBe(true);
    const edges = consumeEdges(structure, pipelineLayout(structure, 1000), new Map());
    expect(edges).toHaveLength(16 * 16);
    expect(new Set(edges.map((e) => e.key)).size).toBe(256);
    // Just under the limit stays per partition.
    const small = input(1, 16, MAX_CONSUME_EDGES / 16);
    expect(consumeEdgesPerTopic(small)).toBe(false);
    expect(consumeEdges(small, pipelineLayout(small, 1000), new Map())).toHaveLength(MAX_CONSUME_EDGES);
  });
});
