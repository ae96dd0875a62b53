/**
 * The sticky assignors' "constrained" algorithm, used when every member has the same
 * subscription (`AbstractStickyAssignor.ConstrainedAssignmentBuilder`, without racks).
 *
 * With P partitions and C members: minQuota = floor(P/C), maxQuota = ceil(P/C), and exactly
 * P mod C members end with maxQuota. Each member first keeps up to its quota of its valid owned
 * partitions (sorted by partition, then topic); the rest, sorted by (topic, partition), are
 * dealt round robin to members still below minQuota, then one each to members at minQuota
 * until P mod C members hold maxQuota. Members are visited in member id order where Kafka
 * iterates a HashMap, so the result never depends on input order.
 */
import { tpKey, type TopicPartition } from '../../types';
import { compareStrings } from './memberOrder';

function comparePartitionThenTopic(a: TopicPartition, b: TopicPartition): number {
  return a.partition - b.partition || compareStrings(a.topic, b.topic);
}

/**
 * @param memberIds   all members, sorted by member id
 * @param partitions  every partition to assign, sorted by (topic, partition)
 * @param validOwned  each member's owned partitions that survived generation checks
 */
export function constrainedAssign(
  memberIds: readonly string[],
  partitions: readonly TopicPartition[],
  validOwned: ReadonlyMap<string, readonly TopicPartition[]>,
): Map<string, TopicPartition[]> {
  const assignment = new Map<string, TopicPartition[]>();
  if (memberIds.length === 0) return assignment;
  const minQuota = Math.floor(partitions.length / memberIds.length);
  const maxQuota = Math.ceil(partitions.length / memberIds.length);
  const expectedOverMinQuota = partitions.length % memberIds.length;
  let overMinQuota = 0;

  const kept = new Set<string>();
  const belowMinQuota: string[] = [];
  let atMinQuota: string[] = [];

  for (const memberId of memberIds) {
    const owned = [...(validOwned.get(memberId) ?? [])].sort(comparePartitionThenTopic);
    let keep: number;
    if (owned.length < minQuota) {
      keep = owned.length;
      belowMinQuota.push(memberId);
    } else if (owned.length >= maxQuota && overMinQuota < expectedOverMinQuota) {
      keep = maxQuota;
      overMinQuota++;
      if (overMinQuota === expectedOverMinQuota) atMinQuota = [];
    } else {
      keep = minQuota;
      if (overMinQuota < expectedOverMinQuota) atMinQuota.push(memberId);
    }
    const keptPartitions = owned.slice(0, keep);
    for (const tp of keptPartitions) kept.add(tpKey(tp.topic, tp.partition));
    assignment.set(memberId, keptPartitions);
  }

  let cursor = 0;
  for (const tp of partitions) {
    if (kept.has(tpKey(tp.topic, tp.partition))) continue;
    let memberId: string | undefined;
    const fromBelowMinQuota = belowMinQuota.length > 0;
    if (fromBelowMinQuota) {
      if (cursor >= belowMinQuota.length) cursor = 0;
      memberId = belowMinQuota[cursor];
    } else {
      memberId = atMinQuota.shift();
    }
    const list = memberId === undefined ? undefined : assignment.get(memberId);
    if (memberId === undefined || list === undefined) {
      throw new Error(
        'constrained sticky assignment: partitions left but every member is at quota',
      );
    }
    list.push(tp);
    if (!fromBelowMinQuota) continue;
    if (list.length === minQuota) {
      belowMinQuota.splice(cursor, 1); // the next member slides into `cursor`
      atMinQuota.push(memberId);
    } else {
      cursor++;
    }
  }
  return assignment;
}
