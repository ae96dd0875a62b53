// Static membership (group.instance.id) and members that do not rejoin within the rebalance timeout.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import { orderScenario } from '../testing/scenarios';
import { checked, emailService, eventTexts } from '../testing/groupServices';
import type { ServiceSpec, TimedCommand } from '../scenario';
import { worldOf } from '../testing/worldOf';
import { orderedMembers } from './groupMetadata';

describe('static membership', () => {
  it('a static member stuck past max.poll.interval.ms sends no LeaveGroup, resets its member id, and takes its old place back without a rebalance', () => {
    const sim = createSimulation(
      orderScenario(
        { actions: [{ atMs: 10_000, type: 'hang', target: 'email-0', mode: 'handler' }, { atMs: 30_000, type: 'resume', target: 'email-0' }] },
        [emailService({}, { 'group.instance.id': 'e', 'session.timeout.ms': 30_000, 'max.poll.interval.ms': 15_000 })],
      ),
      checked,
    );
    sim.runUntil(9000);
    const before = sim.summary().groups['email']!;
    sim.runUntil(29_999);
    const stuck = sim.summary().groups['email']!;
    expect(stuck.members['email-0']!.memberId).toBeNull();
    expect(stuck.generation).toBe(before.generation);
    sim.runUntil(60_000);
    const after = sim.summary().groups['email']!;
    expect(after.generation).toBe(before.generation);
    expect(after.members['email-0']!.memberId).not.toBe(before.members['email-0']!.memberId);
    expect(after.members['email-0']!.assignment).toEqual(before.members['email-0']!.assignment);
    const log = eventTexts(sim).join('\n');
    expect(log).not.toMatch(/sent LeaveGroup/);
    expect(log).toMatch(/email-0 \(static member e-0\) came back as email-0-2 and keeps its partitions \[orders-0, orders-1\]: no rebalance/);
    // One explanation for the timeout, not one per millisecond until the member resumes.
    expect(sim.events().filter((e) => e.text.includes('did not poll for 15 s'))).toHaveLength(1);
  });

  it('a rolling restart within session.timeout.ms causes no rebalance and keeps assignments', () => {
    const sim = createSimulation(
      orderScenario(
        {
          actions: [
            { atMs: 10_000, type: 'stop', target: 'email-0' },
            { atMs: 12_000, type: 'start', target: 'email-0' },
            { atMs: 20_000, type: 'stop', target: 'email-1' },
            { atMs: 22_000, type: 'start', target: 'email-1' },
          ],
        },
        [emailService({}, { 'group.instance.id': 'email-static', 'session.timeout.ms': 30_000 })],
      ),
      checked,
    );
    sim.runUntil(9000);
    const before = sim.summary().groups['email']!;
    sim.runUntil(40_000);
    const after = sim.summary().groups['email']!;
    expect(after.generation).toBe(before.generation);
    expect(after.members['email-0']!.assignment).toEqual(before.members['email-0']!.assignment);
    expect(after.members['email-1']!.assignment).toEqual(before.members['email-1']!.assignment);
    expect(after.members['email-0']!.memberId).not.toBe(before.members['email-0']!.memberId);
  });
});

