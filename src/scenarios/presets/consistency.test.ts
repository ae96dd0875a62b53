import { describe, expect, it } from 'vitest';
import { createSimulation, type Scenario } from '../../engine';
import { emailOutage } from './storyPresets';
import { worldOf } from '../../engine/testing/worldOf';

const scenario: Scenario = {
  ...emailOutage,
  actions: [...emailOutage.actions!, { atMs: 90_000, type: 'pauseProducer', producer: 'checkout' }],
};

describe('eventual consistency in email-outage', () => {
  it('names the order that waited longest: still waiting for email during the outage, applied after it', () => {
    const sim = createSimulation(scenario);
    sim.runUntil(40_000);
    const during = sim.longestWait()!;
    expect(during).toMatchObject({ service: 'email', pending: true });
    // The oldest order email has not seen was placed around the crash at 20 s.
    const placed = during.appendedMs;
    expect(sim.probe(during.entity)!.appendedMs).toBe(placed);
    expect(placed).toBeGreaterThan(15_000);
    expect(during.waitMs).toBe(40_000 - placed);
    sim.runUntil(120_000);
    const after = sim.longestWait()!;
    expect(after).toMatchObject({ service: 'email', pending: false });
    const answer = sim.probe(after.entity)!;
    expect(answer.readModels['email']! - answer.appendedMs).toBe(after.waitMs);
    expect(after.waitMs).toBe(sim.summary().groups['email']!.maxConsistencyWindowMs);
    expect(answer.readModels['email']!).toBeGreaterThan(50_000);
  });

  it("email's largest consistency window covers the outage; inventory's stays within a few seconds", () => {
    const sim = createSimulation(scenario);
    sim.runUntil(120_000);
    const groups = sim.summary().groups;
    expect(groups['email']!.maxConsistencyWindowMs!).toBeGreaterThanOrEqual(30_000);
    expect(groups['inventory']!.maxConsistencyWindowMs!).toBeLessThanOrEqual(3500);
    expect(groups['billing']!.maxConsistencyWindowMs!).toBeLessThanOrEqual(3500);
    // shipping sees each order over two hops (OrderPlaced → billing → PaymentCharged).
    expect(groups['shipping']!.maxConsistencyWindowMs!).toBeGreaterThan(0);
    expect(groups['shipping']!.maxConsistencyWindowMs!).toBeLessThanOrEqual(7000);
  });

  it("email's staleness grows during the outage and returns to 0 after catch-up", () => {
    const sim = createSimulation(scenario);
    sim.runUntil(45_000);
    const during = sim.summary().groups['email']!.staleness;
    expect(during.records).toBeGreaterThan(100);
    expect(during.seconds).toBeGreaterThan(20);
    expect(sim.summary().groups['inventory']!.staleness.records).toBeLessThanOrEqual(5);
    sim.runUntil(120_000);
    expect(sim.summary().groups['email']!.staleness).toEqual({ seconds: 0, records: 0 });
  });

  it("email's Burrow status goes from OK to STOP or WARN during the outage and back to OK after catch-up", () => {
    const sim = createSimulation(scenario);
    sim.runUntil(19_000);
    expect(sim.summary().groups['email']!.status).toBe('OK');
    sim.runUntil(45_000);
    expect(['STOP', 'WARN']).toContain(sim.summary().groups['email']!.status);
    expect(sim.summary().groups['inventory']!.status).toBe('OK');
    sim.runUntil(120_000);
    expect(sim.summary().groups['email']!.status).toBe('OK');
  });

  it("with Burrow's default offset-refresh (10 s) the same outage stays OK: the offsets it fetched still show email caught up", () => {
    // Why the preset fetches every 2 s: 10 fetches 10 s apart span 100 s.
    const sim = createSimulation({ ...scenario, burrow: {} });
    for (let t = 20_000; t <= 60_000; t += 1000) {
      sim.runUntil(t);
      expect(sim.summary().groups['email']!.burrowStatus).toBe('OK');
    }
    expect(sim.lagExplanation('email')['orders-0']!.rule).toMatch(/^OK/);
  });

  it('answers whether an order placed during the outage is visible in each read model, and since when', () => {
    const sim = createSimulation(scenario);
    sim.runUntil(30_000);
    const orderId = `order-${sim.summary().producers['checkout']!.sent - 1}`;
    sim.runUntil(45_000);
    const during = worldOf(sim).consistency.probe(orderId)!;
    expect(during.appendedMs).toBeGreaterThan(20_000);
    expect(during.readModels['inventory']).not.toBeNull();
    expect(during.readModels['billing']).not.toBeNull();
    expect(during.readModels['email']).toBeNull();
    expect(worldOf(sim).consistency.disagreementCount).toBeGreaterThan(100);
    sim.runUntil(120_000);
    const after = worldOf(sim).consistency.probe(orderId)!;
    expect(after.readModels['email']!).toBeGreaterThan(50_000);
    expect(after.readModels['shipping']!).toBeGreaterThanOrEqual(after.readModels['billing']!);
    expect(worldOf(sim).consistency.disagreementCount).toBe(0);
  });

  it('samples lag every second into a bounded history', () => {
    const sim = createSimulation(scenario);
    sim.runUntil(60_000);
    const history = worldOf(sim).lag.history('email');
    expect(history).toHaveLength(60);
    expect(history[0]!.atMs).toBe(1000);
    const outage = history.find((s) => s.atMs === 45_000)!;
    expect(outage.partitions['orders-0']!.committedLag!).toBeGreaterThan(20);
    expect(outage.partitions['orders-0']!.positionLag).toBeNull();
    expect(outage.partitions['orders-0']!.behindMs).toBeGreaterThan(15_000);
  });
});

