import { describe, expect, it } from 'vitest';
import { createSimulation, type Scenario, type Simulation } from '../../engine';
import { checkout } from './checkout';
import { cqrsRebuild, emailOutage, lateFraudCheck, lateFraudCheckLatest } from './storyPresets';

function withActions(scenario: Scenario, ...actions: NonNullable<Scenario['actions']>): Scenario {
  return { ...scenario, actions: [...(scenario.actions ?? []), ...actions] };
}

function records(sim: Simulation, topic: string) {
  const out = [];
  for (const p of sim.summary().topics[topic]!.partitions) out.push(...sim.readRecords(topic, p.partition, 0, 1_000_000));
  return out;
}

describe('email-outage', () => {
  const scenario = withActions(emailOutage, { atMs: 90_000, type: 'pauseProducer', producer: 'checkout' });

  it('keeps inventory and billing within 5 records of the high watermark while email is down, and everyone catches up', () => {
    const sim = createSimulation(scenario, { checkInvariants: true });
    let worstTrail = 0;
    for (let t = 4000; t <= 120_000; t += 250) {
      sim.runUntil(t);
      const summary = sim.summary();
      for (const group of ['inventory', 'billing']) {
        for (const [key, offsets] of Object.entries(summary.groups[group]!.offsets)) {
          const hw = summary.topics['orders']!.partitions[Number(key.split('-')[1])]!.highWatermark;
          if (offsets.position !== null) worstTrail = Math.max(worstTrail, hw - offsets.position);
        }
      }
    }
    expect(worstTrail).toBeLessThanOrEqual(5);
    const summary = sim.summary();
    const produced = summary.producers['checkout']!.sent;
    for (const [id, group] of Object.entries(summary.groups)) {
      for (const offsets of Object.values(group.offsets)) expect(offsets.lag, `${id} lag`).toBe(0);
      expect(summary.stats[id]!.uniqueProcessed, `${id} uniqueProcessed`).toBe(produced);
    }
    const payments = records(sim, 'payments');
    expect(payments).toHaveLength(produced);
    expect(new Set(payments.map((r) => r.key)).size).toBe(produced);
  });

  it('email resumes from its committed offset: orders after the crash get receipts only after the restart', () => {
    const sim = createSimulation(scenario);
    sim.runUntil(49_000);
    const receiptsDuringOutage = Object.keys((sim.summary().readModels['email'] as { receiptsSent: object }).receiptsSent).length;
    const placedDuringOutage = sim.summary().producers['checkout']!.sent;
    expect(receiptsDuringOutage).toBeLessThan(placedDuringOutage - 100);
    sim.runUntil(120_000);
    const receipts = (sim.summary().readModels['email'] as { receiptsSent: Record<string, number> }).receiptsSent;
    expect(Object.keys(receipts)).toHaveLength(sim.summary().producers['checkout']!.sent);
  });

  it('an idempotent email sends exactly one receipt per order; a non-idempotent one sends some twice', () => {
    const receiptsFor = (idempotent: boolean) => {
      const base = withActions(emailOutage, { atMs: 90_000, type: 'pauseProducer', producer: 'checkout' });
      const sim = createSimulation({
        ...base,
        services: base.services.map((s) => (s.id === 'email' ? { ...s, idempotent } : s)),
      });
      sim.runUntil(120_000);
      return {
        receipts: Object.values((sim.summary().readModels['email'] as { receiptsSent: Record<string, number> }).receiptsSent),
        duplicates: sim.summary().stats['email']!.duplicates,
      };
    };
    const idempotent = receiptsFor(true);
    expect(idempotent.duplicates).toBeGreaterThan(0);
    expect(idempotent.receipts.every((count) => count === 1)).toBe(true);
    const plain = receiptsFor(false);
    expect(plain.duplicates).toBeGreaterThan(0);
    expect(plain.receipts.filter((count) => count > 1).length).toBe(plain.duplicates);
  });
});

describe('late-fraud-check', () => {
  it('leaves the orders log identical with and without fraud-check', () => {
    const withFraud = createSimulation(lateFraudCheck);
    withFraud.runUntil(90_000);
    const without = createSimulation({ ...lateFraudCheck, actions: [] });
    without.runUntil(90_000);
    expect(records(withFraud, 'orders')).toEqual(records(without, 'orders'));
    const flags = (withFraud.summary().readModels['fraud-check'] as { flags: object }).flags;
    expect(Object.keys(flags).length).toBe(withFraud.summary().stats['fraud-check']!.uniqueProcessed);
    expect(withFraud.summary().stats['fraud-check']!.uniqueProcessed).toBeGreaterThan(400);
  });

  it('starting from latest, fraud-check sees only orders placed after it joined', () => {
    const sim = createSimulation(lateFraudCheckLatest);
    sim.runUntil(60_000);
    const before = sim.summary().producers['checkout']!.sent;
    sim.runUntil(90_000);
    const stats = sim.summary().stats['fraud-check']!;
    expect(stats.uniqueProcessed).toBeLessThanOrEqual(sim.summary().producers['checkout']!.sent - before);
    expect(stats.uniqueProcessed).toBeGreaterThan(100);
  });
});

describe('cqrs-rebuild', () => {
  it('rebuilds a read model equal to the one built live; replayed counts the replay, duplicates do not', () => {
    const pause = { atMs: 60_000, type: 'pauseProducer' as const, producer: 'checkout' };
    const rebuilt = createSimulation(withActions(cqrsRebuild, pause), { checkInvariants: true });
    rebuilt.runUntil(80_000);
    const live = createSimulation(withActions(checkout, pause));
    live.runUntil(80_000);
    expect(rebuilt.summary().readModels['inventory']).toEqual(live.summary().readModels['inventory']);
    const stats = rebuilt.summary().stats['inventory']!;
    expect(stats.replayed).toBeGreaterThan(100);
    expect(stats.duplicates).toBe(0);
    expect(rebuilt.events().some((e) => /read model is cleared and will be rebuilt/.test(e.text))).toBe(true);
  });
});
