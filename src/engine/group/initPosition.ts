/**
 * Where a consumer starts reading a partition it was just assigned: the group's committed
 * offset, else auto.offset.reset (explained when it is not the committed offset, with the
 * records lost when retention deleted what the commit pointed at). Split from `ConsumerClient`
 * so that file stays one concept: the group protocol's client side.
 */
import type { SimEventCode, SimEventDetail, SimEventFields } from '../simEvents';
import type { TopicPartition } from '../types';
import type { ConsumerContext, ServiceFacts } from './groupProtocol';
import { startPosition } from './startPosition';

/** What it needs of the client: its name, its service's facts, its positions and how it words events. */
export interface PositionClient {
  readonly name: string;
  readonly service: ServiceFacts;
  readonly positions: Map<string, number>;
  detail(code: SimEventCode, extra?: SimEventFields): SimEventDetail;
}

/** Sets the position of a newly assigned partition; null when there is none (auto.offset.reset=none stops the consumer). */
export function initPosition(world: ConsumerContext, client: PositionClient, tp: TopicPartition, key: string, stopWithError: () => void): 'committed' | 'reset' | null {
  const service = world.serviceOf(client.service.id);
  const log = world.topics.get(tp.topic)?.partitions[tp.partition];
  if (!log) return null;
  const policy = service.config.autoOffsetReset;
  const start = startPosition(log, service.group.committed.get(key), policy);
  if (start === null) {
    world.emit('error', client.name, `${client.name}: no committed offset for ${key} and auto.offset.reset=none: the consumer stops with an error.`, service.groupId);
    stopWithError();
    return null;
  }
  if (start.source !== 'committed') {
    const why = start.source === 'retention' ? `committed offset ${start.committedOffset} is out of range` : 'no committed offset';
    const lost = start.source === 'retention' ? start.lostRecords : 0;
    const loss = lost > 0 ? `: ${lost} records lost to retention` : '';
    world.emit(
      'offsets',
      client.name,
      `${client.name} starts ${key} at ${start.position}: ${why}, auto.offset.reset=${policy}${loss}.`,
      service.groupId,
      client.detail(start.source === 'retention' ? 'offset.outOfRange' : 'offsets.reset', { partition: key, policy, position: start.position, lost }),
    );
  }
  client.positions.set(key, start.position);
  service.stats.onPositionMoved(world.now, key, start.position, start.source, log.compactedAway);
  return start.source === 'committed' ? 'committed' : 'reset';
}