describe('divergence of read models', () => {
  const crashBeforeCommit = (idempotent: boolean) => {
    const sim = createSimulation({
      ...scenario,
      services: scenario.services.map((s) => (s.id === 'email' ? { ...s, idempotent } : s)),
    });
    sim.runUntil(120_000);
    return sim.summary().stats['email']!;
  };

  it('a non-idempotent handler shows divergence after a crash before commit; an idempotent one does not', () => {
    const plain = crashBeforeCommit(false);
    expect(plain.duplicates).toBeGreaterThan(0);
    expect(plain.divergence).toBe(plain.duplicates);
    const idempotent = crashBeforeCommit(true);
    expect(idempotent.duplicates).toBeGreaterThan(0);
    expect(idempotent.divergence).toBe(0);
  });
});

describe('insight queries', () => {
  it('records the moments duplicates happened, so the lab can jump to them', () => {
    const sim = createSimulation(scenario);
    sim.runUntil(120_000);
    const incidents = sim.incidents('email');
    const duplicates = incidents.filter((i) => i.kind === 'duplicate');
    expect(duplicates.reduce((sum, i) => sum + i.count, 0)).toBe(sim.summary().stats['email']!.duplicates);
    for (const incident of duplicates) expect(incident.atMs).toBeGreaterThanOrEqual(50_000);
  });

  it("explains which Burrow rule fired for email's partitions during the outage", () => {
    const sim = createSimulation(scenario);
    sim.runUntil(45_000);
    const explanation = sim.lagExplanation('email');
    expect(Object.keys(explanation)).toEqual(['orders-0', 'orders-1', 'orders-2']);
    expect(explanation['orders-0']!.status).toBe('STOP');
    expect(explanation['orders-0']!.rule).toMatch(/^STOP/);
  });

  it('samples how many entities the read models disagree on, for inconsistency bands', () => {
    const sim = createSimulation(scenario);
    sim.runUntil(120_000);
    const history = sim.disagreementHistory();
    expect(history.find((s) => s.atMs === 40_000)!.entities).toBeGreaterThan(50);
    expect(history[history.length - 1]!.entities).toBe(0);
  });
});

describe('record deliveries (inspector)', () => {
  it('says which groups processed a record, how many times, and when each applied it', () => {
    const sim = createSimulation(scenario);
    sim.runUntil(120_000);
    const incident = sim.incidents('email').find((i) => i.kind === 'duplicate')!;
    const [topic, partition] = ['orders', Number(incident.partition.split('-')[1])];
    const deliveries = sim.recordDeliveries(topic, partition, incident.offset);
    const email = deliveries.find((d) => d.service === 'email')!;
    const inventory = deliveries.find((d) => d.service === 'inventory')!;
    expect(email.times).toBe(2);
    expect(inventory.times).toBe(1);
    expect(email.firstAppliedMs).not.toBeNull();
    expect(deliveries.map((d) => d.service).sort()).toEqual(['billing', 'email', 'inventory']);
  });
});
