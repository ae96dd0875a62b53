/**
 * A service of a scenario (scenario format v1, contract 2): its subscription, instances,
 * handler, commit mode and Kafka consumer configs. Apart from scenario.ts so that commands
 * (`addService` carries one) and scenarios both use it without importing each other.
 */

export type AssignorName = 'range' | 'roundrobin' | 'sticky' | 'cooperative-sticky';

export type ConsumerConfig = Partial<{
  'group.id': string;
  'group.instance.id': string;
  'enable.auto.commit': boolean;
  'auto.commit.interval.ms': number;
  'auto.offset.reset': 'earliest' | 'latest' | 'none';
  'session.timeout.ms': number;
  'heartbeat.interval.ms': number;
  'max.poll.interval.ms': number;
  'max.poll.records': number;
  'partition.assignment.strategy': AssignorName | AssignorName[];
  'metadata.max.age.ms': number;
  'fetch.min.bytes': number;
  'fetch.max.wait.ms': number;
  'max.partition.fetch.bytes': number;
  'fetch.max.bytes': number;
}>;

export type CommitMode = 'auto' | 'after-processing' | 'before-processing';

export interface ServiceSpec {
  id: string;
  subscribe: string[];
  instances?: number;
  handler?: string;
  processingMs?: number;
  idempotent?: boolean;
  emitTo?: string;
  commit?: CommitMode;
  config?: ConsumerConfig;
  /** Workers per instance serving synchronous calls (default 4; calls/callSpec.ts). */
  threads?: number;
}