describe('members that do not rejoin within the rebalance timeout', () => {
  // email-0 freezes at 10 s; a third instance joins at 12 s, so the coordinator waits for
  // email-0 until the rebalance timeout (max.poll.interval.ms 15 s) passes at 27 s.
  function frozenMemberScenario(config: ServiceSpec['config'], resumeAtMs?: number) {
    const actions: TimedCommand[] = [
      { atMs: 10_000, type: 'hang', target: 'email-0' },
      { atMs: 12_000, type: 'scale', service: 'email', instances: 3 },
    ];
    if (resumeAtMs !== undefined) actions.push({ atMs: resumeAtMs, type: 'resume', target: 'email-0' });
    return orderScenario({ actions }, [emailService({}, { 'max.poll.interval.ms': 15_000, ...config })]);
  }

  function coordinatorView(sim: ReturnType<typeof createSimulation>): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const member of orderedMembers(worldOf(sim).services.get('email')!.group.metadata)) {
      out[member.instance.name] = member.assignment.map((tp) => `${tp.topic}-${tp.partition}`);
    }
    return out;
  }

  it('removes a dynamic member when the rebalance timeout passes', () => {
    const sim = createSimulation(frozenMemberScenario({ 'session.timeout.ms': 60_000 }), checked);
    sim.runUntil(27_000);
    const group = sim.summary().groups['email']!;
    expect(group.generation).toBe(2);
    expect(Object.keys(coordinatorView(sim))).toEqual(['email-1', 'email-2']);
    expect(eventTexts(sim).join('\n')).toMatch(/email-0 did not rejoin within the rebalance timeout \(max\.poll\.interval\.ms 15 s\) and was removed/);
  });

  it('keeps a static member, with its partitions, in the new generation when the rebalance timeout passes', () => {
    const sim = createSimulation(frozenMemberScenario({ 'group.instance.id': 'e', 'session.timeout.ms': 60_000 }), checked);
    sim.runUntil(27_000);
    expect(sim.summary().groups['email']!.generation).toBe(2);
    const view = coordinatorView(sim);
    expect(Object.keys(view)).toEqual(['email-0', 'email-1', 'email-2']);
    // Range orders static members by instance id: e-0 still gets the first partition, which waits for it.
    expect(view['email-0']).toEqual(['orders-0']);
    expect([...view['email-1']!, ...view['email-2']!]).not.toContain('orders-0');
    expect(eventTexts(sim).join('\n')).toMatch(/email-0 \(static member e-0\) did not rejoin, but keeps its place in generation 2/);
  });

  it('waits another rebalance timeout when no member rejoined and only static members are left', () => {
    // Two static members: email-1 stops at 5 s (no LeaveGroup), email-0's handler is stuck from
    // 50 s. email-1's session expiry at 66 s starts a rebalance nobody answers: email-0 cannot
    // poll, and its session holds until 125 s (its heartbeats stop only at its poll timeout).
    const sim = createSimulation(
      orderScenario(
        {
          actions: [
            { atMs: 5_000, type: 'stop', target: 'email-1' },
            { atMs: 50_000, type: 'hang', target: 'email-0', mode: 'handler' },
            { atMs: 90_000, type: 'resume', target: 'email-0' },
          ],
        },
        [emailService({ instances: 2 }, { 'group.instance.id': 'e', 'session.timeout.ms': 60_000, 'max.poll.interval.ms': 15_000 })],
      ),
      checked,
    );
    sim.runUntil(89_999);
    expect(sim.summary().groups['email']!.state).toBe('PreparingRebalance');
    expect(Object.keys(coordinatorView(sim))).toEqual(['email-0']);
    const log = eventTexts(sim).join('\n');
    expect(log).toMatch(/66000 email-1 sent no heartbeat for 60 s \(session\.timeout\.ms\) and was removed/);
    expect(log).toMatch(/81000 No member of email rejoined within the rebalance timeout; its static members keep their places/);
    sim.runUntil(90_100);
    const group = sim.summary().groups['email']!;
    expect(group.generation).toBe(2);
    expect(coordinatorView(sim)).toEqual({ 'email-0': ['orders-0', 'orders-1', 'orders-2'] });
  });

  it('removes a static member that sent no SyncGroup one rebalance timeout after the join completed, and rebalances', () => {
    // session.timeout.ms 20 s: counted from email-0's last heartbeat (~10 s) it would expire at
    // ~30 s, but completing the join at 27 s restarts it, so the pending SyncGroup expires first (42 s).
    const sim = createSimulation(frozenMemberScenario({ 'group.instance.id': 'e', 'session.timeout.ms': 20_000 }), checked);
    sim.runUntil(41_999);
    expect(Object.keys(coordinatorView(sim))).toEqual(['email-0', 'email-1', 'email-2']);
    sim.runUntil(42_000);
    expect(Object.keys(coordinatorView(sim))).toEqual(['email-1', 'email-2']);
    expect(eventTexts(sim).join('\n')).toMatch(/42000 email-0 sent no SyncGroup for generation 2 within the rebalance timeout \(15 s\) and was removed/);
    sim.runUntil(60_000);
    expect(sim.summary().groups['email']!.generation).toBe(3);
    expect(Object.values(coordinatorView(sim)).flat().sort()).toEqual(['orders-0', 'orders-1', 'orders-2']);
  });

  it('still rebalances at that deadline when the static member came back before it under a new member id, as Kafka does', () => {
    // Kafka's coordinator keeps waiting for a SyncGroup from the member id the returning static
    // member replaced (ClassicGroup.replaceStaticMember does not touch pendingSyncMembers).
    const sim = createSimulation(frozenMemberScenario({ 'group.instance.id': 'e', 'session.timeout.ms': 60_000 }, 40_000), checked);
    sim.runUntil(41_999);
    expect(sim.summary().groups['email']!.generation).toBe(2);
    expect(eventTexts(sim).join('\n')).toMatch(/email-0 \(static member e-0\) came back as email-0-2 and keeps its partitions \[orders-0\]: no rebalance/);
    sim.runUntil(60_000);
    expect(sim.summary().groups['email']!.generation).toBe(3);
    expect(eventTexts(sim).join('\n')).toMatch(/email-0-1 is the old id of a static member that came back under a new one/);
  });
});
