/**
 * The order in which the coordinator checks a Heartbeat and an OffsetCommit (doc/kafka.md §3.5,
 * §3.7): the member, then the generation, then the group's state, as Kafka's classic group
 * coordinator does. So a request of another generation gets ILLEGAL_GENERATION whatever the
 * state, a heartbeat during CompletingRebalance gets no error, and a commit during
 * CompletingRebalance gets REBALANCE_IN_PROGRESS only when its generation is current.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../simulation';
import { orderScenario } from '../testing/scenarios';
import { checked, emailService } from '../testing/groupServices';
import { worldOf } from '../testing/worldOf';
import type { GroupCoordinator } from './coordinator';
import type { GroupState } from './groupMetadata';

function coordinatorOf(sim: Simulation): GroupCoordinator {
  return worldOf(sim).services.get('email')!.group;
}

/** Runs one engine step at a time until the email group is in `state` (CompletingRebalance lasts 0 ms here). */
function stepUntil(sim: Simulation, state: GroupState, untilMs: number): GroupCoordinator {
  const coordinator = coordinatorOf(sim);
  while (coordinator.metadata.state !== state) {
    expect(sim.now).toBeLessThan(untilMs);
    sim.runSteps(untilMs, 1);
  }
  return coordinator;
}

function scaledOut(): Simulation {
  const sim = createSimulation(orderScenario({}, [emailService()]), checked);
  sim.runUntil(10_000);
  sim.apply({ type: 'scale', service: 'email', instances: 3 });
  return sim;
}

const offsets = new Map([['orders-0', 1]]);

describe('the coordinator checks the generation before the state', () => {
  it('answers a heartbeat of the current generation during CompletingRebalance without error', () => {
    const sim = scaledOut();
    const coordinator = stepUntil(sim, 'CompletingRebalance', 20_000);
    const memberId = [...coordinator.metadata.members.keys()][0]!;
    expect(coordinator.heartbeat(worldOf(sim), memberId, coordinator.generation)).toBeNull();
    expect(coordinator.heartbeat(worldOf(sim), memberId, coordinator.generation - 1)).toBe('ILLEGAL_GENERATION');
  });

  it('answers a heartbeat of another generation during PreparingRebalance with ILLEGAL_GENERATION, keeping no session alive', () => {
    const sim = scaledOut();
    const coordinator = stepUntil(sim, 'PreparingRebalance', 20_000);
    const [memberId, member] = [...coordinator.metadata.members.entries()][0]!;
    const before = member.lastHeartbeatMs;
    sim.runUntil(sim.now + 1);
    expect(coordinator.metadata.state).toBe('PreparingRebalance');
    expect(coordinator.heartbeat(worldOf(sim), memberId, coordinator.generation + 1)).toBe('ILLEGAL_GENERATION');
    expect(member.lastHeartbeatMs).toBe(before);
    expect(coordinator.heartbeat(worldOf(sim), memberId, coordinator.generation)).toBe('REBALANCE_IN_PROGRESS');
    expect(member.lastHeartbeatMs).toBe(sim.now);
  });

  it('answers a commit of an older generation during CompletingRebalance with ILLEGAL_GENERATION, of the current one with REBALANCE_IN_PROGRESS', () => {
    const sim = scaledOut();
    const coordinator = stepUntil(sim, 'CompletingRebalance', 20_000);
    const memberId = [...coordinator.metadata.members.keys()][0]!;
    const committedBefore = new Map(coordinator.committed);
    expect(coordinator.commit(worldOf(sim), memberId, coordinator.generation - 1, offsets)).toBe('ILLEGAL_GENERATION');
    expect(coordinator.commit(worldOf(sim), memberId, coordinator.generation, offsets)).toBe('REBALANCE_IN_PROGRESS');
    expect(coordinator.commit(worldOf(sim), 'nobody', coordinator.generation, offsets)).toBe('UNKNOWN_MEMBER_ID');
    expect(coordinator.committed).toEqual(committedBefore);
  });

  it('accepts a commit of the current generation while the group is preparing a rebalance', () => {
    const sim = scaledOut();
    const coordinator = stepUntil(sim, 'PreparingRebalance', 20_000);
    const memberId = [...coordinator.metadata.members.keys()][0]!;
    expect(coordinator.commit(worldOf(sim), memberId, coordinator.generation + 1, offsets)).toBe('ILLEGAL_GENERATION');
    expect(coordinator.commit(worldOf(sim), memberId, coordinator.generation, offsets)).toBeNull();
    expect(coordinator.committed.get('orders-0')!.offset).toBe(1);
  });
});

describe('a member whose handler hangs after it rejoined', () => {
  it('is removed session.timeout.ms after the join completed: its heartbeats carry the old generation', () => {
    // Kafka's client sends no heartbeat until it has read its JoinGroup answer (the heartbeat
    // thread waits while the member has not joined), and the coordinator restarts every session
    // timer when the join completes, so a member stuck meanwhile times out. Here the member goes
    // on heartbeating with the generation it had: ILLEGAL_GENERATION, which keeps no session
    // alive, to the same effect. email-0 rejoins at 11,738 and the join completes at 12,424.
    const sim = createSimulation(
      orderScenario({ actions: [{ atMs: 10_000, type: 'scale', service: 'email', instances: 3 }, { atMs: 12_000, type: 'hang', target: 'email-0', mode: 'handler' }] }, [
        emailService({ instances: 2 }, { 'partition.assignment.strategy': 'cooperative-sticky' }),
      ]),
      checked,
    );
    sim.runUntil(30_000);
    const completed = sim.events().find((e) => e.atMs >= 10_000 && /Rebalance of email to generation 2/.test(e.text))!;
    const removed = sim.events().find((e) => /email-0 sent no heartbeat for 10 s \(session\.timeout\.ms\) and was removed/.test(e.text));
    expect(removed?.atMs).toBe(completed.atMs + 10_000);
  });
});
