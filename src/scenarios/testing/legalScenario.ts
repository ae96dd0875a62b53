/**
 * Generates legal scenarios across the whole format, for the fuzzer that runs them: every
 * field within its limits (topics with retention, compaction and segment configs; event and
 * command producers with every key kind, arrival and partitioner; services with every handler,
 * commit mode, consumer config, static membership and emitTo hop; broker and Burrow configs; notes; and
 * actions of every type with references that resolve). Seeded, so a failure replays exactly.
 *
 * Rates are drawn up to the 10,000/s limit and then scaled down until the estimated work for
 * the run length fits `maxWork`: the fuzzer's runs stay short, and the shape of the scenario
 * (sizes, configs, actions) is still drawn from the whole format.
 */
import type { Command, ConsumerConfig, ProducerSpec, Scenario, ServiceSpec, TimedCommand, TopicSpec } from '../../engine';
import { HANDLER_NAMES } from '../../engine';
import { limits } from '../../engine';
import { estimateWork, workUntil } from '../workBudget';

/** mulberry32: a tiny seeded generator (test support only; the engine has its own streams). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface LegalScenarioOptions {
  runMs: number;
  /** Estimated work (units) the run may need; rates are scaled down to fit. */
  maxWork: number;
}

export function legalScenario(seed: number, options: LegalScenarioOptions): Scenario {
  const next = random(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  // Mostly small, sometimes at the limit: sizes spread over the whole range.
  const size = (max: number) => (chance(0.15) ? max : chance(0.5) ? int(1, Math.min(4, max)) : int(1, max));

  const topics: TopicSpec[] = Array.from({ length: size(6) }, (_, i) => {
    const config: NonNullable<TopicSpec['config']> = {};
    if (chance(0.5)) config['retention.ms'] = pick([-1, 1000, 5000, 20_000, 600_000, 604_800_000]);
    if (chance(0.3)) config['retention.bytes'] = pick([-1, 1000, 50_000, 1_000_000]);
    if (chance(0.4)) config['segment.ms'] = pick([1, 500, 2000, 10_000, 604_800_000]);
    if (chance(0.3)) config['segment.bytes'] = pick([limits.MIN_SEGMENT_BYTES, 200, 4096, 1_073_741_824]);
    if (chance(0.35)) config['cleanup.policy'] = pick(['delete', 'compact', 'compact,delete'] as const);
    if (chance(0.3)) config['min.cleanable.dirty.ratio'] = pick([0, 0.1, 0.5, 1]);
    if (chance(0.3)) config['delete.retention.ms'] = pick([0, 1000, 86_400_000]);
    if (chance(0.3)) config['min.compaction.lag.ms'] = pick([0, 1000, 30_000]);
    return { name: `t${i}`, partitions: chance(0.1) ? limits.MAX_PARTITIONS : int(1, 8), ...(Object.keys(config).length > 0 && { config }) };
  });
  const topicNames = topics.map((t) => t.name);
  const someTopics = () => topicNames.filter(() => chance(0.5)).slice(0, limits.MAX_TOPICS);

  const serviceCount = size(8);
  const services: ServiceSpec[] = [];
  for (let i = 0; i < serviceCount; i++) {
    const subscribe = someTopics();
    if (subscribe.length === 0) subscribe.push(pick(topicNames));
    const handler = pick(HANDLER_NAMES);
    const config: ConsumerConfig = {};
    if (chance(0.5)) config['auto.offset.reset'] = pick(['earliest', 'latest', 'none'] as const);
    if (chance(0.3)) config['enable.auto.commit'] = chance(0.5);
    if (chance(0.3)) config['auto.commit.interval.ms'] = pick([0, 100, 1000, 5000]);
    if (chance(0.3)) config['session.timeout.ms'] = pick([limits.MIN_SESSION_TIMEOUT_MS, 10_000, 45_000]);
    if (chance(0.3)) config['heartbeat.interval.ms'] = pick([1, 500, 3000]);
    if (chance(0.3)) config['max.poll.interval.ms'] = pick([1, 1000, 20_000, 300_000]);
    if (chance(0.4)) config['max.poll.records'] = pick([1, 5, 500, limits.MAX_POLL_RECORDS]);
    if (chance(0.4)) config['partition.assignment.strategy'] = chance(0.5) ? pick(['range', 'roundrobin', 'sticky', 'cooperative-sticky'] as const) : ['range', 'cooperative-sticky'];
    if (chance(0.15)) config['group.instance.id'] = `static-${i}`;
    const emitTo = handler === 'chargePayment' || chance(0.2) ? pick(topicNames) : undefined;
    services.push({
      id: `s${i}`,
      subscribe,
      instances: chance(0.1) ? limits.MAX_INSTANCES : int(0, 3),
      handler,
      // Zero-time loops are refused by the validator; keep processing time above 0 where
      // records could come back, 0 elsewhere sometimes.
      processingMs: chance(0.25) && emitTo === undefined ? 0 : pick([1, 5, 10, 50, 500]),
      ...(chance(0.3) && { idempotent: chance(0.5) }),
      ...(emitTo !== undefined && { emitTo }),
      ...(chance(0.4) && { commit: pick(['auto', 'after-processing', 'before-processing'] as const) }),
      ...(Object.keys(config).length > 0 && { config }),
    });
  }

  const producers: ProducerSpec[] = Array.from({ length: size(6) }, (_, i) => {
    const keyKind = pick(['sequence', 'uniform', 'zipf', 'none'] as const);
    const keys =
      keyKind === 'sequence'
        ? { kind: keyKind, prefix: 'order-' }
        : keyKind === 'uniform'
          ? { kind: keyKind, prefix: 'user-', count: pick([1, 20, limits.MAX_KEY_COUNT]) }
          : keyKind === 'zipf'
            ? { kind: keyKind, prefix: 'sku-', count: pick([2, 50, 1000]), s: pick([0.5, 1, limits.MAX_ZIPF_EXPONENT]) }
            : { kind: keyKind };
    const common = {
      id: `p${i}`,
      ratePerSec: chance(0.1) ? limits.MAX_RATE_PER_SEC : pick([0.5, 1, 5, 20, 100, 1000]),
      ...(chance(0.3) && { arrival: pick(['poisson', 'fixed'] as const) }),
      ...(chance(0.2) && { partitioner: pick(['default', 'roundrobin'] as const) }),
      keys,
      // Producer configs are accepted now and acted on once brokers exist; legal ones only.
      ...(chance(0.2) && {
        config: {
          acks: pick(['all', '-1', '1', '0'] as const),
          retries: pick([0, 3, 2_147_483_647]),
          'linger.ms': pick([0, 5, 100]),
          'max.in.flight.requests.per.connection': pick([1, 5, 10]),
        },
      }),
    };
    if (chance(0.2)) {
      const owner = pick(services);
      return { ...common, command: 'PlaceOrder', to: owner.id, ...(chance(0.5) && { invalidRatio: pick([0, 0.2, 1]) }) };
    }
    return { ...common, topic: pick(topicNames), event: pick(['OrderPlaced', 'ItemViewed', 'ProfileUpdated']) };
  });

  const broker = chance(0.3)
    ? { 'log.retention.check.interval.ms': pick([1, 1000, 60_000]), 'group.initial.rebalance.delay.ms': pick([0, 3000, 10_000]) }
    : undefined;
  const notes = chance(0.3) ? [{ atMs: int(0, options.runMs), text: 'A note.' }] : undefined;

  const instanceNames = services.flatMap((s) => Array.from({ length: Math.max(1, s.instances ?? 1) }, (_, k) => `${s.id}-${k}`));
  const partitionsNow = new Map(topics.map((t) => [t.name, t.partitions]));
  const actions: TimedCommand[] = [];
  const actionCount = chance(0.1) ? 60 : int(0, 12);
  const addedServices: string[] = [];
  for (let i = 0; i < actionCount; i++) {
    const atMs = int(0, options.runMs);
    const command = randomCommand();
    if (command) actions.push({ ...command, atMs } as TimedCommand);
  }

  function randomCommand(): Command | null {
    const kind = int(0, 16);
    const producer = producers.length > 0 ? pick(producers).id : null;
    switch (kind) {
      case 0: return { type: 'crash', target: pick(instanceNames) };
      case 1: return { type: 'hang', target: pick(instanceNames), mode: pick(['process', 'handler'] as const) };
      case 2: return { type: 'resume', target: pick(instanceNames) };
      case 3: return { type: 'stop', target: pick(instanceNames) };
      case 4: return { type: 'start', target: pick(instanceNames) };
      case 5: return { type: 'slow', target: pick(instanceNames), factor: pick([0.5, 2, 10, limits.MAX_SLOW_FACTOR]) };
      case 6: return { type: 'scale', service: pick(services).id, instances: int(0, 4) };
      case 7: {
        const id = `late${addedServices.length}`;
        addedServices.push(id);
        return { type: 'addService', service: { id, subscribe: [pick(topicNames)], handler: pick(HANDLER_NAMES), processingMs: pick([1, 10]), config: { 'auto.offset.reset': pick(['earliest', 'latest'] as const) } } };
      }
      case 8: return { type: 'setIdempotent', service: pick(services).id, idempotent: chance(0.5) };
      case 9: {
        const to = pick(['earliest', 'latest', { offset: int(0, 100) }, { timestampMs: int(0, options.runMs) }, { shiftBy: int(-50, 50) }] as const);
        return { type: 'resetOffsets', group: pick(services).id, to, ...(chance(0.5) && { rebuild: true }) };
      }
      case 10: return producer ? { type: 'pauseProducer', producer } : null;
      case 11: return producer ? { type: 'resumeProducer', producer } : null;
      case 12: return producer ? { type: 'setRate', producer, ratePerSec: pick([0.1, 1, 50, limits.MAX_RATE_PER_SEC]) } : null;
      case 13: return producer ? { type: 'burst', producer, count: pick([1, 100, 1000]) } : null;
      case 15: return { type: 'query', service: pick(services).id, entity: `order-${int(0, 30)}` };
      case 14: return producer ? { type: 'produce', producer, key: chance(0.8) ? `order-${int(0, 30)}` : null, value: chance(0.3) ? null : { amount: int(1, 99) }, ...(chance(0.3) && { count: int(1, 50) }) } : null;
      default: {
        const topic = pick(topicNames);
        const current = partitionsNow.get(topic)!;
        if (current >= limits.MAX_PARTITIONS) return null;
        const partitions = int(current + 1, Math.min(limits.MAX_PARTITIONS, current + 8));
        partitionsNow.set(topic, partitions);
        return { type: 'addPartitions', topic, partitions };
      }
    }
  }

  actions.sort((a, b) => a.atMs - b.atMs);
  // addPartitions must grow in time order: re-derive totals after sorting.
  const grown = new Map(topics.map((t) => [t.name, t.partitions]));
  const ordered = actions.filter((action) => {
    if (action.type !== 'addPartitions') return true;
    const current = grown.get(action.topic)!;
    if (action.partitions <= current) return false;
    grown.set(action.topic, action.partitions);
    return true;
  });

  // Drawn last, so adding them left the rest of each generated scenario as it was.
  const metadataMaxAge = () => ({ 'metadata.max.age.ms': pick([0, 1000, 300_000]) });
  for (let i = 0; i < services.length; i++) {
    if (chance(0.3)) services[i] = { ...services[i]!, config: { ...services[i]!.config, ...metadataMaxAge() } };
  }
  for (let i = 0; i < producers.length; i++) {
    if (chance(0.3)) producers[i] = { ...producers[i]!, config: { ...producers[i]!.config, ...metadataMaxAge() } };
  }
  const burrow = chance(0.3)
    ? { 'offset-refresh': pick([1, 10, limits.MAX_BURROW_OFFSET_REFRESH_S]), intervals: pick([1, 10, limits.MAX_BURROW_INTERVALS]), 'allowed-lag': pick([0, 5, limits.MAX_BURROW_ALLOWED_LAG]) }
    : undefined;

  let scenario: Scenario = {
    format: 'logscope-scenario',
    version: 1,
    title: `Fuzz ${seed}`,
    seed: seed >>> 0,
    topics,
    producers,
    services,
    ...(broker && { broker }),
    ...(burrow && { burrow }),
    ...(notes && { notes }),
    ...(ordered.length > 0 && { actions: ordered }),
  };
  // Scale every rate (producers and setRate actions) down until the run fits the work cap.
  for (let round = 0; round < 40 && workUntil(estimateWork(scenario), options.runMs) > options.maxWork; round++) {
    scenario = {
      ...scenario,
      producers: scenario.producers.map((p) => ({ ...p, ratePerSec: Math.max(0.01, Math.round(p.ratePerSec * 50) / 100) })),
      actions: scenario.actions?.map((a) =>
        a.type === 'setRate' ? { ...a, ratePerSec: Math.max(0.01, Math.round(a.ratePerSec * 50) / 100) }
        : a.type === 'burst' ? { ...a, count: Math.max(1, Math.floor(a.count / 2)) }
        : a.type === 'produce' && a.count !== undefined ? { ...a, count: Math.max(1, Math.floor(a.count / 2)) }
        : a,
      ),
    };
  }
  return scenario;
}
