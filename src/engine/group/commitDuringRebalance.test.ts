/**
 * Commits during a rebalance, as Kafka's ConsumerCoordinator makes them: a member between
 * JoinGroup and its assignment has no stable generation, so its commit is not sent and fails
 * on the client (RebalanceInProgressException) without resetting anything; a commit the
 * coordinator answers with REBALANCE_IN_PROGRESS makes the member rejoin, keeping its
 * generation and partitions. (Treating both as fencing made a member with
 * auto.commit.interval.ms=0 rejoin forever at one instant: a legal scenario that froze.)
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario';
import { createSimulation } from '../simulation';

const scenario: Scenario = {
  format: 'logscope-scenario',
  version: 1,
  seed: 167,
  topics: [{ name: 'views', partitions: 7 }],
  producers: [{ id: 'tracker', topic: 'views', ratePerSec: 5, event: 'ItemViewed', keys: { kind: 'sequence', prefix: 'item-' } }],
  services: [
    {
      id: 'fraud',
      subscribe: ['views'],
      instances: 2,
      processingMs: 1,
      config: {
        'auto.offset.reset': 'earliest',
        'auto.commit.interval.ms': 0,
        'heartbeat.interval.ms': 1,
        'partition.assignment.strategy': 'cooperative-sticky',
      },
    },
  ],
  actions: [{ atMs: 36_455, type: 'stop', target: 'fraud-0' }],
};

describe('commits during a rebalance', () => {
  it('never makes a member rejoin forever when it commits on every poll', () => {
    const simulation = createSimulation(scenario, { maxStepsAtOneInstant: 100_000 });
    simulation.runUntil(40_000);
    expect(simulation.now).toBe(40_000);
    const group = simulation.summary().groups['fraud']!;
    expect(group.state).toBe('Stable');
    // One rebalance for fraud-0 leaving (plus the cooperative follow-up), not thousands.
    expect(group.generation).toBeLessThan(10);
    expect(group.members['fraud-1']!.assignment).toHaveLength(7);
  });

  it('fails a commit made while joining on the client, keeping the generation and partitions', () => {
    const simulation = createSimulation(scenario);
    // The commit before rejoining takes a round trip (2 ms at the default latency) before JoinGroup.
    simulation.runUntil(36_470);
    const failed = simulation.events().filter((e) => e.kind === 'commit' && /RebalanceInProgressException/.test(e.text));
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]!.text).toMatch(/nothing is reset, it commits again after the rebalance/);
    expect(simulation.events().some((e) => /a zombie/.test(e.text))).toBe(false);
  });
});
