// The classic group protocol: generations, the initial delay, commits, late groups, resets.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import { orderScenario } from '../testing/scenarios';
import { checked, emailService } from '../testing/groupServices';

describe('group coordinator: generations and the initial delay', () => {
  it('waits group.initial.rebalance.delay.ms before the first rebalance and starts at generation 1', () => {
    const sim = createSimulation(orderScenario({}, [emailService({ instances: 1 })]), checked);
    sim.runUntil(2999);
    expect(sim.summary().groups['email']!.state).toBe('PreparingRebalance');
    sim.runUntil(3000);
    const group = sim.summary().groups['email']!;
    expect(group.state).toBe('Stable');
    expect(group.generation).toBe(1);
    expect(group.members['email-0']!.assignment).toEqual(['orders-0', 'orders-1', 'orders-2']);
  });

  it('bumps the generation once per completed rebalance, also when the group becomes Empty', () => {
    const sim = createSimulation(orderScenario({}, [emailService({ instances: 1 })]), checked);
    sim.runUntil(5000);
    expect(sim.summary().groups['email']!.generation).toBe(1);
    sim.apply({ type: 'stop', target: 'email-0' });
    sim.runUntil(5001);
    const group = sim.summary().groups['email']!;
    expect(group.state).toBe('Empty');
    expect(group.generation).toBe(2);
  });

  it('assigns with range by default (eager), in member order', () => {
    const sim = createSimulation(orderScenario({}, [emailService()]), checked);
    sim.runUntil(10_000);
    const group = sim.summary().groups['email']!;
    expect(group.protocol).toBe('range');
    expect(group.members['email-0']!.assignment).toEqual(['orders-0', 'orders-1']);
    expect(group.members['email-1']!.assignment).toEqual(['orders-2']);
  });
});

describe('committed offsets', () => {
  it('commits the next offset to read, so an idle caught-up group reaches lag 0', () => {
    const sim = createSimulation(orderScenario({ actions: [{ atMs: 10_000, type: 'pauseProducer', producer: 'checkout' }] }, [emailService()]), checked);
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
    const sim = createSimulation(orderScenario({}, [emailService()]), checked);
    sim.runUntil(1000);
    expect(sim.summary().groups['email']!.offsets['orders-0']).toEqual({ committed: null, position: null, lag: null });
  });
});

describe('late groups and auto.offset.reset', () => {
  it('a late group with earliest processes every retained record; with latest only new ones', () => {
    const late = (reset: 'earliest' | 'latest') => {
      const sim = createSimulation(
        orderScenario({ actions: [{ atMs: 20_000, type: 'addService', service: { id: 'fraud', subscribe: ['orders'], processingMs: 1, config: { 'auto.offset.reset': reset } } }] }, [emailService()]),
        checked,
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
    const sim = createSimulation(orderScenario({}, [emailService({ instances: 1 })]), checked);
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
    const sim = createSimulation(orderScenario({}, [emailService()]), checked);
    sim.runUntil(10_000);
    const result = sim.apply({ type: 'resetOffsets', group: 'email', to: 'earliest' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/only resets an Empty group/);
  });

  it('supports earliest, latest, an offset, a timestamp and a shift on an Empty group, and counts replays', () => {
    const sim = createSimulation(orderScenario({}, [emailService({ instances: 1 })]), checked);
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
