/**
 * Who may keep which partition in a sticky rebalance: members' `owned` claims resolved by
 * generation, as `AbstractStickyAssignor.allSubscriptionsEqual` does (Kafka 3.x).
 *
 * Per partition, the claim of the highest generation wins; if two or more members claim it in
 * that same highest generation, the partition is invalid for all of them (it is reassigned as
 * if nobody owned it). A missing generation counts as Kafka's DEFAULT_GENERATION (-1).
 * Resolution depends only on the claims, never on the order members arrive in.
 */
import { tpKey, type TopicPartition } from '../../types';
import { partitionExists } from './topicPartitions';
import type { AssignmentMember } from './types';

const DEFAULT_GENERATION = -1;

export interface OwnershipClaims {
  /** Each member's claims that won, limited to partitions that exist and are subscribed by someone. */
  readonly validOwned: ReadonlyMap<string, readonly TopicPartition[]>;
  /** The member whose claim won, by `tpKey`. */
  readonly validOwner: ReadonlyMap<string, string>;
  /** Every member still claiming a partition (won or not), by `tpKey`. */
  readonly claimants: ReadonlyMap<string, ReadonlySet<string>>;
}

export function resolveOwnershipClaims(
  members: readonly AssignmentMember[],
  counts: ReadonlyMap<string, number>,
): OwnershipClaims {
  const claimants = new Map<string, Set<string>>();
  const best = new Map<string, { generation: number; memberIds: string[] }>();
  const ownedByMember = new Map<string, TopicPartition[]>();

  for (const member of members) {
    const generation = member.generation ?? DEFAULT_GENERATION;
    const seen = new Set<string>();
    const owned: TopicPartition[] = [];
    for (const tp of member.owned ?? []) {
      const key = tpKey(tp.topic, tp.partition);
      if (seen.has(key)) continue; // a member listing a partition twice is still one claim
      seen.add(key);
      const holders = claimants.get(key) ?? new Set<string>();
      holders.add(member.memberId);
      claimants.set(key, holders);
      if (!partitionExists(tp, counts)) continue;
      owned.push({ topic: tp.topic, partition: tp.partition });
      const current = best.get(key);
      if (!current || generation > current.generation) {
        best.set(key, { generation, memberIds: [member.memberId] });
      } else if (generation === current.generation) {
        current.memberIds.push(member.memberId);
      }
    }
    ownedByMember.set(member.memberId, owned);
  }

  const validOwner = new Map<string, string>();
  for (const [key, { memberIds }] of best) {
    const [winner] = memberIds;
    if (memberIds.length === 1 && winner !== undefined) validOwner.set(key, winner);
  }
  const validOwned = new Map<string, TopicPartition[]>();
  for (const [memberId, owned] of ownedByMember) {
    validOwned.set(
      memberId,
      owned.filter((tp) => validOwner.get(tpKey(tp.topic, tp.partition)) === memberId),
    );
  }
  return { validOwned, validOwner, claimants };
}
