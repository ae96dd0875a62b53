/**
 * The consumer's fetch as Kafka's client and broker make it: fetches pay the network latency,
 * a response fills a buffer that polls drain max.poll.records at a time, the broker parks a
 * fetch until fetch.min.bytes or fetch.max.wait.ms, buffered records outlive retention, and
 * the commit before rejoining is in flight while eager partitions are pending revocation.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario, ServiceSpec } from '../../scenario';
import { createSimulation, type Simulation } from '../../simulation';
import { clusterScenario } from '../../broker/clusterScenarios';

function scenario(latencyMs: number, service: Partial<ServiceSpec> & { config?: ServiceSpec['config'] }, overrides: Partial<Scenario> = {}): Scenario {
  return {
    format: 'logscope-scenario',
    version: 1,
    seed: 3,
    network: { latencyMs },
    topics: [{ name: 'orders', partitions: 1 }],
    producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 1, event: 'OrderPlaced', keys: { kind: 'sequence', prefix: 'order-' } }],
    actions: [{ atMs: 0, type: 'pauseProducer', producer: 'checkout' }],
    ...overrides,
    services: [{ id: 'email', subscribe: ['orders'], instances: 1, processingMs: 0, ...service, config: { 'auto.offset.reset': 'earliest', ...service.config } }],
  };
}

const checked = { checkInvariants: true };

function position(sim: Simulation, key = 'orders-0'): number | null {
  return sim.summary().groups['email']!.offsets[key]!.position;
}

/** Runs millisecond by millisecond and returns each time the position of orders-0 changed, with its value. */
function positionSteps(sim: Simulation, untilMs: number): Array<[number, number]> {
  const steps: Array<[number, number]> = [];
  let last = position(sim);
  for (let t = sim.now + 1; t <= untilMs; t++) {
    sim.runUntil(t);
    const now = position(sim);
    if (now !== last && now !== null) steps.push([t, now]);
    last = now;
  }
  return steps;
}

describe('the consumer fetch', () => {
  it('pays the network latency: a record reaches the handler no sooner than one latency after it was appended', () => {
    const sim = createSimulation(scenario(100, {}), checked);
    sim.runUntil(10_000);
    sim.apply({ type: 'produce', producer: 'checkout', count: 1 });
    const steps = positionSteps(sim, 11_000);
    expect(steps[0]![1]).toBe(1);
    expect(steps[0]![0]).toBeGreaterThanOrEqual(10_100);
  });

  it('polls hand out at most max.poll.records from the buffer one response filled, without fetching again', () => {
    const sim = createSimulation(scenario(100, { processingMs: 10, config: { 'max.poll.records': 5 } }), checked);
    sim.runUntil(10_000);
    sim.apply({ type: 'burst', producer: 'checkout', count: 100 });
    const steps = positionSteps(sim, 12_000);
    const [first] = steps[0]!;
    expect(first).toBeGreaterThanOrEqual(10_100);
    // Twenty polls of five records, one every 5 × 10 ms: no poll waits for a fetch's round trip.
    expect(steps).toEqual(Array.from({ length: 20 }, (_, i) => [first + 50 * i, 5 * (i + 1)]));
  });

  it('sends the next fetch while the batch is processed, so a round trip overlaps the work', () => {
    // One record per fetch (max.partition.fetch.bytes below two records), 150 ms to process it,
    // 200 ms per round trip: a poll every 200 ms, not every 150 + 200 ms.
    const sim = createSimulation(scenario(100, { processingMs: 150, config: { 'max.partition.fetch.bytes': 150 } }), checked);
    sim.runUntil(10_000);
    sim.apply({ type: 'burst', producer: 'checkout', count: 10 });
    const steps = positionSteps(sim, 13_000);
    expect(steps.map(([, p]) => p)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const gaps = steps.slice(1).map(([t], i) => t - steps[i]![0]);
    expect(gaps).toEqual(Array.from({ length: 9 }, () => 200));
  });

  it('is parked by the broker until fetch.min.bytes are there or fetch.max.wait.ms passes', () => {
    const config = { 'fetch.min.bytes': 5000, 'fetch.max.wait.ms': 2000 };
    const sim = createSimulation(scenario(1, { config }), checked);
    sim.runUntil(10_000);
    // Ten small records (about 100 bytes each) are not enough: they wait for the max wait.
    sim.apply({ type: 'burst', producer: 'checkout', count: 10 });
    const few = positionSteps(sim, 12_100);
    expect(few).toHaveLength(1);
    expect(few[0]![1]).toBe(10);
    expect(few[0]![0]).toBeGreaterThan(10_050);
    // Once the next fetch is parked, enough bytes answer it at once (one latency each way).
    sim.runUntil(few[0]![0] + 500);
    const appendedAt = sim.now;
    sim.apply({ type: 'burst', producer: 'checkout', count: 100 });
    const many = positionSteps(sim, appendedAt + 100);
    // The burst's records are appended one by one: the parked fetch completes as soon as they reach 5000 bytes.
    expect(many[0]![0]).toBe(appendedAt + 1);
    expect(many[0]![1]).toBeGreaterThan(10);
  });

  it('with fetch.max.wait.ms 0, the broker answers every fetch at once (and no latency cannot freeze the clock)', () => {
    const zero = createSimulation(scenario(0, { config: { 'fetch.max.wait.ms': 0 } }), checked);
    zero.runUntil(5000);
    expect(zero.now).toBe(5000);
    const sim = createSimulation(scenario(1, { config: { 'fetch.min.bytes': 5000, 'fetch.max.wait.ms': 0 } }), checked);
    sim.runUntil(10_000);
    sim.apply({ type: 'burst', producer: 'checkout', count: 10 });
    const steps = positionSteps(sim, 10_100);
    expect(steps[0]![1]).toBe(10);
    expect(steps[0]![0]).toBeLessThanOrEqual(10_004);
  });

  it('processes buffered records even after retention deleted them; the loss comes later, in one larger step', () => {
    const sim = createSimulation(
      scenario(
        1,
        { processingMs: 50, config: { 'max.poll.records': 10 } },
        {
          actions: [],
          broker: { 'log.retention.check.interval.ms': 100 },
          topics: [{ name: 'orders', partitions: 1, config: { 'retention.ms': 3000, 'segment.ms': 500 } }],
          producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 20, event: 'OrderPlaced', keys: { kind: 'sequence', prefix: 'order-' } }],
        },
      ),
      checked,
    );
    sim.runUntil(20_000);
    sim.apply({ type: 'burst', producer: 'checkout', count: 200 });
    // Find a second at which the position is below the log start offset and records are still processed.
    let processedWhileDeleted = 0;
    for (let t = 20_500; t <= 40_000 && processedWhileDeleted === 0; t += 500) {
      sim.runUntil(t);
      const start = sim.snapshot().topics[0]!.partitions[0]!.logStartOffset;
      const before = sim.summary().stats['email']!.processed;
      if (position(sim)! >= start) continue;
      sim.runUntil(t + 1000);
      if (sim.events().some((e) => e.code === 'offset.outOfRange')) break;
      processedWhileDeleted = sim.summary().stats['email']!.processed - before;
    }
    expect(processedWhileDeleted).toBeGreaterThan(0);
    sim.runUntil(45_000);
    const lost = sim.events().filter((e) => e.code === 'offset.outOfRange');
    expect(lost.length).toBeGreaterThan(0);
    expect(Number(lost[0]!.fields!['lost'])).toBeGreaterThan(50);
  });
});

