/**
 * The rows `kafka-consumer-groups --describe --group <g>` prints, as ConsumerGroupCommand
 * collects them (doc/kafka.md §4.4): first each member that has partitions, the members with
 * the most partitions first, its partitions by number; then the partitions that have a
 * committed offset but no owner, with CONSUMER-ID, HOST and CLIENT-ID "-". A partition with
 * neither an owner nor a commit is not listed. While the group is not Stable, DescribeGroups
 * returns its members without their assignment, so every row is of the second kind. LAG is
 * LOG-END-OFFSET − CURRENT-OFFSET (the high watermark, no floor), "-" without a commit.
 */
import type { GroupView, TopicView } from '../../engine';

export interface DescribeRow {
  topic: string;
  partition: number;
  currentOffset: number | null;
  logEndOffset: number;
  lag: number | null;
  consumerId: string | null;
  host: string | null;
  clientId: string | null;
}

/** A stable, made-up client address per instance, as the tool prints it (`/10.0.<service>.<instance>`). */
export function hostOf(groups: readonly GroupView[], instanceName: string): string {
  for (let g = 0; g < groups.length; g++) {
    const index = groups[g]!.instances.findIndex((i) => i.name === instanceName);
    if (index >= 0) return `/10.0.${g + 1}.${index + 1}`;
  }
  return '/10.0.0.1';
}

function splitKey(key: string): { topic: string; partition: number } {
  const dash = key.lastIndexOf('-');
  return { topic: key.slice(0, dash), partition: Number(key.slice(dash + 1)) };
}

export function describeRows(group: GroupView, topics: readonly TopicView[], groups: readonly GroupView[]): DescribeRow[] {
  const highWatermark = (topic: string, partition: number) => topics.find((t) => t.name === topic)?.partitions[partition]?.highWatermark ?? 0;
  const row = (key: string, owner: { memberId: string; instance: string } | null): DescribeRow => {
    const { topic, partition } = splitKey(key);
    const committed = group.committed[key];
    const logEndOffset = highWatermark(topic, partition);
    return {
      topic,
      partition,
      currentOffset: committed ?? null,
      logEndOffset,
      lag: committed === undefined ? null : logEndOffset - committed,
      consumerId: owner?.memberId ?? null,
      host: owner ? hostOf(groups, owner.instance) : null,
      clientId: owner?.instance ?? null,
    };
  };
  const rows: DescribeRow[] = [];
  const assigned = new Set<string>();
  if (group.state === 'Stable') {
    const members = group.members.filter((m) => m.assignment.length > 0);
    // Array.prototype.sort is stable: members with as many partitions keep the group's order.
    members.sort((a, b) => b.assignment.length - a.assignment.length);
    for (const member of members) {
      const keys = [...member.assignment].sort((a, b) => splitKey(a).partition - splitKey(b).partition);
      for (const key of keys) {
        assigned.add(key);
        rows.push(row(key, member));
      }
    }
  }
  const unowned = Object.keys(group.committed)
    .filter((key) => !assigned.has(key))
    .sort((a, b) => splitKey(a).partition - splitKey(b).partition || (splitKey(a).topic < splitKey(b).topic ? -1 : 1));
  for (const key of unowned) rows.push(row(key, null));
  return rows;
}

/**
 * The tool's text output for these rows, character for character as ConsumerGroupCommand's
 * printOffsets writes it: each line begins with a line break; columns are `%-Ns` with a single
 * space between, GROUP, TOPIC, CONSUMER-ID and HOST at least 15 wide (wider for longer values),
 * PARTITION 10 and the offsets 15; a blank line at the end. The warning for an empty or
 * rebalancing group (the tool prints it to stderr) comes first; with no row, only the warning.
 */
export function describeText(groupId: string, rows: readonly DescribeRow[], warning: string | null): string {
  const dash = (value: number | string | null) => (value === null ? '-' : String(value));
  const cells = rows.map((r) => [groupId, r.topic, String(r.partition), dash(r.currentOffset), String(r.logEndOffset), dash(r.lag), dash(r.consumerId), dash(r.host), dash(r.clientId)]);
  const widest = (column: number) => Math.max(15, ...cells.map((c) => c[column]!.length));
  const widths = [widest(0), widest(1), 10, 15, 15, 15, widest(6), widest(7)];
  const line = (values: readonly string[]) => `\n${values.map((value, i) => (i < widths.length ? value.padEnd(widths[i]!) : value)).join(' ')}`;
  const head = warning === null ? '' : `\n${warning}\n`;
  if (rows.length === 0) return head;
  const header = ['GROUP', 'TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'CONSUMER-ID', 'HOST', 'CLIENT-ID'];
  return `${head}${line(header)}${cells.map(line).join('')}\n`;
}
