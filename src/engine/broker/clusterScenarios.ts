/**
 * Small replicated scenarios for the engine's replication tests and the broker seed sweep: one
 * topic on a few brokers, one producer at a fixed rate with sequence keys, optionally a consumer.
 */
import type { ProducerConfig, Scenario, TimedCommand, TopicConfig } from '../scenario';

export interface ClusterScenarioOptions {
  brokers?: number;
  partitions?: number;
  topicConfig?: TopicConfig;
  producerConfig?: ProducerConfig;
  ratePerSec?: number;
  actions?: TimedCommand[];
  consumer?: boolean;
  seed?: number;
}

export function clusterScenario(options: ClusterScenarioOptions = {}): Scenario {
  return {
    format: 'logscope-scenario',
    version: 1,
    seed: options.seed ?? 11,
    brokers: options.brokers ?? 3,
    topics: [{ name: 'orders', partitions: options.partitions ?? 1, config: { 'replication.factor': 3, ...options.topicConfig } }],
    producers: [
      {
        id: 'checkout',
        topic: 'orders',
        ratePerSec: options.ratePerSec ?? 50,
        arrival: 'fixed',
        event: 'OrderPlaced',
        keys: { kind: 'sequence', prefix: 'order-' },
        config: options.producerConfig,
      },
    ],
    services: options.consumer ? [{ id: 'billing', subscribe: ['orders'], config: { 'auto.offset.reset': 'earliest' } }] : [],
    actions: options.actions ?? [],
  };
}
