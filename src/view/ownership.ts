/**
 * Who consumes a partition, as the views show it. Kafka's answer has two halves: the group
 * coordinator's assignment for the current generation, and the consumer that has actually
 * taken it up (its own assignment after SyncGroup). An instance that was evicted (a hang past
 * max.poll.interval.ms or session.timeout.ms) still believes it owns its old partitions until it
 * polls again; it is not the owner. During an eager rebalance the old owner has revoked its
 * partitions and nobody owns them until the new assignment arrives.
 */
import type { GroupView, InstanceView } from '../engine';

/** The instance consuming `partitionKey` for the group, if any. */
export function partitionOwner(group: GroupView, partitionKey: string): InstanceView | undefined {
  const member = group.members.find((m) => m.assignment.includes(partitionKey));
  if (!member) return undefined;
  const instance = group.instances.find((i) => i.name === member.instance);
  return instance?.assignment.includes(partitionKey) ? instance : undefined;
}

/**
 * Every owned partition's position, by partition key: `partitionOwner` for all partitions at
 * once (a group at the limits owns 1,024; asking one by one scans every member each time).
 */
export function ownerPositions(group: GroupView): Map<string, number> {
  const instances = new Map(group.instances.map((i) => [i.name, i]));
  const positions = new Map<string, number>();
  for (const member of group.members) {
    const instance = instances.get(member.instance);
    if (!instance) continue;
    for (const pk of member.assignment) {
      const position = instance.positions[pk];
      if (position !== undefined && instance.assignment.includes(pk)) positions.set(pk, position);
    }
  }
  return positions;
}

/** The coordinator's member assigned `partitionKey` (what kafka-consumer-groups --describe shows). */
export function assignedMember(group: GroupView, partitionKey: string) {
  return group.members.find((m) => m.assignment.includes(partitionKey));
}
