/**
 * The inspector's lag rows: Kafka's lag and the records still to process, per partition, for a
 * group, an instance or a partition, followed by the one line on why the two differ.
 */
import type { GroupView, PartitionView, SimSnapshot } from '../../engine';
import { LAG_WHY, lagWords, offsetWords, partitionLag } from '../lanes/partitionLag';

type Row = [string, string];

const WHY: Row = ['why they differ', LAG_WHY];

/** The group's partitions of its subscribed topics, in topic then partition order. */
function partitionsOf(group: GroupView, snapshot: SimSnapshot): PartitionView[] {
  return snapshot.topics.filter((t) => group.subscribe.includes(t.name)).flatMap((t) => t.partitions);
}

function keyOf(partition: PartitionView): string {
  return `${partition.topic}-${partition.partition}`;
}

/** One line per partition, and the group's totals first when it reads more than one. */
function perPartition(group: GroupView, partitions: readonly PartitionView[]): Row[] {
  if (partitions.length === 0) return [];
  const figures = partitions.map((p) => partitionLag(group, p));
  const lines = figures.map((f, i) => `${keyOf(partitions[i]!)}: ${lagWords(f)}`);
  if (partitions.length > 1) {
    const sum = (values: (number | null)[]) => (values.every((v) => v === null) ? null : values.reduce<number>((a, v) => a + (v ?? 0), 0));
    const total = { lag: sum(figures.map((f) => f.lag)), toProcess: sum(figures.map((f) => f.toProcess)) };
    lines.unshift(`in all: ${lagWords(total)}`);
  }
  return [['lag', lines.join('\n')], WHY];
}

export function groupLagRows(group: GroupView, snapshot: SimSnapshot): Row[] {
  return perPartition(group, partitionsOf(group, snapshot));
}

/** The partitions an instance owns (or, while it is down, holds in the group's assignment). */
export function instanceLagRows(group: GroupView, partitionKeys: readonly string[], snapshot: SimSnapshot): Row[] {
  return perPartition(
    group,
    partitionsOf(group, snapshot).filter((p) => partitionKeys.includes(keyOf(p))),
  );
}

/** One row per group reading the partition. */
export function partitionLagRows(partition: PartitionView, snapshot: SimSnapshot): Row[] {
  const readers = snapshot.groups.filter((g) => g.subscribe.includes(partition.topic));
  if (readers.length === 0) return [];
  const rows = readers.map((group): Row => [group.groupId, offsetWords(partitionLag(group, partition))]);
  return [...rows, WHY];
}
