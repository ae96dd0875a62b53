import { describe, expect, it } from 'vitest';
import type { GroupView, InstanceView, TopicView } from '../../engine';
import { BACKLOG_WORTH_SHOWING, focusGroup } from './focusGroup';

// orders has three partitions, each with its log end at 100.
const topics = [
  { name: 'orders', partitions: [0, 1, 2].map((p) => ({ topic: 'orders', partition: p, logStartOffset: 0, logEndOffset: 100, highWatermark: 100 })) },
  { name: 'payments', partitions: [{ topic: 'payments', partition: 0, logStartOffset: 0, logEndOffset: 50, highWatermark: 50 }] },
] as unknown as TopicView[];

/** A one-instance group that owns every partition of `topic` and has read up to `read` on each. */
function group(id: string, topic: string, read: number, status: InstanceView['status'] = 'running'): GroupView {
  const pks = topics.find((t) => t.name === topic)!.partitions.map((p) => `${topic}-${p.partition}`);
  const positions = status === 'running' ? Object.fromEntries(pks.map((pk) => [pk, read])) : {};
  return {
    groupId: id,
    subscribe: [topic],
    committed: Object.fromEntries(pks.map((pk) => [pk, read])),
    instances: [{ name: `${id}-0`, status, assignment: status === 'running' ? pks : [], positions }],
    members: status === 'running' ? [{ memberId: `${id}-0-1`, instance: `${id}-0`, owned: [], assignment: pks }] : [],
  } as unknown as GroupView;
}

describe('focusGroup', () => {
  it('is nobody while every group trails by a few records only', () => {
    const groups = [group('inventory', 'orders', 97), group('email', 'orders', 98), group('shipping', 'payments', 45)];
    expect(focusGroup(groups, topics, null)).toBeNull();
  });

  it('is the group with a crashed, hung or stopped member, even before it falls behind', () => {
    for (const status of ['crashed', 'hung', 'stopped'] as const) {
      const groups = [group('inventory', 'orders', 97), group('email', 'orders', 99, status)];
      expect(focusGroup(groups, topics, null)).toBe('email');
    }
  });

  it('is the group the user picked, by the group or one of its instances', () => {
    const groups = [group('inventory', 'orders', 97), group('email', 'orders', 40, 'crashed'), group('shipping', 'payments', 45)];
    expect(focusGroup(groups, topics, 'group:inventory')).toBe('inventory');
    expect(focusGroup(groups, topics, 'instance:shipping-0')).toBe('shipping');
    // A selection that is not a group (a topic, a record, an unknown id) leaves the story's group.
    expect(focusGroup(groups, topics, 'topic:orders')).toBe('email');
    expect(focusGroup(groups, topics, 'group:nobody')).toBe('email');
  });

  it('is the running group furthest behind once its backlog is a real one', () => {
    const catchingUp = group('email', 'orders', 90);
    // 3 partitions × 10 records to process = 30, above the threshold; inventory's 3 × 2 is not.
    expect(3 * 10).toBeGreaterThanOrEqual(BACKLOG_WORTH_SHOWING);
    expect(focusGroup([group('inventory', 'orders', 98), catchingUp], topics, null)).toBe('email');
    expect(focusGroup([group('inventory', 'orders', 98), group('email', 'orders', 97)], topics, null)).toBeNull();
  });
});
