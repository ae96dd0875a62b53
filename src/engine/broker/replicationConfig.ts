/**
 * Replication and delivery settings, Kafka's names and defaults taken literally
 * (doc/kafka.md §7): per topic `replication.factor`, `min.insync.replicas` and
 * `unclean.leader.election.enable`; per cluster `replica.lag.time.max.ms` and
 * `broker.session.timeout.ms`; per producer its delivery configs, with Kafka 3.2+'s rule that
 * idempotence left at its default is turned off quietly by settings it cannot work with
 * (ProducerConfig#postProcessAndValidateIdempotenceConfigs; explicit conflicts are refused when the scenario is parsed).
 */
import type { BrokerConfig, ProducerConfig, TopicConfig } from '../scenario';

export interface ResolvedReplicationConfig {
  replicationFactor: number;
  minInsyncReplicas: number;
  uncleanLeaderElection: boolean;
}

export function resolveReplicationConfig(config: TopicConfig | undefined): ResolvedReplicationConfig {
  return Object.freeze({
    replicationFactor: config?.['replication.factor'] ?? 1,
    minInsyncReplicas: config?.['min.insync.replicas'] ?? 1,
    uncleanLeaderElection: config?.['unclean.leader.election.enable'] ?? false,
  });
}

export interface ResolvedClusterConfig {
  brokers: number;
  replicaLagTimeMaxMs: number;
  brokerSessionTimeoutMs: number;
}

/** ReplicationConfigs: `replica.fetch.wait.max.ms`, how long a leader holds a follower's empty fetch. */
export const REPLICA_FETCH_WAIT_MAX_MS = 500;
/** ReplicationConfigs: `replica.fetch.backoff.ms`, a follower's pause after a failed fetch. */
export const REPLICA_FETCH_BACKOFF_MS = 1000;

export function resolveClusterConfig(brokers: number, config: BrokerConfig | undefined): ResolvedClusterConfig {
  return Object.freeze({
    brokers,
    replicaLagTimeMaxMs: config?.['replica.lag.time.max.ms'] ?? 30_000,
    brokerSessionTimeoutMs: config?.['broker.session.timeout.ms'] ?? 9000,
  });
}

export type Acks = 'all' | '1' | '0';

export interface ResolvedDeliveryConfig {
  acks: Acks;
  idempotent: boolean;
  retries: number;
  retryBackoffMs: number;
  requestTimeoutMs: number;
  deliveryTimeoutMs: number;
  maxInFlight: number;
  lingerMs: number;
}

/** Kafka 4.0's producer defaults (ProducerConfig; `linger.ms` 5 since KIP-1030). */
const PRODUCER_DEFAULTS = {
  retries: 2_147_483_647,
  retryBackoffMs: 100,
  requestTimeoutMs: 30_000,
  deliveryTimeoutMs: 120_000,
  maxInFlight: 5,
  lingerMs: 5,
};

export function resolveDeliveryConfig(config: ProducerConfig | undefined): ResolvedDeliveryConfig {
  const c = config ?? {};
  const acks: Acks = c.acks === '1' || c.acks === '0' ? c.acks : 'all';
  const retries = c.retries ?? PRODUCER_DEFAULTS.retries;
  const maxInFlight = c['max.in.flight.requests.per.connection'] ?? PRODUCER_DEFAULTS.maxInFlight;
  // Left unset, idempotence yields to acks != all, retries = 0 or more than 5 in flight.
  const compatible = acks === 'all' && retries > 0 && maxInFlight <= 5;
  return Object.freeze({
    acks,
    idempotent: c['enable.idempotence'] ?? compatible,
    retries,
    retryBackoffMs: c['retry.backoff.ms'] ?? PRODUCER_DEFAULTS.retryBackoffMs,
    requestTimeoutMs: c['request.timeout.ms'] ?? PRODUCER_DEFAULTS.requestTimeoutMs,
    deliveryTimeoutMs: c['delivery.timeout.ms'] ?? PRODUCER_DEFAULTS.deliveryTimeoutMs,
    maxInFlight,
    lingerMs: c['linger.ms'] ?? PRODUCER_DEFAULTS.lingerMs,
  });
}
