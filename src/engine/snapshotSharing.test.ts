import { describe, expect, it } from 'vitest';
import type { Scenario } from './scenario';
import { createSimulation } from './simulation';

const scenario: Scenario = {
  format: 'logscope-scenario',
  version: 1,
  seed: 3,
  topics: [
    { name: 'orders', partitions: 2 },
    { name: 'quiet', partitions: 2 },
  ],
  producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 10, event: 'OrderPlaced', keys: { kind: 'sequence', prefix: 'order-' } }],
  services: [
    { id: 'email', subscribe: ['orders'], instances: 2, handler: 'sendReceipt' },
    { id: 'audit', subscribe: ['quiet'], instances: 1, handler: 'count' },
  ],
};

describe('snapshots share what did not change', () => {
  it('gives the very same parts when nothing moved, and new objects only where something did', () => {
    const simulation = createSimulation(scenario);
    simulation.runUntil(30_000);
    const first = simulation.snapshot();
    const again = simulation.snapshot();
    expect(again).not.toBe(first);
    expect(again.topics).toBe(first.topics);
    expect(again.groups).toBe(first.groups);
    expect(again.producers).toBe(first.producers);

    simulation.runUntil(31_000);
    const later = simulation.snapshot();
    const orders = (s: typeof first) => s.topics.find((t) => t.name === 'orders')!;
    const quiet = (s: typeof first) => s.topics.find((t) => t.name === 'quiet')!;
    const group = (s: typeof first, id: string) => s.groups.find((g) => g.groupId === id)!;
    // Records arrived on orders: its partitions are new; nothing arrived on quiet: shared.
    expect(orders(later)).not.toBe(orders(first));
    expect(orders(later).partitions.some((p, i) => p !== orders(first).partitions[i])).toBe(true);
    expect(quiet(later)).toBe(quiet(first));
    // An idle group still heartbeats and polls (its instances' times move), but what it shows
    // of its work is the same object: committed offsets, stats, members.
    expect(group(later, 'audit').committed).toBe(group(first, 'audit').committed);
    expect(group(later, 'audit').stats).toBe(group(first, 'audit').stats);
    expect(group(later, 'audit').members).toBe(group(first, 'audit').members);
    // The busy group is new but keeps its unchanged parts.
    expect(group(later, 'email')).not.toBe(group(first, 'email'));
    expect(group(later, 'email').subscribe).toBe(group(first, 'email').subscribe);
    expect(group(later, 'email').members).toBe(group(first, 'email').members);
    expect(group(later, 'email').instances.map((i) => i.assignment)).toEqual(group(first, 'email').instances.map((i) => i.assignment));
    group(later, 'email').instances.forEach((instance, i) => expect(instance.assignment).toBe(group(first, 'email').instances[i]!.assignment));
  });

  it('equals a snapshot built from scratch (a fork has no previous snapshot)', () => {
    const simulation = createSimulation(scenario);
    for (let t = 5_000; t <= 60_000; t += 5_000) {
      simulation.runUntil(t);
      const shared = simulation.snapshot();
      expect(shared).toEqual(simulation.fork().snapshot());
    }
  });
});

describe('a snapshot given up', () => {
  it('is asked about between topics and groups, and leaves nothing behind', () => {
    const simulation = createSimulation(scenario);
    simulation.runUntil(20_000);
    const first = simulation.snapshot();
    simulation.runUntil(30_000);
    // Asked once before each topic and each group: giving up at the third question stops
    // after both topics, before the first group.
    let asked = 0;
    expect(simulation.trySnapshot(() => ++asked === 3)).toBeNull();
    expect(asked).toBe(3);
    let askedInAll = 0;
    const whole = simulation.trySnapshot(() => (askedInAll++, false));
    expect(askedInAll).toBe(scenario.topics.length + scenario.services.length);
    // The snapshot made after it shares with the last one made, as if none was given up:
    // the quiet topic's views are the very objects of the first snapshot.
    expect(whole).not.toBeNull();
    expect(whole!.topics[1]).toBe(first.topics[1]);
    expect(whole!.topics[0]).not.toBe(first.topics[0]);
    expect(JSON.stringify(whole)).toBe(JSON.stringify(simulation.snapshot()));
  });
});
