import { describe, expect, it, vi } from 'vitest';
import { createSimulation } from '../engine';
import { findPreset, DEFAULT_PRESET_ID } from '../scenarios/presets';
import { simQueries } from './simQueries';

describe('the store queries', () => {
  it('answer for the run at the moment they were made, measuring each group once however many views ask', () => {
    const simulation = createSimulation(findPreset(DEFAULT_PRESET_ID)!.scenario);
    simulation.runUntil(30_000);
    const health = vi.spyOn(simulation, 'health');
    const queries = simQueries(simulation);
    const service = simulation.snapshot().groups[0]!.serviceId;
    const first = queries.health(service);
    expect(first).toEqual(simulation.health(service));
    expect(queries.health(service)).toBe(first);
    expect(queries.health(service)).toBe(first);
    // Two calls: one by the queries, one by this test to compare.
    expect(health).toHaveBeenCalledTimes(2);
    expect(queries.atMs).toBe(30_000);
    expect(queries.lagHistory(simulation.snapshot().groups[0]!.groupId).length).toBeGreaterThan(0);
  });
});
