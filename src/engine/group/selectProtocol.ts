/**
 * Which assignor a group uses (Kafka's `GroupMetadata.selectProtocol`): among the assignors
 * every member supports, each member votes for its first choice; ties go to the first member's
 * preference order. Without a common assignor the first member's first choice is used.
 */
import type { AssignorName } from '../scenario';

/** `members` in the coordinator's member order; there is at least one. */
export function selectProtocol(members: readonly { assignors: readonly AssignorName[] }[]): AssignorName {
  const candidates = members[0]!.assignors.filter((name) => members.every((m) => m.assignors.includes(name)));
  if (candidates.length === 0) return members[0]!.assignors[0]!;
  const votes = new Map<AssignorName, number>();
  for (const member of members) {
    const choice = member.assignors.find((name) => candidates.includes(name))!;
    votes.set(choice, (votes.get(choice) ?? 0) + 1);
  }
  let best = candidates[0]!;
  for (const name of candidates) if ((votes.get(name) ?? 0) > (votes.get(best) ?? 0)) best = name;
  return best;
}
