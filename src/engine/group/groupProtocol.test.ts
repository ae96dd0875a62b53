import { describe, expect, it, vi } from 'vitest';
import { createSimulation } from '../simulation';
import { orderScenario } from '../testing/scenarios';
import type { ServiceSpec, TimedCommand } from '../scenario';
import { ConsumerLiveness } from './consumerLiveness';

const opts = { checkInvariants: true };

function emailService(extra: Partial<ServiceSpec> = {}, config: ServiceSpec['config'] = {}): ServiceSpec {
  return {
    id: 'email',
    subscribe: ['orders'],
    instances: 2,
    processingMs: 5,
    ...extra,
    config: { 'auto.offset.reset': 'earliest', 'session.timeout.ms': 10_000, ...config },
  };
}

function texts(sim: ReturnType<typeof createSimulation>): string[] {
  return sim.events().map((e) => `${e.atMs} ${e.text}`);
}

describe('group coordinator: generations and the initial delay', () => {
  it('waits group.initial.rebalance.delay.ms before the first rebalance and starts at generation 1', () => {
    const sim = createSimulation(orderScenario({}, [emailService({ instances: 1 })]), opts);
    sim.runUntil(2999);
    expect(sim.summary().groups['email']!.state).toBe('PreparingRebalance');
    sim.runUntil(3000);
    const group = sim.summary().groups['email']!;
    expect(group.state).toBe('Stable');
    expect(group.generation).toBe(1);
    expect(group.members['email-0']!.assignment).toEqual(['orders-0', 'orders-1', 'orders-2']);
  });

  it('bumps the generation once per completed rebalance, also when the group becomes Empty', () => {
    const sim = createSimulation(orderScenario({}, [emailService({ instances: 1 })]), opts);
    sim.runUntil(5000);
    expect(sim.summary().groups['email']!.generation).toBe(1);
    sim.apply({ type: 'stop', target: 'email-0' });
    sim.runUntil(5001);
    const group = sim.summary().groups['email']!;
    expect(group.state).toBe('Empty');
    expect(group.generation).toBe(2);
  });

  it('assigns with range by default (eager), in member order', () => {
    const sim = createSimulation(orderScenario({}, [emailService()]), opts);
    sim.runUntil(10_000);
    const group = sim.summary().groups['email']!;
    expect(group.protocol).toBe('range');
    expect(group.members['email-0']!.assignment).toEqual(['orders-0', 'orders-1']);
    expect(group.members['email-1']!.assignment).toEqual(['orders-2']);
  });
});

describe('committed offsets', () => {
  it('commits the next offset to read, so an idle caught-up group reaches lag 0', () => {
    const sim = createSimulation(orderScenario({ actions: [{ atMs: 10_000, type: 'pauseProducer', producer: 'checkout' }] }, [emailService()]), opts);
    sim.runUntil(30_000);
    const summary = sim.summary();
    for (const [key, offset] of Object.entries(summary.groups['email']!.offsets)) {
      const partition = Number(key.split('-')[1]);
      const hw = summary.topics['orders']!.partitions[partition]!.highWatermark;
      expect(offset.committed).toBe(hw);
      expect(offset.lag).toBe(0);
    }
  });

  it('shows committed and lag as null before the first commit', () => {
    const sim = createSimulation(orderScenario({}, [emailService()]), opts);
    sim.runUntil(1000);
    expect(sim.summary().groups['email']!.offsets['orders-0']).toEqual({ committed: null, position: null, lag: null });
  });
});

