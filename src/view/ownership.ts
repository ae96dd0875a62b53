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


/** The coordinator's member assigned `partitionKey` (what kafka-consumer-groups --describe shows). */
export function assignedMember(group: GroupView, partitionKey: string) {
  return group.members.find((m) => m.assignment.includes(partitionKey));
}
