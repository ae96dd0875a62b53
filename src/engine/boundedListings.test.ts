import { describe, expect, it } from 'vitest';
import { boundListings } from './boundedListings';
import { createSimulation } from './simulation';
import { orderScenario } from './testing/scenarios';

describe('bounded read-model listings in the summary', () => {
  it('keeps the newest entries of a long listing and counts the rest', () => {
    const model = { receiptsSent: { a: 1, b: 1, c: 2, d: 1 }, totalCents: 5, stock: { x: 1 } };
    expect(boundListings(model, 2)).toEqual({ receiptsSent: { c: 2, d: 1 }, receiptsSentOmitted: 2, totalCents: 5, stock: { x: 1 } });
    expect(boundListings(model, 4)).toEqual(model);
  });

  it('keeps the summary of an hour of orders small, and gives everything on request', () => {
    const scenario = orderScenario({}, [{ id: 'email', subscribe: ['orders'], handler: 'sendReceipt', config: { 'auto.offset.reset': 'earliest' } }]);
    const simulation = createSimulation(scenario);
    simulation.runUntil(300_000);
    const bounded = simulation.summary();
    const full = simulation.summary({ fullReadModels: true });
    const receipts = (full.readModels['email'] as { receiptsSent: Record<string, number> }).receiptsSent;
    expect(Object.keys(receipts).length).toBeGreaterThan(5_000);
    const kept = bounded.readModels['email'] as { receiptsSent: Record<string, number>; receiptsSentOmitted: number };
    expect(Object.keys(kept.receiptsSent)).toHaveLength(1_000);
    expect(kept.receiptsSentOmitted).toBe(Object.keys(receipts).length - 1_000);
    expect(JSON.stringify(bounded).length).toBeLessThan(80_000);
    expect(bounded.traceHash).toBe(full.traceHash);
  });
});
