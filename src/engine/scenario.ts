/**
 * Scenario format version 1: the plain JSON object that describes a run (doc/design.md, contract 2).
 *
 * These are the *validated* shapes the engine consumes. Parsing untrusted input into them (with
 * field paths, limits and warnings) lives in `src/scenarios/parseScenario.ts`; the engine trusts
 * what it is given and fills Kafka's defaults for omitted config keys.
 */
import type { Condition } from './conditionTypes';
import type { Command } from './commands';
import type { ServiceSpec } from './serviceSpec';
import type { CallsSpec } from './calls/callSpec';

export type TopicConfig = Partial<{
  'retention.ms': number;
  'retention.bytes': number;
  'segment.ms': number;
  'segment.bytes': number;
  'cleanup.policy': 'delete' | 'compact' | 'compact,delete';
  'delete.retention.ms': number;
  'min.cleanable.dirty.ratio': number;
  'min.compaction.lag.ms': number;
  /** Replicas per partition (doc/design.md contract 7): at most `brokers`. */
  'replication.factor': number;
  'min.insync.replicas': number;
  'unclean.leader.election.enable': boolean;
}>;

export interface TopicSpec {
  name: string;
  partitions: number;
  config?: TopicConfig;
}

export type KeySpec =
  | { kind: 'sequence'; prefix?: string }
  | { kind: 'uniform'; prefix?: string; count: number }
  | { kind: 'zipf'; prefix?: string; count: number; s?: number }
  | { kind: 'none' };

export interface ProducerSpec {
  id: string;
  /** Topic the producer appends events to (an event producer). */
  topic?: string;
  /** Event type written to the topic, e.g. `OrderPlaced`. */
  event?: string;
  /** A client sending commands instead of events: the command name, e.g. `PlaceOrder`. */
  command?: string;
  /** The service that owns the command. */
  to?: string;
  ratePerSec: number;
  arrival?: 'poisson' | 'fixed';
  keys?: KeySpec;
  partitioner?: 'default' | 'roundrobin';
  /** Fraction of commands that are invalid (unknown SKU or zero quantity), 0..1. */
  invalidRatio?: number;
  /** Kafka's producer configs (doc/design.md contract 7); acted on once brokers exist. */
  config?: ProducerConfig;
  /** A client placing orders through synchronous calls instead of events (calls/callSpec.ts). */
  calls?: CallsSpec;
}

export type ProducerConfig = Partial<{
  acks: 'all' | '-1' | '1' | '0';
  'enable.idempotence': boolean;
  retries: number;
  'retry.backoff.ms': number;
  'request.timeout.ms': number;
  'delivery.timeout.ms': number;
  'max.in.flight.requests.per.connection': number;
  'linger.ms': number;
  'metadata.max.age.ms': number;
}>;

export type { AssignorName, CommitMode, ConsumerConfig, ServiceSpec } from './serviceSpec';
export type { CallMode, CallsSpec } from './calls/callSpec';

export type BrokerConfig = Partial<{
  'log.retention.check.interval.ms': number;
  'group.initial.rebalance.delay.ms': number;
  /** A follower that has not caught up for this long leaves the ISR. */
  'replica.lag.time.max.ms': number;
  /** The controller fences a broker whose heartbeats have stopped for this long. */
  'broker.session.timeout.ms': number;
}>;

/**
 * Burrow's settings by Burrow's names (doc/design.md contract 7): `offset-refresh` in whole
 * seconds (default 10), `intervals` (default 10), `allowed-lag` (default 0).
 */
export type BurrowConfig = Partial<{
  'offset-refresh': number;
  intervals: number;
  'allowed-lag': number;
}>;

/** The network between nodes (doc/design.md contract 7): `latencyMs` one way, integer 0–10,000. */
export type NetworkConfig = Partial<{ latencyMs: number }>;

export interface Note {
  atMs: number;
  text: string;
  /**
   * What the note claims, as a condition on the run (the lessons' condition data): the caption
   * shows only while it holds, so a run the user changed never shows a caption that is no longer
   * true of it. Events count from the note's time; `at`/`change` read the run at t = 0.
   */
  when?: Condition;
}

/** A timed command: the scenario's `actions` and the run's interventions. */
export type TimedCommand = Command & { atMs: number };

export interface Scenario {
  format: 'logscope-scenario';
  version: 1;
  title?: string;
  seed: number;
  topics: TopicSpec[];
  producers: ProducerSpec[];
  services: ServiceSpec[];
  broker?: BrokerConfig;
  burrow?: BurrowConfig;
  network?: NetworkConfig;
  /** Brokers in the cluster, 1–9 (contract 7); absent = 1, the first release's single broker. */
  brokers?: number;
  notes?: Note[];
  actions?: TimedCommand[];
}
