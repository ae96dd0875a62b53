/**
 * Helpers for the assignor tests (imported only by `*.test.ts`): compact `t0p1` notation for
 * partitions and assignments, and building the follow-up rebalance's input from a result.
 */
import type { TopicPartition } from '../../types';
import type { Assignment, AssignmentInput } from './types';

/** `t0p1` → { topic: 't0', partition: 1 }; the topic is everything before the last `p`. */
function tp(text: string): TopicPartition {
  const at = text.lastIndexOf('p');
  return { topic: text.slice(0, at), partition: Number(text.slice(at + 1)) };
}

export function tps(...texts: string[]): TopicPartition[] {
  return texts.map(tp);
}

/** An assignment in `t0p1` notation, for readable expectations. */
export function show(assignment: Assignment): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(assignment).map(([memberId, partitions]) => [
      memberId,
      partitions.map(({ topic, partition }) => `${topic}p${partition}`),
    ]),
  );
}

/**
 * The input of the next rebalance: same members and topics, each member now owning what
 * `result` gave it, in `generation`.
 */
export function nextRound(
  input: AssignmentInput,
  result: Assignment,
  generation: number,
): AssignmentInput {
  return {
    topics: input.topics,
    members: input.members.map((member) => ({
      ...member,
      owned: result[member.memberId] ?? [],
      generation,
    })),
  };
}
