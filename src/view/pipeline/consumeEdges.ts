/**
 * The partition → instance edges of the pipeline. Each drawn partition row gets an edge to the
 * instance that owns it in each group reading it (to the service's header, faint, when nobody
 * does), so a student sees who reads what. Past `MAX_CONSUME_EDGES` that becomes a tangle no one
 * can read and thousands of paths to draw every frame (16 services reading 16 topics at the
 * limits: 4,096), so then each topic gets one edge per service reading it instead; the group
 * cards in the side panel still say who owns each partition.
 */
import { leftAnchor, rightAnchor, type PipelineInput, type PipelineLayout, type Point } from '../layout';

export const MAX_CONSUME_EDGES = 160;

export interface ConsumeEdge {
  key: string;
  source: Point;
  target: Point;
  /** Whether an instance owns the partition (per-partition edges only). */
  owned: boolean;
}

/** Whether the pipeline draws one edge per topic and service instead of one per partition. */
export function consumeEdgesPerTopic(structure: Pick<PipelineInput, 'groups' | 'topics'>): boolean {
  const rows = new Map(structure.topics.map((t) => [t.name, t.partitions]));
  let edges = 0;
  for (const group of structure.groups) for (const topic of group.subscribe) edges += rows.get(topic) ?? 0;
  return edges > MAX_CONSUME_EDGES;
}

/** `owners`: "group|topic-partition" → instance name. */
export function consumeEdges(
  structure: Pick<PipelineInput, 'groups' | 'topics'>,
  layout: PipelineLayout,
  owners: ReadonlyMap<string, string>,
): ConsumeEdge[] {
  const perTopic = consumeEdgesPerTopic(structure);
  const edges: ConsumeEdge[] = [];
  for (const group of structure.groups) {
    const service = layout.services[group.groupId];
    if (!service) continue;
    const header = leftAnchor(service, service.y + 13);
    for (const topicName of group.subscribe) {
      const topic = layout.topics[topicName];
      if (!topic) continue;
      if (perTopic) {
        edges.push({ key: `t-${group.groupId}-${topicName}`, source: rightAnchor(topic, topic.y + 13), target: header, owned: true });
        continue;
      }
      topic.partitionY.forEach((y, p) => {
        const owner = owners.get(`${group.groupId}|${topicName}-${p}`);
        const targetY = owner ? service.instanceY[owner] : undefined;
        edges.push({
          key: `s-${group.groupId}-${topicName}-${p}`,
          source: rightAnchor(topic, y),
          target: targetY === undefined ? header : leftAnchor(service, targetY),
          owned: targetY !== undefined,
        });
      });
    }
  }
  return edges;
}
