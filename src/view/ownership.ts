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
 * first whose assignment lists it, as `find` would) and, by its index in the view's instances,
 * the instance that took it up. It depends on the members and the instances' names and
 * assignments only, which the snapshot shares while unchanged (snapshotSharing.ts): so it is
 * worked out once per rebalance, not once per group view — a group at the limits owns 1,024
 * partitions, and every publish (new positions, new views) rebuilt two maps of them per group.
 */
interface Ownership {
  /** What it was worked out from, besides the members it is kept under. */
  names: readonly string[];
  assignments: readonly (readonly string[])[];
  assigned: Map<string, GroupView['members'][number]>;
  /** The index in `instances` of the instance consuming each partition. */
  ownerAt: Map<string, number>;
}
const byMembers = new WeakMap<GroupView['members'], Ownership>();
/** Each group view's answer, so a view is checked against its members' entry once. */
const byView = new WeakMap<GroupView, Ownership>();

function ownershipOf(group: GroupView): Ownership {
  let ownership = byView.get(group);
  if (ownership) return ownership;
  ownership = byMembers.get(group.members);
  if (!ownership || !sameInstances(ownership, group.instances)) {
    ownership = workOut(group);
    byMembers.set(group.members, ownership);
  }
  byView.set(group, ownership);
  return ownership;
}

function sameInstances(ownership: Ownership, instances: GroupView['instances']): boolean {
  return (
    instances.length === ownership.names.length &&
    instances.every((instance, i) => instance.name === ownership.names[i] && instance.assignment === ownership.assignments[i])
  );
}

function workOut(group: GroupView): Ownership {
  const assigned = new Map<string, GroupView['members'][number]>();
  for (const member of group.members) for (const pk of member.assignment) if (!assigned.has(pk)) assigned.set(pk, member);
  const indexOf = new Map<string, number>();
  group.instances.forEach((instance, i) => {
    if (!indexOf.has(instance.name)) indexOf.set(instance.name, i);
  });
  const ownerAt = new Map<string, number>();
  for (const [pk, member] of assigned) {
    const i = indexOf.get(member.instance);
    if (i !== undefined && group.instances[i]!.assignment.includes(pk)) ownerAt.set(pk, i);
  }
  return { names: group.instances.map((i) => i.name), assignments: group.instances.map((i) => i.assignment), assigned, ownerAt };
}

const ownersByView = new WeakMap<GroupView, ReadonlyMap<string, InstanceView>>();

/** Every partition the group consumes, by partition key, with the instance consuming it. */
export function partitionOwners(group: GroupView): ReadonlyMap<string, InstanceView> {
  let owners = ownersByView.get(group);
  if (!owners) {
    const map = new Map<string, InstanceView>();
    for (const [pk, i] of ownershipOf(group).ownerAt) map.set(pk, group.instances[i]!);
    ownersByView.set(group, (owners = map));
  }
  return owners;
}

/** The instance consuming `partitionKey` for the group, if any. */
export function partitionOwner(group: GroupView, partitionKey: string): InstanceView | undefined {
  const i = ownershipOf(group).ownerAt.get(partitionKey);
  return i === undefined ? undefined : group.instances[i];
}

/**
 * Every owned partition's position, by partition key: `partitionOwner` for all partitions at
 * once (a group at the limits owns 1,024; asking one by one scans every member each time).
 */
export function ownerPositions(group: GroupView): Map<string, number> {
  const positions = new Map<string, number>();
  for (const [pk, i] of ownershipOf(group).ownerAt) {
    const position = group.instances[i]!.positions[pk];
    if (position !== undefined) positions.set(pk, position);
  }
  return positions;
}

/** The coordinator's member assigned `partitionKey` (what kafka-consumer-groups --describe shows). */
export function assignedMember(group: GroupView, partitionKey: string) {
  return ownershipOf(group).assigned.get(partitionKey);
}
