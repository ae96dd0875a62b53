/**
 * The seed sweep (STYLE.md rule 21): hundreds of seeds, each with a random script of consumer,
 * producer and topic commands, run with every invariant checked after every event. Two seeds
 * in five use a compacted topic (compact or compact,delete) with keyed records, tombstones and a
 * refused keyless record. A failure prints the seed and the command list, so it replays exactly.
 */
import { describe, expect, it } from 'vitest';
import { createStream } from './random';
import type { TimedCommand, TopicConfig } from './scenario';
import { createSimulation } from './simulation';
import { orderScenario } from './testing/scenarios';

const SEEDS = 300;
const RUN_MS = 60_000;

function randomActions(seed: number): TimedCommand[] {
  const stream = createStream(seed, 'sweep');
  const actions: TimedCommand[] = [];
  const instance = () => `${['inventory', 'billing', 'email'][stream.int(3)]}-${stream.int(3)}`;
  for (let i = 0; i < 12; i++) {
    const atMs = stream.int(RUN_MS);
    const pick = stream.int(12);
    if (pick === 0) actions.push({ atMs, type: 'crash', target: instance() });
    else if (pick === 1) actions.push({ atMs, type: 'hang', target: instance(), mode: stream.next() < 0.5 ? 'process' : 'handler' });
    else if (pick === 2) actions.push({ atMs, type: 'resume', target: instance() });
    else if (pick === 3) actions.push({ atMs, type: 'stop', target: instance() });
    else if (pick === 4) actions.push({ atMs, type: 'start', target: instance() });
    else if (pick === 5) actions.push({ atMs, type: 'slow', target: instance(), factor: [1, 2, 5, 10][stream.int(4)]! });
    else if (pick === 6) actions.push({ atMs, type: 'scale', service: ['inventory', 'billing', 'email'][stream.int(3)]!, instances: stream.int(4) });
    else if (pick === 7) actions.push({ atMs, type: 'burst', producer: 'checkout', count: 1 + stream.int(300) });
    else if (pick === 8) actions.push({ atMs, type: 'resetOffsets', group: 'email', to: stream.next() < 0.5 ? 'earliest' : 'latest', rebuild: true });
    else if (pick === 9) actions.push({ atMs, type: 'addPartitions', topic: 'orders', partitions: 4 + stream.int(3) });
    else if (pick === 10) actions.push({ atMs, type: 'pauseProducer', producer: 'checkout' });
    else actions.push({ atMs, type: 'resumeProducer', producer: 'checkout' });
  }
  return actions.sort((a, b) => a.atMs - b.atMs);
}

type CleanupPolicy = 'delete' | 'compact' | 'compact,delete';

/** Two seeds in five run on a compacted topic; the rest keep plain retention. */
function cleanupPolicyFor(seed: number): CleanupPolicy {
  return (['delete', 'compact', 'delete', 'compact,delete', 'delete'] as const)[seed % 5]!;
}

/** For compacted topics: tombstones (produce with value null) and a keyless record that must be refused. */
function compactionActions(seed: number): TimedCommand[] {
  const stream = createStream(seed, 'sweep-compaction');
  const actions: TimedCommand[] = [];
  for (let i = 0; i < 4; i++) {
    // A key the producer keeps writing (the tombstone is soon superseded) or one it never writes
    // again (the tombstone lives until delete.retention.ms has passed).
    const key = stream.next() < 0.5 ? `order-${stream.int(30)}` : `retired-${stream.int(3)}`;
    actions.push({ atMs: stream.int(RUN_MS), type: 'produce', producer: 'checkout', key, value: null });
  }
  actions.push({ atMs: stream.int(RUN_MS), type: 'produce', producer: 'checkout', key: null, value: { note: 'no key' } });
  return actions;
}

function topicConfig(seed: number, policy: CleanupPolicy): TopicConfig {
  if (policy === 'delete') return { 'retention.ms': 20_000, 'segment.ms': 5000 };
  return {
    'cleanup.policy': policy,
    'retention.ms': 20_000,
    'segment.ms': 2000,
    'segment.bytes': seed % 2 === 0 ? 4096 : 1_073_741_824,
    'min.cleanable.dirty.ratio': [0.1, 0.3, 0.5][seed % 3]!,
    'min.compaction.lag.ms': seed % 4 === 3 ? 3000 : 0,
    'delete.retention.ms': 10_000,
  };
}

describe('seed sweep', () => {
  it(`keeps every invariant for ${SEEDS} seeds of random commands`, () => {
    for (let seed = 0; seed < SEEDS; seed++) {
      const policy = cleanupPolicyFor(seed);
      const compacted = policy !== 'delete';
      const actions = compacted ? [...randomActions(seed), ...compactionActions(seed)].sort((a, b) => a.atMs - b.atMs) : randomActions(seed);
      const strategy = (['range', 'roundrobin', 'sticky', 'cooperative-sticky'] as const)[seed % 4]!;
      const base = orderScenario({ seed, actions });
      const scenario = {
        ...base,
        topics: [{ name: 'orders', partitions: 3, config: topicConfig(seed, policy) }],
        producers: compacted
          ? base.producers.map((p) => ({ ...p, keys: { kind: 'uniform' as const, prefix: 'order-', count: 30 } }))
          : base.producers,
        services: base.services.map((s) => ({
          ...s,
          instances: 1 + (seed % 3),
          commit: (['auto', 'after-processing', 'before-processing'] as const)[seed % 3],
          config: {
            ...s.config,
            'partition.assignment.strategy': strategy,
            'max.poll.interval.ms': 20_000,
            'max.poll.records': 50,
            // Every fifth seed runs static members, so poll timeouts, rejoins under a new member id
            // and pending-SyncGroup expiry meet the random commands too.
            ...(seed % 5 === 4 ? { 'group.instance.id': s.id } : {}),
          },
        })),
      };
      try {
        const sim = createSimulation(scenario, { checkInvariants: true });
        sim.runUntil(RUN_MS);
        const replay = createSimulation(scenario);
        replay.runUntil(RUN_MS);
        expect(replay.traceHash()).toBe(sim.traceHash());
      } catch (error) {
        throw new Error(`seed ${seed} failed with actions ${JSON.stringify(actions)}: ${(error as Error).message}`, { cause: error });
      }
    }
  }, 120_000);
});
