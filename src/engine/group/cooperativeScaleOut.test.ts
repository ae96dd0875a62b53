/**
 * A cooperative scale-out as Kafka runs it (doc/kafka.md §3.3, §3.7): the member that gives a
 * partition away cannot commit it while it is joining (RebalanceInProgressException on the
 * client), so the new owner repeats what it processed then; nobody is fenced, only the
 * partitions the assignor moves change owner, and partitions kept through the rebalance go on
 * from their position. Sending those commits to the coordinator instead (accepted during the
 * join phase, ILLEGAL_GENERATION in the sync window) showed no duplicates and turned healthy
 * members into zombies that dropped every partition.
 */
import { describe, expect, it } from 'vitest';
import { assignPartitions } from './assignors';
import { createSimulation, type Simulation } from '../simulation';
import { orderScenario } from '../testing/scenarios';
import { checked, emailService } from '../testing/groupServices';
import type { CommitMode } from '../serviceSpec';
import type { GroupSummary } from '../summary';

const SCALE_AT_MS = 20_000;

function scaleOut(partitions: number, seed: number, commit: CommitMode = 'auto', heartbeatIntervalMs = 3000): Simulation {
  const config = { 'partition.assignment.strategy': 'cooperative-sticky', 'auto.commit.interval.ms': 500, 'heartbeat.interval.ms': heartbeatIntervalMs } as const;
  return createSimulation(
    orderScenario({ seed, topics: [{ name: 'orders', partitions }], actions: [{ atMs: SCALE_AT_MS, type: 'scale', service: 'email', instances: 4 }] }, [
      emailService({ instances: 3, processingMs: 20, commit }, config),
    ]),
    checked,
  );
}

function ownerByPartition(group: GroupSummary): Map<string, string> {
  const owners = new Map<string, string>();
  for (const [instance, member] of Object.entries(group.members)) for (const partition of member.assignment) owners.set(partition, instance);
  return owners;
}

/** The partitions cooperative-sticky takes from their owners when email-3 joins the group as it was. */
function partitionsTheAssignorMoves(group: GroupSummary, partitions: number): string[] {
  const members = Object.values(group.members).map((member) => ({
    memberId: member.memberId!,
    topics: ['orders'],
    owned: member.assignment.map((key) => ({ topic: 'orders', partition: Number(key.slice('orders-'.length)) })),
    generation: group.generation,
  }));
  members.push({ memberId: 'email-3-1', topics: ['orders'], owned: [], generation: -1 });
  const result = assignPartitions('cooperative-sticky', { topics: { orders: partitions }, members });
  const moved: string[] = [];
  for (const member of members) {
    const kept = new Set((result[member.memberId] ?? []).map((tp) => `orders-${tp.partition}`));
    for (const tp of member.owned) if (!kept.has(`orders-${tp.partition}`)) moved.push(`orders-${tp.partition}`);
  }
  return moved.sort();
}

const zombieText = /a zombie|no longer in the group/;

