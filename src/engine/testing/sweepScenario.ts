/**
 * The seed sweep's scenarios (used by the sweep itself and by the recorded trace hashes): the
 * order story with a random script of consumer, producer and topic commands per seed. Two seeds
 * in five use a compacted topic (compact or compact,delete) with keyed records, tombstones and a
 * refused keyless record; every fifth seed runs static members.
 */
import { createStream } from '../random';
import type { Scenario, TimedCommand, TopicConfig } from '../scenario';
import { orderScenario } from './scenarios';

export const SWEEP_SEEDS = 300;
export const SWEEP_RUN_MS = 60_000;

function randomActions(seed: number): TimedCommand[] {
  const stream = createStream(seed, 'sweep');
  const actions: TimedCommand[] = [];
  const instance = () => `${['inventory', 'billing', 'email'][stream.int(3)]}-${stream.int(3)}`;
  for (let i = 0; i < 12; i++) {
    const atMs = stream.int(SWEEP_RUN_MS);
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
    actions.push({ atMs: stream.int(SWEEP_RUN_MS), type: 'produce', producer: 'checkout', key, value: null });
  }
  actions.push({ atMs: stream.int(SWEEP_RUN_MS), type: 'produce', producer: 'checkout', key: null, value: { note: 'no key' } });
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

/** The sweep's scenario for one seed. */
export function sweepScenario(seed: number): Scenario {
  const policy = cleanupPolicyFor(seed);
  const compacted = policy !== 'delete';
  const actions = compacted ? [...randomActions(seed), ...compactionActions(seed)].sort((a, b) => a.atMs - b.atMs) : randomActions(seed);
  const strategy = (['range', 'roundrobin', 'sticky', 'cooperative-sticky'] as const)[seed % 4]!;
  const base = orderScenario({ seed, actions });
  return {
    ...base,
    topics: [{ name: 'orders', partitions: 3, config: topicConfig(seed, policy) }],
    // Clients refresh metadata every few seconds (Kafka: 5 min), so partitions added within the
    // 60 s run are written to and assigned.
    producers: base.producers.map((p) => ({
      ...p,
      ...(compacted && { keys: { kind: 'uniform' as const, prefix: 'order-', count: 30 } }),
      config: { 'metadata.max.age.ms': 5000 },
    })),
    services: base.services.map((s) => ({
      ...s,
      instances: 1 + (seed % 3),
      commit: (['auto', 'after-processing', 'before-processing'] as const)[seed % 3],
      config: {
        ...s.config,
        'partition.assignment.strategy': strategy,
        'max.poll.interval.ms': 20_000,
        'max.poll.records': 50,
        'metadata.max.age.ms': 10_000,
        // Static members meet poll timeouts, rejoins under a new member id and pending-SyncGroup
        // expiry alongside the random commands.
        ...(seed % 5 === 4 ? { 'group.instance.id': s.id } : {}),
      },
    })),
  };
}
