/**
 * The checkout as synchronous calls next to the checkout as events, with the same email outage
 * (20 s to 50 s): the call chain fails every order placed while email is down, the log keeps
 * every order and email catches up. The two presets differ only in calls versus events.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, type Note, type Scenario, type Simulation } from '../../engine';
import { evaluate } from '../conditions/evaluateCondition';
import { withFoldPaths } from '../conditions/foldPaths';
import { findPreset } from './index';

const scenario = (id: string): Scenario => findPreset(id)!.scenario;

function holds(sim: Simulation, note: Note): boolean {
  if (!note.when) return true;
  const start = createSimulation(sim.scenario).summary();
  const events = sim.events();
  return evaluate(note.when, {
    summary: withFoldPaths(sim.summary(), (id) => sim.foldComparison(id)),
    stepStart: start,
    lessonStart: start,
    stepEvents: events.filter((e) => e.atMs >= note.atMs),
    lessonEvents: events,
    elapsedMs: sim.now - note.atMs,
  });
}

describe('sync-checkout beside email-outage', () => {
  it('sync: orders fail for the outage (about rate × outage) and succeed otherwise', () => {
    const sim = createSimulation(scenario('sync-checkout'));
    sim.runUntil(20_000);
    expect(sim.summary().requests!['checkout']).toMatchObject({ failed: 0, timedOut: 0 });
    sim.runUntil(50_100);
    const during = sim.summary().requests!['checkout']!;
    // 5 orders a second for 30 s.
    expect(during.failed).toBeGreaterThanOrEqual(120);
    expect(during.failed).toBeLessThanOrEqual(180);
    sim.runUntil(90_000);
    const after = sim.summary().requests!['checkout']!;
    expect(after.failed).toBe(during.failed);
    expect(after.timedOut).toBe(0);
    expect(after.succeeded - during.succeeded).toBeGreaterThan(150);
    const failures = sim.events().filter((e) => e.code === 'order.failed');
    expect(failures[0]!.atMs).toBeGreaterThanOrEqual(20_000);
    expect(failures.at(-1)!.atMs).toBeLessThanOrEqual(50_010);
    expect(failures[0]!.text).toMatch(/^order-\d+ failed: email refused the call \(crashed\)\.$/);
  });

  it('events: every order is appended through the outage and email catches up', () => {
    const sim = createSimulation(scenario('email-outage'));
    sim.runUntil(49_000);
    const mid = sim.summary();
    const appended = (s: typeof mid) => s.topics['orders']!.partitions.reduce((n, p) => n + p.highWatermark, 0);
    expect(appended(mid)).toBe(mid.producers['checkout']!.sent);
    expect(mid.groups['email']!.members['email-0']!.status).toBe('crashed');
    expect(mid.stats['billing']!.uniqueProcessed).toBeGreaterThanOrEqual(appended(mid) - 5);
    sim.runUntil(90_000);
    const end = sim.summary();
    expect(appended(end)).toBe(end.producers['checkout']!.sent);
    expect(end.stats['email']!.uniqueProcessed).toBeGreaterThanOrEqual(appended(end) - 5);
    expect(end.requests).toBeUndefined();
  });

  it('the two differ only in calls versus events: seed, rate, keys, services’ work and the outage', () => {
    const sync = scenario('sync-checkout');
    const events = scenario('email-outage');
    expect(sync.seed).toBe(events.seed);
    expect(sync.actions).toEqual(events.actions);
    const [caller] = sync.producers;
    const [producer] = events.producers;
    expect({ rate: caller!.ratePerSec, keys: caller!.keys, arrival: caller!.arrival }).toEqual({ rate: producer!.ratePerSec, keys: producer!.keys, arrival: producer!.arrival });
    for (const service of sync.services) {
      const twin = events.services.find((s) => s.id === service.id)!;
      expect({ ...service, subscribe: twin.subscribe, emitTo: twin.emitTo }).toEqual(twin);
    }
    expect(caller!.calls!.targets).toEqual(['inventory', 'billing', 'email']);
  });

  it('each note of sync-checkout is true of the run while it is shown', () => {
    const notes = scenario('sync-checkout').notes!;
    const sim = createSimulation(scenario('sync-checkout'));
    for (const note of notes) {
      for (const after of [500, 5000]) {
        sim.runUntil(note.atMs + after);
        expect(holds(sim, note), `${note.text} (at ${note.atMs + after} ms)`).toBe(true);
      }
    }
  });
});
