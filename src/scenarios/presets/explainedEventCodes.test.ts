/**
 * Explained events carry a code and fields, so lessons can wait for "a rebalance in billing" or
 * "a query that missed" without parsing sentences; `query` asks a read model what it holds.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, type SimEvent } from '../../engine';
import { findPreset } from '.';

const withCode = (events: readonly SimEvent[], code: string) => events.filter((e) => e.code === code);

describe('explained event codes', () => {
  it('answers a query with a miss before email applied the order and a hit after', () => {
    const sim = createSimulation(findPreset('checkout')!.scenario);
    sim.runUntil(3000);
    const fresh = `order-${sim.summary().producers['checkout']!.sent - 1}`;
    expect(sim.apply({ type: 'query', service: 'email', entity: 'order-999999' })).toEqual({ ok: true });
    sim.runUntil(10_000);
    expect(sim.apply({ type: 'query', service: 'email', entity: fresh })).toEqual({ ok: true });
    const answers = withCode(sim.events(), 'query');
    expect(answers.map((e) => e.fields)).toEqual([
      { service: 'email', entity: 'order-999999', hit: false },
      { service: 'email', entity: fresh, hit: true },
    ]);
    expect(answers[0]!.text).toContain('Not found');
  });

  it('refuses a query of a handler that keeps no entity table, naming the handler', () => {
    const sim = createSimulation(findPreset('pubsub-vs-queue')!.scenario);
    const result = sim.apply({ type: 'query', service: 'audit', entity: 'task-1' });
    expect(result).toEqual({ ok: false, error: expect.stringContaining('noop') });
    expect(withCode(sim.events(), 'command.refused')).toHaveLength(1);
  });

  it('codes rejected commands with the service and command type', () => {
    const sim = createSimulation(findPreset('commands-vs-events')!.scenario);
    sim.runUntil(10_000);
    const rejected = withCode(sim.events(), 'command.rejected');
    expect(rejected.length).toBe(sim.summary().commands['checkout']!.rejected);
    expect(rejected[0]!.fields).toMatchObject({ service: 'checkout', command: 'PlaceOrder', from: 'web' });
  });

  it('codes each revocation and assignment with the partitions it moved', () => {
    const sim = createSimulation(findPreset('eager-vs-cooperative')!.scenario);
    sim.runUntil(60_000);
    const revoked = withCode(sim.events(), 'partitions.revoked');
    const eager = revoked.filter((e) => e.fields!['protocol'] === 'eager');
    const cooperative = revoked.filter((e) => e.fields!['protocol'] === 'cooperative');
    expect(eager.length).toBeGreaterThan(0);
    expect(cooperative.length).toBeGreaterThan(0);
    for (const event of revoked) {
      expect(String(event.fields!['partitions']).split(',')).toHaveLength(Number(event.fields!['count']));
    }
    // Eager gives up everything it held; cooperative only what moves, so it revokes fewer.
    const total = (events: SimEvent[]) => events.reduce((n, e) => n + Number(e.fields!['count']), 0);
    expect(total(cooperative)).toBeLessThan(total(eager));
    const assigned = withCode(sim.events(), 'partitions.assigned');
    expect(assigned.every((e) => typeof e.fields!['generation'] === 'number')).toBe(true);
  });

  it('codes an out-of-range position and its reset, with the records lost', () => {
    const sim = createSimulation(findPreset('retention-loses-data')!.scenario);
    sim.runUntil(180_000);
    const outOfRange = withCode(sim.events(), 'offset.outOfRange');
    expect(outOfRange.length).toBeGreaterThan(0);
    expect(outOfRange.some((e) => Number(e.fields!['lost']) > 0)).toBe(true);
  });

  it('codes member lifecycle commands', () => {
    const sim = createSimulation(findPreset('checkout')!.scenario);
    sim.runUntil(5000);
    sim.apply({ type: 'crash', target: 'email-0' });
    sim.apply({ type: 'start', target: 'email-0' });
    sim.apply({ type: 'stop', target: 'billing-0' });
    const codes = sim.events().filter((e) => e.code?.startsWith('member.') && e.atMs === 5000).map((e) => e.code);
    expect(codes).toEqual(['member.crashed', 'member.started', 'member.stopped']);
  });
});
