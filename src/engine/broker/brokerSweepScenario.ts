/**
 * The broker seed sweep's scenarios: the order story on 2 to 4 brokers, with replication
 * factor, min.insync.replicas, unclean election, acks and idempotence drawn per seed, and a
 * random script of broker crashes and restarts, slow networks and consumer failures.
 */
import { createStream } from '../random';
import type { Acks } from './replicationConfig';
import type { Scenario, TimedCommand } from '../scenario';
import { orderScenario } from '../testing/scenarios';

export const BROKER_SWEEP_SEEDS = 300;
export const BROKER_SWEEP_RUN_MS = 30_000;

function randomActions(seed: number, brokers: number): TimedCommand[] {
  const stream = createStream(seed, 'broker-sweep');
  const actions: TimedCommand[] = [];
  const broker = () => stream.int(brokers);
  for (let i = 0; i < 10; i++) {
    const atMs = stream.int(BROKER_SWEEP_RUN_MS);
    const pick = stream.int(8);
    if (pick <= 1) actions.push({ atMs, type: 'crashBroker', broker: broker() });
    else if (pick <= 3) actions.push({ atMs, type: 'startBroker', broker: broker() });
    else if (pick === 4) actions.push({ atMs, type: 'delayNetwork', broker: broker(), extraMs: [50, 500, 3000, 10_000][stream.int(4)]! });
    else if (pick === 5) actions.push({ atMs, type: 'restoreNetwork', broker: broker() });
    else if (pick === 6) actions.push({ atMs, type: 'crash', target: `${['inventory', 'billing', 'email'][stream.int(3)]}-0` });
    else actions.push({ atMs, type: 'start', target: `${['inventory', 'billing', 'email'][stream.int(3)]}-0` });
  }
  return actions.sort((a, b) => a.atMs - b.atMs);
}

export function brokerSweepScenario(seed: number): Scenario {
  const brokers = 2 + (seed % 3);
  const stream = createStream(seed, 'broker-sweep-config');
  const replicationFactor = 1 + stream.int(brokers);
  const acks = (['all', '1', '0', 'all'] as const)[seed % 4]! satisfies Acks;
  const idempotent = acks === 'all' && stream.next() < 0.5;
  const base = orderScenario({ seed, actions: randomActions(seed, brokers) });
  return {
    ...base,
    brokers,
    broker: { 'replica.lag.time.max.ms': [2000, 10_000, 30_000][seed % 3]!, 'broker.session.timeout.ms': [3000, 9000][seed % 2]! },
    topics: [
      {
        name: 'orders',
        partitions: 3,
        config: {
          'replication.factor': replicationFactor,
          'min.insync.replicas': 1 + stream.int(replicationFactor),
          'unclean.leader.election.enable': stream.next() < 0.3,
        },
      },
    ],
    producers: base.producers.map((p) => ({
      ...p,
      config: { acks, 'enable.idempotence': idempotent, 'request.timeout.ms': 2000 + stream.int(3000), 'delivery.timeout.ms': 20_000, 'max.in.flight.requests.per.connection': 1 + stream.int(5) },
    })),
  };
}
