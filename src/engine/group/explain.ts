/**
 * Plain-language descriptions of what a rebalance changed, for the event log:
 * "orders-2 moves email-0 → email-1; email-1 gets orders-0".
 */
import { tpKey, type TopicPartition } from '../types';

export function describeAssignmentChange(
  before: ReadonlyMap<string, readonly TopicPartition[]>,
  after: ReadonlyMap<string, readonly TopicPartition[]>,
): string {
  const previousOwner = new Map<string, string>();
  for (const [instance, partitions] of before) {
    for (const tp of partitions) previousOwner.set(tpKey(tp.topic, tp.partition), instance);
  }
  const parts: string[] = [];
  const instances = [...after.keys()].sort();
  for (const instance of instances) {
    const partitions = after.get(instance)!;
    const moved: string[] = [];
    const added: string[] = [];
    let kept = 0;
    for (const tp of partitions) {
      const key = tpKey(tp.topic, tp.partition);
      const owner = previousOwner.get(key);
      if (owner === instance) kept++;
      else if (owner === undefined) added.push(key);
      else moved.push(`${key} from ${owner}`);
    }
    const pieces: string[] = [];
    if (moved.length > 0) pieces.push(`takes ${moved.join(', ')}`);
    if (added.length > 0) pieces.push(`gets ${added.join(', ')}`);
    if (kept > 0) pieces.push(`keeps ${kept}`);
    if (partitions.length === 0) pieces.push('gets nothing');
    parts.push(`${instance} ${pieces.join(', ')}`);
  }
  return parts.length > 0 ? `${parts.join('; ')}.` : 'no members.';
}
