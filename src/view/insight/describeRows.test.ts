import { describe, expect, it } from 'vitest';
import type { GroupView, TopicView } from '../../engine';
import { assignmentColumn, describeNote } from './DescribeMembers';
import { describeRows, hostOf, describeText } from './describeRows';

const topics = [
  { name: 'orders', partitions: [0, 1, 2, 3].map((p) => ({ topic: 'orders', partition: p, highWatermark: 100 + p })) },
] as unknown as TopicView[];

function group(state: string, committed: Record<string, number>): GroupView {
  return {
    groupId: 'email',
    state,
    committed,
    instances: [{ name: 'email-0' }, { name: 'email-1' }],
    members: [
      { memberId: 'email-0-1', instance: 'email-0', owned: [], assignment: ['orders-2'] },
      { memberId: 'email-1-1', instance: 'email-1', owned: [], assignment: ['orders-1', 'orders-0'] },
    ],
  } as unknown as GroupView;
}

describe('kafka-consumer-groups --describe rows', () => {
  it('lists members with the most partitions first, then committed partitions nobody owns; never a partition with neither', () => {
    const g = group('Stable', { 'orders-0': 90, 'orders-2': 101, 'orders-3': 50 });
    const rows = describeRows(g, topics, [g]);
    expect(rows.map((r) => [r.partition, r.consumerId, r.host, r.clientId])).toEqual([
      [0, 'email-1-1', '/10.0.1.2', 'email-1'],
      [1, 'email-1-1', '/10.0.1.2', 'email-1'],
      [2, 'email-0-1', '/10.0.1.1', 'email-0'],
      [3, null, null, null],
    ]);
    // LAG is the high watermark minus the commit, "-" (null) without one.
    expect(rows.map((r) => r.lag)).toEqual([10, null, 1, 53]);
  });

  it('shows no owner while the group rebalances (DescribeGroups returns members without assignment)', () => {
    const g = group('PreparingRebalance', { 'orders-1': 100 });
    const rows = describeRows(g, topics, [g]);
    expect(rows).toEqual([{ topic: 'orders', partition: 1, currentOffset: 100, logEndOffset: 101, lag: 1, consumerId: null, host: null, clientId: null }]);
    expect(describeRows(group('PreparingRebalance', {}), topics, [g])).toEqual([]);
  });

  it('gives each instance its own stable host', () => {
    const other = { ...group('Stable', {}), groupId: 'billing', instances: [{ name: 'billing-0' }] } as unknown as GroupView;
    expect(hostOf([group('Stable', {}), other], 'billing-0')).toBe('/10.0.2.1');
    expect(hostOf([group('Stable', {}), other], 'email-1')).toBe('/10.0.1.2');
  });
});

describe('kafka-consumer-groups --members --verbose', () => {
  it('prints the assignment as the tool groups it: one "(partitions)" per topic, "-" for none', () => {
    expect(assignmentColumn(['orders-1', 'orders-0', 'payments-2'])).toBe('(0,1), (2)');
    expect(assignmentColumn([])).toBe('-');
  });

  it('says what the tool says of an empty or rebalancing group, nothing of a stable one', () => {
    expect(describeNote(group('Empty', {}))).toBe("Consumer group 'email' has no active members.");
    expect(describeNote(group('CompletingRebalance', {}))).toBe("Warning: Consumer group 'email' is rebalancing.");
    expect(describeNote(group('Stable', {}))).toBeNull();
  });
});

describe('the describe text', () => {
  it('prints as ConsumerGroupCommand does: a line break before each line, %-Ns columns, a blank line at the end', () => {
    const rows = [
      { topic: 'orders', partition: 0, currentOffset: 80, logEndOffset: 85, lag: 5, consumerId: 'billing-0-1f2e', host: '/10.0.2.1', clientId: 'billing-0' },
      { topic: 'orders', partition: 1, currentOffset: null, logEndOffset: 82, lag: null, consumerId: null, host: null, clientId: null },
    ];
    const text = describeText('billing', rows, null);
    const pad = (s: string, n: number) => s.padEnd(n);
    expect(text).toBe(
      `\n${pad('GROUP', 15)} ${pad('TOPIC', 15)} ${pad('PARTITION', 10)} ${pad('CURRENT-OFFSET', 15)} ${pad('LOG-END-OFFSET', 15)} ${pad('LAG', 15)} ${pad('CONSUMER-ID', 15)} ${pad('HOST', 15)} CLIENT-ID` +
        `\n${pad('billing', 15)} ${pad('orders', 15)} ${pad('0', 10)} ${pad('80', 15)} ${pad('85', 15)} ${pad('5', 15)} ${pad('billing-0-1f2e', 15)} ${pad('/10.0.2.1', 15)} billing-0` +
        `\n${pad('billing', 15)} ${pad('orders', 15)} ${pad('1', 10)} ${pad('-', 15)} ${pad('82', 15)} ${pad('-', 15)} ${pad('-', 15)} ${pad('-', 15)} -` +
        '\n',
    );
  });

  it('widens a column for a longer value, and prints only the warning when there is no row', () => {
    const long = 'a-consumer-id-longer-than-fifteen';
    const text = describeText('g', [{ topic: 't', partition: 0, currentOffset: 1, logEndOffset: 1, lag: 0, consumerId: long, host: '/10.0.1.1', clientId: 'c' }], "Warning: Consumer group 'g' is rebalancing.");
    expect(text.startsWith("\nWarning: Consumer group 'g' is rebalancing.\n\nGROUP")).toBe(true);
    expect(text).toContain(`${long} /10.0.1.1`);
    expect(describeText('g', [], "Consumer group 'g' has no active members.")).toBe("\nConsumer group 'g' has no active members.\n");
  });
});
