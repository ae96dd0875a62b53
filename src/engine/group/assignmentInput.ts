/**
 * What the group leader's assignor sees when SyncGroup completes a rebalance: the partition
 * count of every subscribed topic the cluster knows, and each member's subscription, owned
 * partitions and the generation of that claim (for the sticky assignors).
 */
import type { Topic } from '../log/topic';
import type { AssignmentInput } from './assignors';
import type { GroupMember } from './groupMember';

/**
 * `members` in the group's join order (the order topics are listed in), `ordered` the same
 * members in the coordinator's member order (the order the assignor sees them in).
 */
export function assignmentInput(
  members: Iterable<GroupMember>,
  ordered: readonly GroupMember[],
  clusterTopics: ReadonlyMap<string, Topic>,
): AssignmentInput {
  const topics: Record<string, number> = {};
  for (const member of members) {
    for (const name of member.subscription) {
      const topic = clusterTopics.get(name);
      if (topic) topics[name] = topic.partitionCount;
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
