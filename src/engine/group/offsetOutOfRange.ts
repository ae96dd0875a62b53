/**
 * OFFSET_OUT_OF_RANGE on fetch, client side: the consumer follows `auto.offset.reset`
 * (earliest or latest; none stops the consumer with an error, as the Java client throws
 * OffsetOutOfRangeException), says how many records retention took, and moves its position.
 */
import type { PartitionLog } from '../log/partitionLog';
import type { SimEventCode, SimEventDetail, SimEventFields } from '../simEvents';
import type { ConsumerContext, ServiceFacts } from './groupProtocol';
import { lostToRetention } from './lostToRetention';
import { resetPosition } from './startPosition';

/** The consumer whose position fell out of range. */
export interface OutOfRangeConsumer {
  readonly name: string;
  readonly service: ServiceFacts;
  readonly positions: Map<string, number>;
  detail(code: SimEventCode, extra?: SimEventFields): SimEventDetail;
  stopWithError(): void;
}

/** The new position, or null when auto.offset.reset=none stopped the consumer. */
export function resetOutOfRange(ctx: ConsumerContext, consumer: OutOfRangeConsumer, log: PartitionLog, key: string, position: number): number | null {
  const { name, service } = consumer;
  const policy = service.config.autoOffsetReset;
  if (policy === 'none') {
    ctx.emit('error', name, `${name}: offset ${position} on ${key} is out of range and auto.offset.reset=none: the consumer stops with an error.`, service.groupId);
    consumer.stopWithError();
    return null;
  }
  const target = resetPosition(log, policy);
  const lost = lostToRetention(log, position, Math.min(log.logStartOffset, target));
  ctx.emit(
    'offsets',
    name,
    `${name}: position ${position} on ${key} is out of range (log start offset ${log.logStartOffset}); ` +
      `auto.offset.reset=${policy} moves it to ${target}` +
      (lost > 0 ? `: ${lost} records lost to retention.` : '.'),
    service.groupId,
    consumer.detail('offset.outOfRange', { partition: key, policy, position: target, lost }),
  );
  consumer.positions.set(key, target);
  ctx.serviceOf(service.id).stats.onPositionMoved(ctx.now, key, target, 'retention', log.compactedAway);
  return target;
}
