// Eager versus cooperative rebalancing, by Kafka's rule over the configured assignors.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import { orderScenario } from '../testing/scenarios';
import { checked, emailService } from '../testing/groupServices';

describe('eager vs cooperative rebalancing', () => {
  function consumedDuringRebalance(strategy: 'range' | 'cooperative-sticky'): { kept: number; joined: boolean } {
    const sim = createSimulation(
      orderScenario({}, [emailService({ instances: 2, processingMs: 1 }, { 'partition.assignment.strategy': strategy, 'heartbeat.interval.ms': 3000 })]),
      checked,
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
    const sim = createSimulation(orderScenario({}, [emailService({ instances: 2, processingMs: 1 })]), checked);
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
      checked,
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
      checked,
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
      checked,
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
