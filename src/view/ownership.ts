/**
 * Who consumes a partition, as the views show it. Kafka's answer has two halves: the group
 * coordinator's assignment for the current generation, and the consumer that has actually
 * taken it up (its own assignment after SyncGroup). An instance that was evicted (a hang past
 * max.poll.interval.ms or session.timeout.ms) still believes it owns its old partitions until it
 * polls again; it is not the owner. During an eager rebalance the old owner has revoked its
 * partitions and nobody owns them until the new assignment arrives.
 */
import type { GroupView, InstanceView } from '../engine';

/**
 * Who holds which partition in one group view: the coordinator's member per partition (the
 * first whose assignment lists it, as `find` would) and the instance that took it up. Snapshot
 * views are immutable and shared while unchanged (snapshotSharing.ts), so the index is worked
 * out once per group view: each frame asks for every lane × group, twice, and scanning the
 * members' assignments each time was ~7 % of the Partitions tab's script.
 */
interface OwnershipIndex {
  assigned: Map<string, GroupView['members'][number]>;
  owners: Map<string, InstanceView>;
}
const indexes = new WeakMap<GroupView, OwnershipIndex>();

function ownershipOf(group: GroupView): OwnershipIndex {
  let index = indexes.get(group);
  if (index) return index;
  const assigned = new Map<string, GroupView['members'][number]>();
  for (const member of group.members) for (const pk of member.assignment) if (!assigned.has(pk)) assigned.set(pk, member);
  const instances = new Map<string, InstanceView>();
  for (const instance of group.instances) if (!instances.has(instance.name)) instances.set(instance.name, instance);
  const owners = new Map<string, InstanceView>();
  for (const [pk, member] of assigned) {
    const instance = instances.get(member.instance);
    if (instance?.assignment.includes(pk)) owners.set(pk, instance);
  }
  index = { assigned, owners };
  indexes.set(group, index);
  return index;
}

/** Every partition the group consumes, by partition key, with the instance consuming it. */
export function partitionOwners(group: GroupView): ReadonlyMap<string, InstanceView> {
  return ownershipOf(group).owners;
}

/** The instance consuming `partitionKey` for the group, if any. */
export function partitionOwner(group: GroupView, partitionKey: string): InstanceView | undefined {
  return ownershipOf(group).owners.get(partitionKey);
}

/**
 * Every owned partition's position, by partition key: `partitionOwner` for all partitions at
 * once (a group at the limits owns 1,024; asking one by one scans every member each time).
 */
export function ownerPositions(group: GroupView): Map<string, number> {
  const positions = new Map<string, number>();
  for (const [pk, instance] of ownershipOf(group).owners) {
    const position = instance.positions[pk];
    if (position !== undefined) positions.set(pk, position);
  }
  return positions;
}

/** The coordinator's member assigned `partitionKey` (what kafka-consumer-groups --describe shows). */
export function assignedMember(group: GroupView, partitionKey: string) {
  return ownershipOf(group).assigned.get(partitionKey);
}
