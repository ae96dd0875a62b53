/**
 * The two backlogs of one group on one partition, each named for what it is:
 * - Kafka's lag: log end − committed offset, what kafka-consumer-groups prints. It counts from the
 *   last commit, so even a healthy consumer's lag climbs between auto-commits and drops at each.
 * - records to process: log end − the owner's position (the next offset it fetches). With no
 *   owner it counts from the committed offset, because that is where the next owner starts.
 * The lanes, the inspector and the lag chart all say it this way.
 */
import type { GroupView, PartitionView } from '../../engine';
import { partitionOwner } from '../ownership';

/** The one-line "why they differ", shown beside both figures. */
export const LAG_WHY =
  "Kafka's lag counts from the last committed offset, so it jumps with each auto-commit; records to process count from where the consumer has read to.";

export interface PartitionLag {
  /** The group's committed offset, or null before its first commit. */
  committed: number | null;
  /** Log end − committed; null without a commit (kafka-consumer-groups prints "-"). */
  lag: number | null;
  /** The owner's position, or null when nobody consumes the partition. */
  position: number | null;
  /** Log end − position, else log end − committed; null with neither. */
  toProcess: number | null;
}

export function partitionLag(group: GroupView, partition: PartitionView): PartitionLag {
  const pk = `${partition.topic}-${partition.partition}`;
  const committed = group.committed[pk] ?? null;
  const position = partitionOwner(group, pk)?.positions[pk] ?? null;
  const behind = (offset: number | null) => (offset === null ? null : Math.max(0, partition.highWatermark - offset));
  return { committed, lag: behind(committed), position, toProcess: behind(position ?? committed) };
}

/** "lag 5 · 0 to process"; "no commit yet · 12 to process" before the first commit. */
export function lagWords({ lag, toProcess }: Pick<PartitionLag, 'lag' | 'toProcess'>): string {
  const words = [lag === null ? 'no commit yet' : `lag ${lag}`];
  if (toProcess !== null) words.push(`${toProcess} to process`);
  return words.join(' · ');
}

/** A group's row under a lane without its owner: "committed 40 · lag 5 · 0 to process". */
export function offsetWords(figures: PartitionLag): string {
  return figures.committed === null ? lagWords(figures) : `committed ${figures.committed} · ${lagWords(figures)}`;
}
