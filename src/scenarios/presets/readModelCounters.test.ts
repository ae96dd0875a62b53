/**
 * Counters that add up: a read model's "applied" is what it holds now, so a rebuild empties it
 * and "applied + behind" stays what the model must hold (the log it reads).
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine';
import { findPreset } from '.';

describe('read model counters through a rebuild', () => {
  it('applied drops to 0 when the model is cleared, and applied + behind covers the log', () => {
    const sim = createSimulation(findPreset('cqrs-rebuild')!.scenario);
    const inventory = () => sim.snapshot().groups.find((g) => g.groupId === 'inventory')!;
    const logSize = () => sim.summary().topics['orders']!.partitions.reduce((n, p) => n + p.logEndOffset - p.logStartOffset, 0);
    sim.runUntil(30_500);
    expect(inventory().readModelApplied).toBe(inventory().stats.uniqueProcessed);
    sim.runUntil(31_000);
    expect(inventory().readModelApplied).toBe(0);
    // Its lifetime counter is unchanged: those records were processed; they are just not in the model now.
    expect(inventory().stats.uniqueProcessed).toBeGreaterThan(100);
    expect(sim.health('inventory')!.staleness.records).toBe(logSize());
    sim.runUntil(60_000);
    const behind = sim.health('inventory')!.staleness.records;
    expect(inventory().readModelApplied + behind).toBe(logSize());
    expect(inventory().readModelApplied).toBeGreaterThan(150);
  });

  it('a caught-up read model equals the reference fold of the log; a duplicate makes it differ', () => {
    const sim = createSimulation(findPreset('checkout')!.scenario);
    sim.runUntil(30_000);
    for (const service of ['inventory', 'billing', 'email']) expect(sim.foldComparison(service)).toEqual({ differing: 0, records: 151 });
    // email-outage: email crashed before committing, so it sent some receipts twice.
    const outage = createSimulation(findPreset('email-outage')!.scenario);
    outage.runUntil(70_000);
    const duplicates = outage.summary().stats['email']!.duplicates;
    expect(duplicates).toBeGreaterThan(0);
    expect(outage.foldComparison('email')!.differing).toBeGreaterThanOrEqual(duplicates);
    expect(outage.foldComparison('nobody')).toBeNull();
  });
});
