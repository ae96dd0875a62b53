/**
 * The model's invariants (doc/design.md, rule 7), checked after every event in tests and sweeps:
 * offsets unique and increasing per partition, log start ≤ high watermark ≤ log end,
 * segments contiguous, byte counts consistent, one record per key in a compacted log's cleaned
 * part, committed offsets within the log's range, at most one owner per
 * partition in a stable generation's assignment, and bounded buffers.
 */
import { replicationInvariantProblem } from './broker/replicationInvariants';
import { logInvariantProblem } from './log/logInvariants';
import { SIM_EVENT_HISTORY_CAP } from './simEvents';
import { tpKey } from './types';
import type { World } from './world';

class InvariantError extends Error {}

export function checkInvariants(world: World): void {
  for (const topic of world.topics.values()) {
    for (const log of topic.partitions) {
      const where = `${topic.name}-${log.partition}`;
      if (!(log.logStartOffset <= log.highWatermark && log.highWatermark <= log.logEndOffset)) {
        fail(`${where}: log start ${log.logStartOffset} ≤ HW ${log.highWatermark} ≤ LEO ${log.logEndOffset} broken`);
      }
      let expectedBase = log.segments[0]!.baseOffset;
      if (expectedBase > log.logStartOffset) fail(`${where}: first segment starts after the log start offset`);
      for (let s = 0; s < log.segments.length; s++) {
        const segment = log.segments[s]!;
        if (segment.baseOffset !== expectedBase) fail(`${where}: segments not contiguous at ${segment.baseOffset}`);
        let previous = segment.baseOffset - 1;
        for (let i = 0; i < segment.recordCount; i++) {
          const offset = segment.offsetAt(i);
          if (offset <= previous) fail(`${where}: offsets not increasing at ${offset}`);
          previous = offset;
        }
        expectedBase = s === log.segments.length - 1 ? log.logEndOffset : segment.endOffset;
        if (previous >= expectedBase) fail(`${where}: record ${previous} beyond its segment's end ${expectedBase}`);
      }
      const problem = logInvariantProblem(log);
      if (problem) fail(`${where}: ${problem}`);
      if (world.cluster) {
        const replicationProblem = replicationInvariantProblem(world.cluster.replicasOf(world, topic.name, log.partition), log);
        if (replicationProblem) fail(`${where}: ${replicationProblem}`);
      }
    }
  }
  for (const service of world.services.values()) {
    const group = service.group;
    for (const [key, committed] of group.committed) {
      const log = findLog(world, key);
      if (log && committed.offset > readableEnd(world, key, log.highWatermark)) fail(`${group.groupId}: committed ${key} ${committed.offset} > HW ${log.highWatermark}`);
    }
    if (group.metadata.state === 'Stable') {
      const owners = new Map<string, string>();
      for (const member of group.metadata.members.values()) {
        for (const tp of member.assignment) {
          const key = tpKey(tp.topic, tp.partition);
          const other = owners.get(key);
          if (other) fail(`${group.groupId}: ${key} owned by both ${other} and ${member.memberId} in generation ${group.generation}`);
          owners.set(key, member.memberId);
        }
      }
    }
  }
  // A consumer never reads above the HW: its position is at most the highest HW the partition had.
  for (const service of world.services.values()) {
    for (const instance of service.instances) {
      if (instance.status !== 'running') continue;
      for (const tp of instance.assignment) {
        const key = tpKey(tp.topic, tp.partition);
        const position = instance.positionOf(key);
        const log = world.topics.get(tp.topic)?.partitions[tp.partition];
        if (log && position !== undefined && position > readableEnd(world, key, log.highWatermark)) fail(`${instance.name}: position ${position} on ${key} above the HW ${log.highWatermark}`);
      }
    }
  }
  if (world.events.length > SIM_EVENT_HISTORY_CAP * 1.25) fail(`event history over its cap: ${world.events.length}`);
  // Every capped buffer stays within its cap, however long the run.
  const bounds = [
    world.lag.boundsProblem(),
    world.consistency.boundsProblem(),
    ...[...world.services.values()].map((service) => {
      const problem = service.stats.boundsProblem();
      return problem && `${service.id}: ${problem}`;
    }),
  ];
  for (const problem of bounds) if (problem) fail(`over its bound: ${problem}`);
}

/**
 * The highest offset a group can have read up to: the HW, or, after an unclean election cut the
 * log below it, the highest HW the partition ever had (the group read before the cut).
 */
function readableEnd(world: World, key: string, highWatermark: number): number {
  return world.cluster?.partitions.get(key)?.highestHighWatermark ?? highWatermark;
}

function findLog(world: World, key: string) {
  const dash = key.lastIndexOf('-');
  return world.topics.get(key.slice(0, dash))?.partitions[Number(key.slice(dash + 1))];
}

function fail(message: string): never {
  throw new InvariantError(`invariant broken: ${message}`);
}
