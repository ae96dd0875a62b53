/**
 * Kafka's CooperativeStickyAssignor: the sticky assignment, then `adjustAssignment` (KIP-429).
 *
 * In a cooperative rebalance members keep consuming while they rejoin, so a partition must
 * not be handed to a new member while another member still holds it. Any partition the
 * sticky plan gives to a member other than its valid owner, while some other member still
 * lists it in `owned`, is withheld: it appears in no member's list this round. Its holder sees
 * it missing, revokes it and rejoins, and the follow-up rebalance assigns it.
 *
 * A partition whose claims were invalidated (two claims in the same generation) has no valid
 * owner, so it is withheld while any other claimant remains, as Kafka does in the
 * constrained case.
 */
import { tpKey, type TopicPartition } from '../../types';
import { planSticky } from './sticky';
import { toAssignment } from './topicPartitions';
import type { Assignment, AssignmentInput } from './types';

export function cooperativeStickyAssign(input: AssignmentInput): Assignment {
  const { lists, ownership } = planSticky(input);
  const adjusted = new Map<string, TopicPartition[]>();
  for (const [memberId, partitions] of lists) {
    adjusted.set(
      memberId,
      partitions.filter((tp) => {
        const key = tpKey(tp.topic, tp.partition);
        if (ownership.validOwner.get(key) === memberId) return true;
        const claimants = ownership.claimants.get(key);
        return !claimants || [...claimants].every((claimant) => claimant === memberId);
      }),
    );
  }
  return toAssignment(input.members, adjusted);
}