describe('records fetched before an unclean election cut the log', () => {
  it('are still processed: the consumer keeps what it fetched and finds its position out of range afterwards', () => {
    const base = clusterScenario({
      brokers: 2,
      consumer: true,
      topicConfig: { 'replication.factor': 2, 'unclean.leader.election.enable': true },
      actions: [
        // The follower falls behind and leaves the ISR; the leader's crash elects it anyway.
        { atMs: 1000, type: 'delayNetwork', broker: 1, extraMs: 10_000 },
        { atMs: 60_000, type: 'crashBroker', broker: 0 },
      ],
    });
    // A consumer slower than the producer has fetched well past what it has processed.
    const sim = createSimulation({ ...base, services: base.services.map((s) => ({ ...s, processingMs: 30, config: { ...s.config, 'max.poll.records': 10 } })) }, checked);
    sim.runUntil(69_000);
    const cut = sim.events().find((e) => e.code === 'log.truncated');
    expect(cut).toBeDefined();
    const newEnd = Number(cut!.fields!['to']);
    const processedAtCut = sim.summary().stats['billing']!.processed;
    expect(sim.summary().groups['billing']!.offsets['orders-0']!.position).toBeGreaterThan(newEnd + 100);
    // Only records fetched before the cut, above the new log end, can be processed next.
    sim.runUntil(70_000);
    expect(sim.summary().stats['billing']!.processed).toBeGreaterThan(processedAtCut);
    sim.runUntil(80_000);
    expect(sim.events().some((e) => e.code === 'offset.outOfRange')).toBe(true);
  });
});

describe('the commit before rejoining is in flight', () => {
  function rebalance(strategy: 'range' | 'cooperative-sticky'): { sim: Simulation; joinMs: number; at: Map<number, Record<string, { committed: number | null; position: number | null }>> } {
    const sim = createSimulation(
      scenario(100, { config: { 'partition.assignment.strategy': strategy } }, {
        actions: [],
        topics: [{ name: 'orders', partitions: 2 }],
        producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 100, event: 'OrderPlaced', keys: { kind: 'sequence', prefix: 'order-' } }],
      }),
      checked,
    );
    sim.runUntil(10_000);
    sim.apply({ type: 'scale', service: 'email', instances: 2 });
    const at = new Map<number, Record<string, { committed: number | null; position: number | null }>>();
    let joinMs = -1;
    for (let t = 10_001; t < 20_000 && joinMs < 0; t++) {
      sim.runUntil(t);
      at.set(t, structuredClone(sim.summary().groups['email']!.offsets));
      if (sim.summary().groups['email']!.generation === 2) joinMs = t;
    }
    return { sim, joinMs, at };
  }

  it('eager: the partitions are pending revocation, neither fetched nor returned, so the commit covers all that was returned', () => {
    const { joinMs, at } = rebalance('range');
    expect(joinMs).toBeGreaterThan(0);
    const before = at.get(joinMs - 1)!;
    // The commit, sent two latencies before JoinGroup, reached the coordinator one latency before it.
    expect(at.get(joinMs - 101)!['orders-0']!.committed).not.toBe(before['orders-0']!.committed);
    for (const key of ['orders-0', 'orders-1']) {
      expect(before[key]!.committed).toBe(before[key]!.position);
      expect(at.get(joinMs - 199)![key]!.position).toBe(before[key]!.position);
    }
  });

  it('cooperative: the member goes on consuming what it owns while the commit is in flight', () => {
    const { joinMs, at } = rebalance('cooperative-sticky');
    expect(joinMs).toBeGreaterThan(0);
    const before = at.get(joinMs - 1)!;
    const committedAtJoin = at.get(joinMs)!;
    expect(before['orders-0']!.position!).toBeGreaterThan(committedAtJoin['orders-0']!.committed!);
  });
});
