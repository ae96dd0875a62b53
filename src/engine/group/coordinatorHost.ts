/**
 * Which broker a group's coordinator runs on, as its members last reached it. With one broker
 * it is always broker 0. When the group has moved to another broker (broker/
 * groupCoordinatorPlacement.ts), that broker loads it from __consumer_offsets and, as Kafka's
 * onGroupLoaded, gives every member a fresh session. Plain data: one broker id.
 */
import type { EngineContext } from '../engineContext';
import type { GroupMetadata } from './groupMetadata';

export class CoordinatorHost {
  private broker: number | null = 0;

  /** Whether the broker hosting the coordinator answers now (always, with one broker). */
  reachable(ctx: EngineContext, metadata: GroupMetadata): boolean {
    const groupId = metadata.groupId;
    const broker = ctx.groupCoordinator(groupId);
    if (broker === null) return false;
    if (broker !== this.broker) {
      this.broker = broker;
      for (const member of metadata.members.values()) member.lastHeartbeatMs = ctx.now;
      ctx.emit('broker', groupId, `${groupId}'s group coordinator now runs on broker ${broker}, which loads the group and its committed offsets from __consumer_offsets; members find it at their next request.`, groupId, {
        code: 'coordinator.moved',
        fields: { group: groupId, broker },
      });
    }
    return true;
  }
}
