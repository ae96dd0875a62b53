/**
 * What the group leader's assignor sees when SyncGroup completes a rebalance: the partition
 * count of every subscribed topic as the leader's metadata has it (partitions added since its
 * last refresh are not there: doc/kafka.md §1.5), and each member's subscription, owned
 * partitions and the generation of that claim (for the sticky assignors).
 */
import type { AssignmentInput } from './assignors';
import type { GroupMember } from './groupMember';
import type { EngineContext } from '../engineContext';

/**
 * `members` in the group's join order (the order topics are listed in), `ordered` the same
 * members in the coordinator's member order (the order the assignor sees them in).
 */
export function assignmentInput(
  members: Iterable<GroupMember>,
  ordered: readonly GroupMember[],
  partitionCountOf: (topic: string) => number | undefined,
): AssignmentInput {
  const topics: Record<string, number> = {};
  for (const member of members) {
    for (const name of member.subscription) {
      const count = partitionCountOf(name);
      if (count !== undefined) topics[name] = count;
    }
  }
  return {
    topics,
    members: ordered.map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId ?? undefined,
      topics: m.subscription,
      owned: m.owned,
      generation: m.ownedGeneration,
    })),
  };
}

/** A member's metadata of the topics it subscribes to: what it would assign with as the leader. */
export function metadataOf(ctx: EngineContext, member: GroupMember): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  const client = ctx.groupClient(member.instance);
  for (const topic of member.subscription) {
    const count = client.knownPartitionCount(ctx, topic);
    if (count !== undefined) counts.set(topic, count);
  }
  return counts;
}
