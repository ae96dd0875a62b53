/**
 * The sticky assignors' general algorithm, used when subscriptions differ
 * (`AbstractStickyAssignor.GeneralAssignmentBuilder`, simplified but with the same goals).
 *
 * 1. Every member keeps its valid owned partitions of topics it still subscribes to.
 * 2. Each remaining partition (topics with fewest subscribers first, then by name and
 *    partition, as Kafka orders them) goes to the subscriber holding the fewest partitions.
 * 3. While some partition could move to a subscriber of its topic holding at least two fewer
 *    partitions than its holder, move one, preferring partitions the holder did not own
 *    before (stickiness) and the most loaded holders. Every move lowers the sum of squared
 *    counts, so the loop ends.
 * Ties go to the smaller member id (Kafka's `SubscriptionComparator`), never to input order.
 */
import { compareTopicPartitions, tpKey, type TopicPartition } from '../../types';
import { compareStrings } from './memberOrder';
import { partitionsOfTopic } from './topicPartitions';

interface Move {
  readonly tp: TopicPartition;
  readonly from: string;
  readonly to: string;
}

/**
 * @param memberIds      all members, sorted by member id
 * @param subscriptions  each member's existing subscribed topics
 * @param counts         partition count of every topic someone subscribes to
 * @param validOwned     each member's owned partitions that survived generation checks
 */
export function generalAssign(
  memberIds: readonly string[],
  subscriptions: ReadonlyMap<string, ReadonlySet<string>>,
  counts: ReadonlyMap<string, number>,
  validOwned: ReadonlyMap<string, readonly TopicPartition[]>,
): Map<string, TopicPartition[]> {
  const assignment = new Map<string, TopicPartition[]>(memberIds.map((id) => [id, []]));
  const size = (memberId: string): number => assignment.get(memberId)?.length ?? 0;
  const holder = new Map<string, string>();
  const previousOwner = new Map<string, string>();

  for (const memberId of memberIds) {
    for (const tp of validOwned.get(memberId) ?? []) {
      if (!subscriptions.get(memberId)?.has(tp.topic)) continue;
      assignment.get(memberId)?.push(tp);
      holder.set(tpKey(tp.topic, tp.partition), memberId);
      previousOwner.set(tpKey(tp.topic, tp.partition), memberId);
    }
  }

  const subscribers = new Map<string, string[]>();
  for (const memberId of memberIds) {
    for (const topic of subscriptions.get(memberId) ?? []) {
      subscribers.set(topic, [...(subscribers.get(topic) ?? []), memberId]);
    }
  }
  const leastLoaded = (topic: string, except?: string): string | undefined => {
    let best: string | undefined;
    for (const memberId of subscribers.get(topic) ?? []) {
      if (memberId !== except && (best === undefined || size(memberId) < size(best)))
        best = memberId;
    }
    return best;
  };

  const topicsInOrder = [...subscribers.keys()].sort(
    (a, b) =>
      (subscribers.get(a)?.length ?? 0) - (subscribers.get(b)?.length ?? 0) || compareStrings(a, b),
  );
  for (const topic of topicsInOrder) {
    for (const tp of partitionsOfTopic(topic, counts.get(topic) ?? 0)) {
      if (holder.has(tpKey(tp.topic, tp.partition))) continue;
      const memberId = leastLoaded(topic);
      if (memberId === undefined) continue;
      assignment.get(memberId)?.push(tp);
      holder.set(tpKey(tp.topic, tp.partition), memberId);
    }
  }

  const findMove = (): Move | undefined => {
    const donors = [...memberIds].sort((a, b) => size(b) - size(a) || compareStrings(a, b));
    for (const movePreviouslyOwned of [false, true]) {
      for (const from of donors) {
        const held = [...(assignment.get(from) ?? [])].sort(compareTopicPartitions);
        for (const tp of held) {
          const wasOwned = previousOwner.get(tpKey(tp.topic, tp.partition)) === from;
          if (wasOwned !== movePreviouslyOwned) continue;
          const to = leastLoaded(tp.topic, from);
          if (to !== undefined && size(to) <= size(from) - 2) return { tp, from, to };
        }
      }
    }
    return undefined;
  };

  for (let move = findMove(); move; move = findMove()) {
    const { tp, from, to } = move;
    assignment.set(
      from,
      (assignment.get(from) ?? []).filter(
        (p) => p.topic !== tp.topic || p.partition !== tp.partition,
      ),
    );
    assignment.get(to)?.push(tp);
  }
  return assignment;
}