describe('consumer failures', () => {
  it('a hang shorter than session.timeout.ms causes no rebalance', () => {
    const sim = createSimulation(
      orderScenario({ actions: [{ atMs: 10_000, type: 'hang', target: 'email-0' }, { atMs: 16_000, type: 'resume', target: 'email-0' }] }, [emailService()]),
      opts,
    );
    sim.runUntil(40_000);
    const group = sim.summary().groups['email']!;
    expect(group.generation).toBe(1);
    expect(group.members['email-0']!.status).toBe('running');
    expect(sim.summary().stats['email']!.duplicates).toBe(0);
  });

  it('a hang longer than session.timeout.ms removes the member, moves its partitions, and its late commit fails', () => {
    const sim = createSimulation(
      orderScenario({ actions: [{ atMs: 10_000, type: 'hang', target: 'email-0' }, { atMs: 30_000, type: 'resume', target: 'email-0' }] }, [emailService()]),
      opts,
    );
    sim.runUntil(25_000);
    const during = sim.summary().groups['email']!;
    expect(during.generation).toBe(2);
    expect(during.members['email-1']!.assignment).toEqual(['orders-0', 'orders-1', 'orders-2']);
    sim.runUntil(45_000);
    const log = texts(sim).join('\n');
    expect(log).toMatch(/email-0 sent no heartbeat for 10 s \(session\.timeout\.ms\) and was removed/);
    expect(log).toMatch(/email-0's commit .* failed: it is no longer a member/);
    expect(sim.summary().groups['email']!.generation).toBeGreaterThanOrEqual(3);
  });

  it('a handler stuck past max.poll.interval.ms is evicted; its commit fails and its records are processed again (duplicates)', () => {
    const sim = createSimulation(
      orderScenario(
        { actions: [{ atMs: 10_000, type: 'hang', target: 'email-0', mode: 'handler' }, { atMs: 40_000, type: 'resume', target: 'email-0' }] },
        [emailService({ commit: 'after-processing' }, { 'max.poll.interval.ms': 15_000, 'max.poll.records': 50 })],
      ),
      opts,
    );
    sim.runUntil(24_000);
    expect(sim.summary().groups['email']!.generation).toBe(1);
    sim.runUntil(60_000);
    const log = texts(sim).join('\n');
    expect(log).toMatch(/email-0 did not poll for 15 s \(max\.poll\.interval\.ms\), so its client sent LeaveGroup/);
    expect(log).toMatch(/email-0's commit \(after processing\) .* failed/);
    expect(sim.summary().stats['email']!.duplicates).toBeGreaterThan(0);
  });

  it('after max.poll.interval.ms passes, the poll timer is checked again only once the member polls, not every millisecond', () => {
    const checks = vi.spyOn(ConsumerLiveness.prototype, 'onPollTimerCheck');
    try {
      const sim = createSimulation(
        orderScenario(
          { actions: [{ atMs: 10_000, type: 'hang', target: 'email-0', mode: 'handler' }, { atMs: 40_000, type: 'resume', target: 'email-0' }] },
          [emailService({}, { 'session.timeout.ms': 30_000, 'max.poll.interval.ms': 15_000 })],
        ),
        opts,
      );
      const stuck = sim.world.services.get('email')!.instances[0]!;
      const checksOfStuck = () => checks.mock.contexts.filter((instance) => instance === stuck).length;
      sim.runUntil(24_000);
      const beforeTimeout = checksOfStuck();
      sim.runUntil(39_999);
      // The check due at the deadline (~25 s) fires once; the stuck member does not poll again before 40 s.
      expect(checksOfStuck() - beforeTimeout).toBe(1);
      expect(texts(sim).join('\n')).toMatch(/email-0 did not poll for 15 s \(max\.poll\.interval\.ms\), so its client sent LeaveGroup/);
    } finally {
      checks.mockRestore();
    }
  });

  it('a crash after processing but before the commit makes the next owner process those records again (at-least-once)', () => {
    const sim = createSimulation(
      orderScenario({ actions: [{ atMs: 14_000, type: 'crash', target: 'email-0' }] }, [emailService({}, { 'auto.commit.interval.ms': 5000 })]),
      opts,
    );
    sim.runUntil(60_000);
    const stats = sim.summary().stats['email']!;
    expect(stats.duplicates).toBeGreaterThan(0);
    expect(stats.skipped).toBe(0);
  });

  it('commit before processing plus a crash loses the rest of the batch (at-most-once: skipped)', () => {
    const sim = createSimulation(
      orderScenario(
        { actions: [{ atMs: 10_000, type: 'burst', producer: 'checkout', count: 200 }, { atMs: 10_500, type: 'crash', target: 'email-0' }] },
        [emailService({ commit: 'before-processing', processingMs: 20 })],
      ),
      opts,
    );
    sim.runUntil(60_000);
    const stats = sim.summary().stats['email']!;
    expect(stats.skipped).toBeGreaterThan(0);
    expect(stats.duplicates).toBe(0);
  });

  it('a crashed member is only noticed after session.timeout.ms, then its partitions move', () => {
    const sim = createSimulation(orderScenario({ actions: [{ atMs: 10_000, type: 'crash', target: 'email-0' }] }, [emailService()]), opts);
    sim.runUntil(17_000);
    expect(sim.summary().groups['email']!.generation).toBe(1);
    sim.runUntil(25_000);
    const group = sim.summary().groups['email']!;
    expect(group.generation).toBe(2);
    expect(group.members['email-0']!.status).toBe('crashed');
    expect(group.members['email-1']!.assignment).toHaveLength(3);
  });

  it('a restarted consumer resumes from the committed offsets and says so', () => {
    const sim = createSimulation(
      orderScenario({ actions: [{ atMs: 10_000, type: 'crash', target: 'email-0' }, { atMs: 30_000, type: 'start', target: 'email-0' }] }, [emailService({ instances: 1 })]),
      opts,
    );
    sim.runUntil(29_999);
    const committed = sim.summary().groups['email']!.offsets;
    sim.runUntil(40_000);
    const resumed = sim.events().filter((e) => e.entity === 'email-0' && e.text.includes('resumes'));
    expect(resumed).toHaveLength(1);
    const expected = ['orders-0', 'orders-1', 'orders-2'].map((key) => `${key} at ${committed[key]!.committed}`).join(', ');
    expect(resumed[0]!.text).toBe(`email-0 resumes ${expected}: the group's committed offsets (the next offset to read).`);
    expect(resumed[0]!.atMs).toBeGreaterThanOrEqual(30_000);
    // The group was Empty in between: the restarted member gets its partitions, it keeps nothing.
    const rejoin = sim.events().filter((e) => e.kind === 'rebalance' && e.text.startsWith('Rebalance of email to generation 3'));
    expect(rejoin.map((e) => e.text)).toEqual([expect.stringContaining('email-0 gets orders-0, orders-1, orders-2.')]);
  });

  it('a graceful stop sends LeaveGroup and the group rebalances at once', () => {
    const sim = createSimulation(orderScenario({ actions: [{ atMs: 10_000, type: 'stop', target: 'email-0' }] }, [emailService()]), opts);
    sim.runUntil(10_000);
    expect(texts(sim).join('\n')).toMatch(/email-0 stopped gracefully and sent LeaveGroup/);
    sim.runUntil(14_000);
    expect(sim.summary().groups['email']!.members['email-1']!.assignment).toHaveLength(3);
    expect(sim.summary().stats['email']!.duplicates).toBe(0);
  });

  it('auto.offset.reset=none without a committed offset stops the member with an error event', () => {
    const sim = createSimulation(orderScenario({}, [emailService({ instances: 1 }, { 'auto.offset.reset': 'none' })]), opts);
    sim.runUntil(5000);
    expect(sim.summary().groups['email']!.members['email-0']!.status).toBe('stopped');
    expect(sim.events().some((e) => e.kind === 'error' && /auto\.offset\.reset=none/.test(e.text))).toBe(true);
  });

  it('slows a member down and reports its slow factor', () => {
    const sim = createSimulation(orderScenario({ actions: [{ atMs: 5000, type: 'slow', target: 'email-0', factor: 10 }] }, [emailService({ instances: 1, processingMs: 20 })]), opts);
    sim.runUntil(30_000);
    const summary = sim.summary();
    expect(summary.groups['email']!.members['email-0']!.slowFactor).toBe(10);
    const lag = Object.values(summary.groups['email']!.offsets).reduce((sum, o) => sum + (o.lag ?? 0), 0);
    expect(lag).toBeGreaterThan(50);
  });
});

describe('eager vs cooperative rebalancing', () => {
  function consumedDuringRebalance(strategy: 'range' | 'cooperative-sticky'): { kept: number; joined: boolean } {
    const sim = createSimulation(
      orderScenario({}, [emailService({ instances: 2, processingMs: 1 }, { 'partition.assignment.strategy': strategy, 'heartbeat.interval.ms': 3000 })]),
      opts,
    );
    sim.runUntil(20_000);
    sim.apply({ type: 'scale', service: 'email', instances: 3 });
    // Sample while the coordinator is rebalancing: which members still process records?
    const before = sim.summary().stats['email']!.processed;
    let kept = 0;
    let sawRebalance = false;
    for (let t = 20_100; t < 24_000; t += 100) {
      sim.runUntil(t);
      const state = sim.summary().groups['email']!.state;
      if (state !== 'Stable') sawRebalance = true;
      const now = sim.summary().stats['email']!.processed;
      if (state === 'PreparingRebalance' && now > before) kept = now - before;
    }
    return { kept, joined: sawRebalance };
  }

  it('with cooperative-sticky, members keep consuming unaffected partitions during the rebalance', () => {
    const result = consumedDuringRebalance('cooperative-sticky');
    expect(result.joined).toBe(true);
    expect(result.kept).toBeGreaterThan(0);
  });

  it('with eager range, a member that rejoins stops consuming all its partitions until the new assignment', () => {
    const sim = createSimulation(orderScenario({}, [emailService({ instances: 2, processingMs: 1 })]), opts);
    sim.runUntil(20_000);
    sim.apply({ type: 'scale', service: 'email', instances: 3 });
    let unownedSamples = 0;
    for (let t = 20_050; t < 26_000; t += 50) {
      sim.runUntil(t);
      const group = sim.summary().groups['email']!;
      if (group.state !== 'PreparingRebalance') continue;
      unownedSamples += Object.values(group.offsets).filter((o) => o.position === null).length;
    }
    expect(unownedSamples).toBeGreaterThan(0);
    expect(sim.events().some((e) => /email-\d revokes all its partitions \(eager rebalance\)/.test(e.text))).toBe(true);
  });

  it('with cooperative-sticky, no partition stops being consumed while the members rejoin', () => {
    const sim = createSimulation(
      orderScenario({}, [emailService({ instances: 2, processingMs: 1 }, { 'partition.assignment.strategy': 'cooperative-sticky' })]),
      opts,
    );
    sim.runUntil(20_000);
    sim.apply({ type: 'scale', service: 'email', instances: 3 });
    let preparingSamples = 0;
    for (let t = 20_050; t < 26_000; t += 50) {
      sim.runUntil(t);
      const group = sim.summary().groups['email']!;
      if (group.state !== 'PreparingRebalance' || group.generation !== 1) continue;
      preparingSamples++;
      expect(Object.values(group.offsets).every((o) => o.position !== null)).toBe(true);
    }
    expect(preparingSamples).toBeGreaterThan(0);
  });

  it('cooperative: a revoked partition is not committed after SyncGroup, so its new owner processes again what was consumed since JoinGroup', () => {
    // Kafka auto-commits in onJoinPrepare (before JoinGroup) only; onJoinComplete just revokes.
    const sim = createSimulation(
      orderScenario({ actions: [{ atMs: 20_000, type: 'scale', service: 'email', instances: 3 }] }, [
        emailService({ instances: 2, processingMs: 20 }, { 'partition.assignment.strategy': 'cooperative-sticky' }),
      ]),
      opts,
    );
    sim.runUntil(40_000);
    const revoke = sim.events().find((e) => /revokes orders-\d without committing/.test(e.text))!;
    const moved = /revokes (orders-(\d))/.exec(revoke.text)!;
    const resume = sim.events().find((e) => e.atMs >= revoke.atMs && new RegExp(`resumes ${moved[1]} at \\d+`).test(e.text))!;
    const resumedAt = Number(new RegExp(`${moved[1]} at (\\d+)`).exec(resume.text)![1]);
    // The record at the offset the new owner resumed from had already been processed by the old owner.
    const deliveries = sim.recordDeliveries('orders', Number(moved[2]), resumedAt).find((d) => d.service === 'email')!;
    expect(deliveries.times).toBe(2);
    expect(sim.summary().stats['email']!.duplicates).toBeGreaterThan(0);
  });

  it('cooperative rebalancing hands a moved partition over in a follow-up rebalance', () => {
    const sim = createSimulation(
      orderScenario({}, [emailService({ instances: 2 }, { 'partition.assignment.strategy': 'cooperative-sticky' })]),
      opts,
    );
    sim.runUntil(20_000);
    const generationBefore = sim.summary().groups['email']!.generation;
    sim.apply({ type: 'scale', service: 'email', instances: 3 });
    sim.runUntil(40_000);
    const group = sim.summary().groups['email']!;
    expect(group.generation).toBe(generationBefore + 2);
    for (const member of Object.values(group.members)) expect(member.assignment).toHaveLength(1);
    expect(sim.events().some((e) => /revokes .* and rejoins so they can move \(cooperative\)/.test(e.text))).toBe(true);
  });
});

describe('static membership', () => {
  it('a static member stuck past max.poll.interval.ms sends no LeaveGroup, resets its member id, and takes its old place back without a rebalance', () => {
    const sim = createSimulation(
      orderScenario(
        { actions: [{ atMs: 10_000, type: 'hang', target: 'email-0', mode: 'handler' }, { atMs: 30_000, type: 'resume', target: 'email-0' }] },
        [emailService({}, { 'group.instance.id': 'e', 'session.timeout.ms': 30_000, 'max.poll.interval.ms': 15_000 })],
      ),
      opts,
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
    const log = texts(sim).join('\n');
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
      opts,
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
    for (const member of sim.world.services.get('email')!.group.orderedMembers()) {
      out[member.instance.name] = member.assignment.map((tp) => `${tp.topic}-${tp.partition}`);
    }
    return out;
  }

  it('removes a dynamic member when the rebalance timeout passes', () => {
    const sim = createSimulation(frozenMemberScenario({ 'session.timeout.ms': 60_000 }), opts);
    sim.runUntil(27_000);
    const group = sim.summary().groups['email']!;
    expect(group.generation).toBe(2);
    expect(Object.keys(coordinatorView(sim))).toEqual(['email-1', 'email-2']);
    expect(texts(sim).join('\n')).toMatch(/email-0 did not rejoin within the rebalance timeout \(max\.poll\.interval\.ms 15 s\) and was removed/);
  });

  it('keeps a static member, with its partitions, in the new generation when the rebalance timeout passes', () => {
    const sim = createSimulation(frozenMemberScenario({ 'group.instance.id': 'e', 'session.timeout.ms': 60_000 }), opts);
    sim.runUntil(27_000);
    expect(sim.summary().groups['email']!.generation).toBe(2);
    const view = coordinatorView(sim);
    expect(Object.keys(view)).toEqual(['email-0', 'email-1', 'email-2']);
    // Range orders static members by instance id: e-0 still gets the first partition, which waits for it.
    expect(view['email-0']).toEqual(['orders-0']);
    expect([...view['email-1']!, ...view['email-2']!]).not.toContain('orders-0');
    expect(texts(sim).join('\n')).toMatch(/email-0 \(static member e-0\) did not rejoin, but keeps its place in generation 2/);
  });

  it('waits another rebalance timeout when no member rejoined and only static members are left', () => {
    // A lone static member freezes; adding a partition starts a rebalance nobody answers.
    const sim = createSimulation(
      orderScenario(
        {
          actions: [
            { atMs: 10_000, type: 'hang', target: 'email-0' },
            { atMs: 12_000, type: 'addPartitions', topic: 'orders', partitions: 4 },
            { atMs: 30_000, type: 'resume', target: 'email-0' },
          ],
        },
        [emailService({ instances: 1 }, { 'group.instance.id': 'e', 'session.timeout.ms': 60_000, 'max.poll.interval.ms': 15_000 })],
      ),
      opts,
    );
    sim.runUntil(29_999);
    expect(sim.summary().groups['email']!.state).toBe('PreparingRebalance');
    expect(Object.keys(coordinatorView(sim))).toEqual(['email-0']);
    expect(texts(sim).join('\n')).toMatch(/27000 No member of email rejoined within the rebalance timeout; its static members keep their places/);
    sim.runUntil(30_000);
    const group = sim.summary().groups['email']!;
    expect(group.generation).toBe(2);
    expect(coordinatorView(sim)).toEqual({ 'email-0': ['orders-0', 'orders-1', 'orders-2', 'orders-3'] });
  });

  it('removes a static member that sent no SyncGroup one rebalance timeout after the join completed, and rebalances', () => {
    // session.timeout.ms 20 s: counted from email-0's last heartbeat (~10 s) it would expire at
    // ~30 s, but completing the join at 27 s restarts it, so the pending SyncGroup expires first (42 s).
    const sim = createSimulation(frozenMemberScenario({ 'group.instance.id': 'e', 'session.timeout.ms': 20_000 }), opts);
    sim.runUntil(41_999);
    expect(Object.keys(coordinatorView(sim))).toEqual(['email-0', 'email-1', 'email-2']);
    sim.runUntil(42_000);
    expect(Object.keys(coordinatorView(sim))).toEqual(['email-1', 'email-2']);
    expect(texts(sim).join('\n')).toMatch(/42000 email-0 sent no SyncGroup for generation 2 within the rebalance timeout \(15 s\) and was removed/);
    sim.runUntil(60_000);
    expect(sim.summary().groups['email']!.generation).toBe(3);
    expect(Object.values(coordinatorView(sim)).flat().sort()).toEqual(['orders-0', 'orders-1', 'orders-2']);
  });

  it('still rebalances at that deadline when the static member came back before it under a new member id, as Kafka does', () => {
    // Kafka's coordinator keeps waiting for a SyncGroup from the member id the returning static
    // member replaced (ClassicGroup.replaceStaticMember does not touch pendingSyncMembers).
    const sim = createSimulation(frozenMemberScenario({ 'group.instance.id': 'e', 'session.timeout.ms': 60_000 }, 40_000), opts);
    sim.runUntil(41_999);
    expect(sim.summary().groups['email']!.generation).toBe(2);
    expect(texts(sim).join('\n')).toMatch(/email-0 \(static member e-0\) came back as email-0-2 and keeps its partitions \[orders-0\]: no rebalance/);
    sim.runUntil(60_000);
    expect(sim.summary().groups['email']!.generation).toBe(3);
    expect(texts(sim).join('\n')).toMatch(/email-0-1 is the old id of a static member that came back under a new one/);
  });
});

describe('late groups and auto.offset.reset', () => {
  it('a late group with earliest processes every retained record; with latest only new ones', () => {
    const late = (reset: 'earliest' | 'latest') => {
      const sim = createSimulation(
        orderScenario({ actions: [{ atMs: 20_000, type: 'addService', service: { id: 'fraud', subscribe: ['orders'], processingMs: 1, config: { 'auto.offset.reset': reset } } }] }, [emailService()]),
        opts,
      );
      sim.runUntil(20_000);
      const producedBefore = sim.summary().producers['checkout']!.sent;
      sim.runUntil(40_000);
      return { producedBefore, stats: sim.summary().stats['fraud']!, produced: sim.summary().producers['checkout']!.sent };
    };
    const earliest = late('earliest');
    expect(earliest.stats.uniqueProcessed).toBeGreaterThanOrEqual(earliest.produced - 5);
    const latest = late('latest');
    expect(latest.stats.uniqueProcessed).toBeLessThanOrEqual(latest.produced - latest.producedBefore);
    expect(latest.stats.skipped).toBe(0);
  });
});

describe('resetOffsets', () => {
  it('refuses a shift when a partition has no committed offset, naming it, and resets nothing', () => {
    // The group stops (Empty) after committing orders-0..2; orders-3 is added later and has no commit.
    const sim = createSimulation(orderScenario({}, [emailService({ instances: 1 })]), opts);
    sim.runUntil(20_000);
    sim.apply({ type: 'stop', target: 'email-0' });
    sim.runUntil(20_001);
    expect(sim.apply({ type: 'addPartitions', topic: 'orders', partitions: 4 }).ok).toBe(true);
    const before = sim.summary().groups['email']!.offsets;
    expect(before['orders-0']!.committed).not.toBeNull();
    expect(before['orders-3']!.committed).toBeNull();
    const result = sim.apply({ type: 'resetOffsets', group: 'email', to: { shiftBy: -1 } });
    expect(result).toEqual({ ok: false, error: 'resetOffsets: cannot shift offset for partition orders-3 since there is no current committed offset' });
    expect(sim.summary().groups['email']!.offsets).toEqual(before);
  });

  it('is refused while the group has members, as Kafka refuses an active group', () => {
    const sim = createSimulation(orderScenario({}, [emailService()]), opts);
    sim.runUntil(10_000);
    const result = sim.apply({ type: 'resetOffsets', group: 'email', to: 'earliest' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/only resets an Empty group/);
  });

  it('supports earliest, latest, an offset, a timestamp and a shift on an Empty group, and counts replays', () => {
    const sim = createSimulation(orderScenario({}, [emailService({ instances: 1 })]), opts);
    sim.runUntil(20_000);
    sim.apply({ type: 'stop', target: 'email-0' });
    sim.runUntil(20_001);
    const hw = sim.summary().topics['orders']!.partitions.map((p) => p.highWatermark);
    const committedOf = () => Object.values(sim.summary().groups['email']!.offsets).map((o) => o.committed);
    expect(sim.apply({ type: 'resetOffsets', group: 'email', to: 'latest' }).ok).toBe(true);
    expect(committedOf()).toEqual(hw);
    sim.apply({ type: 'resetOffsets', group: 'email', to: { offset: 3 } });
    expect(committedOf()).toEqual([3, 3, 3]);
    sim.apply({ type: 'resetOffsets', group: 'email', to: { shiftBy: 2 } });
    expect(committedOf()).toEqual([5, 5, 5]);
    sim.apply({ type: 'resetOffsets', group: 'email', to: { timestampMs: 0 } });
    expect(committedOf()).toEqual([0, 0, 0]);
    sim.apply({ type: 'resetOffsets', group: 'email', to: 'earliest' });
    sim.apply({ type: 'start', target: 'email-0' });
    sim.runUntil(40_000);
    const stats = sim.summary().stats['email']!;
    expect(stats.replayed).toBeGreaterThan(0);
    expect(stats.duplicates).toBe(0);
  });
});
