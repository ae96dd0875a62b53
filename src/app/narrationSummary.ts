/**
 * The one message after a seek settles: where the run now stands, not what happened on the way
 * (a jump back has no "on the way"). Pure: given the snapshot and group health at the playhead.
 */
import type { GroupHealth, SimSnapshot } from '../engine';
import { formatClock } from '../scenarios/workBudget';
import { isBehind, listNames } from './narration';

const DOWN_WORDS: Record<string, string> = {
  crashed: 'down (crashed)',
  stopped: 'stopped',
  hung: 'hung',
};

export function seekSummaryText(
  snapshot: SimSnapshot,
  health: (serviceId: string) => GroupHealth | null,
): string {
  const parts: string[] = [];
  const instances = snapshot.groups.flatMap((g) => g.instances);
  const down = instances.filter((i) => i.status !== 'running');
  if (instances.length > 0 && down.length === 0)
    parts.push(`all ${instances.length} instance${instances.length === 1 ? '' : 's'} running`);
  const byStatus = new Map<string, string[]>();
  for (const instance of down)
    byStatus.set(instance.status, [...(byStatus.get(instance.status) ?? []), instance.name]);
  for (const [status, names] of byStatus)
    parts.push(
      `${listNames(names)} ${names.length === 1 ? 'is' : 'are'} ${DOWN_WORDS[status] ?? status}`,
    );
  const rebalancing = snapshot.groups.filter(
    (g) => g.state === 'PreparingRebalance' || g.state === 'CompletingRebalance',
  );
  if (rebalancing.length > 0)
    parts.push(`${listNames(rebalancing.map((g) => g.groupId))} rebalancing`);
  let behindCount = 0;
  for (const group of snapshot.groups) {
    const staleness = health(group.serviceId)?.staleness;
    if (!isBehind(staleness)) continue;
    behindCount++;
    parts.push(
      `${group.groupId} is ${staleness!.records} record${staleness!.records === 1 ? '' : 's'} behind`,
    );
  }
  if (snapshot.groups.length > 0 && behindCount === 0) parts.push('every group up to date');
  for (const group of snapshot.groups) {
    const duplicates = group.stats.duplicates;
    if (duplicates > 0)
      parts.push(
        `${group.groupId} has processed ${duplicates} duplicate${duplicates === 1 ? '' : 's'}`,
      );
  }
  return `At ${formatClock(snapshot.nowMs)}: ${parts.length > 0 ? parts.join('; ') : 'nothing running'}.`;
}