describe('a cooperative scale-out from 3 to 4 members over 6 partitions', () => {
  // Seed 1: email-2, which gives orders-5 away, is the first to rejoin, so its auto-commits
  // fall in the join phase.
  const sim = scaleOut(6, 1);
  sim.runUntil(SCALE_AT_MS - 1);
  const before = sim.summary().groups['email']!;
  const expectedMoves = partitionsTheAssignorMoves(before, 6);
  sim.runUntil(40_000);
  const after = sim.summary().groups['email']!;
  const ownersBefore = ownerByPartition(before);
  const ownersAfter = ownerByPartition(after);
  const moved = [...ownersAfter].filter(([partition, owner]) => ownersBefore.get(partition) !== owner).map(([partition]) => partition);
  const laterEvents = sim.events().filter((e) => e.atMs >= SCALE_AT_MS);

  it('moves exactly the partitions the assignor moves, in one rebalance and its follow-up, fencing nobody', () => {
    expect(expectedMoves).toEqual(['orders-5']);
    expect(moved.sort()).toEqual(expectedMoves);
    expect(ownersAfter.get('orders-5')).toBe('email-3');
    expect(after.generation).toBe(before.generation + 2);
    expect(laterEvents.filter((e) => zombieText.test(e.text))).toEqual([]);
    for (const member of Object.values(after.members)) expect(member.assignment.length).toBeGreaterThan(0);
  });

  it("fails the old owner's commits of the moved partition during the join phase, so the new owner repeats what it processed then", () => {
    const revocation = laterEvents.find((e) => e.code === 'partitions.revoked')!;
    expect(revocation.entity).toBe('email-2');
    const failed = laterEvents.filter(
      (e) => e.entity === 'email-2' && e.atMs < revocation.atMs && /RebalanceInProgressException/.test(e.text) && /orders-5 → \d+/.test(e.text),
    );
    expect(failed.length).toBeGreaterThan(0);
    const lastFailedOffset = Number(/orders-5 → (\d+)/.exec(failed[failed.length - 1]!.text)![1]);
    const resumed = laterEvents.find((e) => e.entity === 'email-3' && /resumes orders-5 at \d+/.test(e.text))!;
    const resumedAt = Number(/orders-5 at (\d+)/.exec(resumed.text)![1]);
    // Everything from the offset committed before JoinGroup to the failed commits' offset is processed twice.
    expect(resumedAt).toBeLessThan(lastFailedOffset);
    for (let offset = resumedAt; offset < lastFailedOffset; offset++) {
      expect(sim.recordDeliveries('orders', 5, offset).find((d) => d.service === 'email')!.times).toBe(2);
    }
    expect(sim.summary().stats['email']!.duplicates).toBeGreaterThanOrEqual(lastFailedOffset - resumedAt);
  });

  it('repeats records only on the moved partition: kept partitions go on from their position', () => {
    const duplicates = sim.incidents('email').filter((incident) => incident.kind === 'duplicate');
    expect(duplicates.length).toBeGreaterThan(0);
    expect(new Set(duplicates.map((incident) => incident.partition))).toEqual(new Set(['orders-5']));
    // Only the new owner starts from a committed offset; members keeping partitions do not.
    const resumes = laterEvents.filter((e) => e.code === 'offsets.resumed');
    expect(resumes.map((e) => e.entity)).toEqual(['email-3']);
  });
});

describe('a cooperative rebalance in which nothing moves', () => {
  it('processes no record twice: every member goes on from its position', () => {
    // Three partitions for four members: the new member gets nothing, every other keeps its partition.
    for (const [seed, commit] of [1, 2, 3, 4, 5, 6].flatMap((seed) => [[seed, 'auto'], [seed, 'after-processing']] as const)) {
      const sim = scaleOut(3, seed, commit, 1000);
      sim.runUntil(SCALE_AT_MS - 1);
      const before = ownerByPartition(sim.summary().groups['email']!);
      sim.runUntil(40_000);
      const group = sim.summary().groups['email']!;
      const run = `seed ${seed}, ${commit}`;
      expect(ownerByPartition(group), run).toEqual(before);
      expect(group.state, run).toBe('Stable');
      expect(sim.summary().stats['email']!.duplicates, run).toBe(0);
      expect(sim.events().filter((e) => e.atMs >= SCALE_AT_MS && (zombieText.test(e.text) || e.code === 'offsets.resumed')), run).toEqual([]);
    }
  });
});

describe('commits after each batch during a cooperative scale-out', () => {
  it('fence nobody: a batch that ends before its member applied the new assignment fails its commit on the client', () => {
    // Committing after each batch puts commits between SyncGroup and the next poll (the sync
    // window); sent with the old generation they met ILLEGAL_GENERATION and the member dropped
    // every partition, so the follow-up rebalance moved more than cooperative-sticky moves.
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const sim = scaleOut(6, seed, 'after-processing', 1000);
      sim.runUntil(SCALE_AT_MS - 1);
      const before = sim.summary().groups['email']!;
      const expectedMoves = partitionsTheAssignorMoves(before, 6);
      sim.runUntil(40_000);
      const after = sim.summary().groups['email']!;
      const ownersBefore = ownerByPartition(before);
      const moved = [...ownerByPartition(after)].filter(([partition, owner]) => ownersBefore.get(partition) !== owner).map(([partition]) => partition);
      expect(moved.sort(), `seed ${seed}`).toEqual(expectedMoves);
      expect(sim.events().filter((e) => zombieText.test(e.text)), `seed ${seed}`).toEqual([]);
      const duplicated = new Set(sim.incidents('email').filter((i) => i.kind === 'duplicate').map((i) => i.partition));
      for (const partition of duplicated) expect(expectedMoves, `seed ${seed}`).toContain(partition);
    }
  });
});
