// Consumer failures: hangs, crashes, stops, poll timeouts, slow members, and what they cost.
import { describe, expect, it, vi } from 'vitest';
import { createSimulation } from '../simulation';
import { orderScenario } from '../testing/scenarios';
import { checked, emailService, eventTexts } from '../testing/groupServices';
import { ConsumerLiveness } from './consumerLiveness';
import { worldOf } from '../testing/worldOf';

describe('consumer failures', () => {
  it('a hang shorter than session.timeout.ms causes no rebalance', () => {
    const sim = createSimulation(
      orderScenario({ actions: [{ atMs: 10_000, type: 'hang', target: 'email-0' }, { atMs: 16_000, type: 'resume', target: 'email-0' }] }, [emailService()]),
      checked,
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
      checked,
    );
    sim.runUntil(25_000);
    const during = sim.summary().groups['email']!;
    expect(during.generation).toBe(2);
    expect(during.members['email-1']!.assignment).toEqual(['orders-0', 'orders-1', 'orders-2']);
    sim.runUntil(45_000);
    const log = eventTexts(sim).join('\n');
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
      checked,
    );
    sim.runUntil(24_000);
    expect(sim.summary().groups['email']!.generation).toBe(1);
    sim.runUntil(60_000);
    const log = eventTexts(sim).join('\n');
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
        checked,
      );
      const stuck = worldOf(sim).services.get('email')!.instances[0]!;
      const checksOfStuck = () => checks.mock.contexts.filter((liveness) => liveness === stuck.liveness).length;
      sim.runUntil(24_000);
      const beforeTimeout = checksOfStuck();
      sim.runUntil(39_999);
      // The check due at the deadline (~25 s) fires once; the stuck member does not poll again before 40 s.
      expect(checksOfStuck() - beforeTimeout).toBe(1);
      expect(eventTexts(sim).join('\n')).toMatch(/email-0 did not poll for 15 s \(max\.poll\.interval\.ms\), so its client sent LeaveGroup/);
    } finally {
      checks.mockRestore();
    }
  });

  it('a crash after processing but before the commit makes the next owner process those records again (at-least-once)', () => {
    const sim = createSimulation(
      orderScenario({ actions: [{ atMs: 14_000, type: 'crash', target: 'email-0' }] }, [emailService({}, { 'auto.commit.interval.ms': 5000 })]),
      checked,
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
      checked,
    );
    sim.runUntil(60_000);
    const stats = sim.summary().stats['email']!;
    expect(stats.skipped).toBeGreaterThan(0);
    expect(stats.duplicates).toBe(0);
  });

  it('a crashed member is only noticed after session.timeout.ms, then its partitions move', () => {
    const sim = createSimulation(orderScenario({ actions: [{ atMs: 10_000, type: 'crash', target: 'email-0' }] }, [emailService()]), checked);
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
      checked,
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
    const sim = createSimulation(orderScenario({ actions: [{ atMs: 10_000, type: 'stop', target: 'email-0' }] }, [emailService()]), checked);
    sim.runUntil(10_000);
    expect(eventTexts(sim).join('\n')).toMatch(/email-0 stopped gracefully and sent LeaveGroup/);
    sim.runUntil(14_000);
    expect(sim.summary().groups['email']!.members['email-1']!.assignment).toHaveLength(3);
    expect(sim.summary().stats['email']!.duplicates).toBe(0);
  });

  it('auto.offset.reset=none without a committed offset stops the member with an error event', () => {
    const sim = createSimulation(orderScenario({}, [emailService({ instances: 1 }, { 'auto.offset.reset': 'none' })]), checked);
    sim.runUntil(5000);
    expect(sim.summary().groups['email']!.members['email-0']!.status).toBe('stopped');
    expect(sim.events().some((e) => e.kind === 'error' && /auto\.offset\.reset=none/.test(e.text))).toBe(true);
  });

  it('slows a member down and reports its slow factor', () => {
    const sim = createSimulation(orderScenario({ actions: [{ atMs: 5000, type: 'slow', target: 'email-0', factor: 10 }] }, [emailService({ instances: 1, processingMs: 20 })]), checked);
    sim.runUntil(30_000);
    const summary = sim.summary();
    expect(summary.groups['email']!.members['email-0']!.slowFactor).toBe(10);
    const lag = Object.values(summary.groups['email']!.offsets).reduce((sum, o) => sum + (o.lag ?? 0), 0);
    expect(lag).toBeGreaterThan(50);
  });
});
