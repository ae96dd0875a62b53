/**
 * The read path for what a snapshot does not carry: lag history, Burrow's explanations, group
 * health, the consistency probe, disagreement samples, guarantee incidents and record details.
 * Each publish hands the store a new `SimQueries` over the run at that moment, so views read
 * everything from the store and re-render when it changes, and never reach into the live
 * simulation themselves. Answers that cost something (a group's health measures every
 * partition's lag) are computed once per publish, however many views ask.
 */
import type {
  DisagreementSample,
  GroupHealth,
  GroupLagSample,
  Incident,
  LagStatus,
  LogRecord,
  LongestWait,
  ProbeAnswer,
  RecordDelivery,
  Simulation,
} from '../engine';

export interface SimQueries {
  /** Virtual time of the snapshot published with these queries. */
  readonly atMs: number;
  lagHistory(groupId: string): readonly GroupLagSample[];
  lagExplanation(serviceId: string): Record<string, { status: LagStatus; rule: string }>;
  disagreementHistory(): readonly DisagreementSample[];
  probe(entity: string): ProbeAnswer | null;
  incidents(serviceId: string): readonly Incident[];
  /** A service's Burrow status, staleness and largest consistency window. */
  health(serviceId: string): GroupHealth | null;
  longestWait(): LongestWait | null;
  recentFacts(count: number): ProbeAnswer[];
  /** Up to `max` retained records of a partition from `fromOffset` (lane spans of older offsets). */
  readRecords(topic: string, partition: number, fromOffset: number, max: number): LogRecord[];
  recordDeliveries(topic: string, partition: number, offset: number): RecordDelivery[];
}

/** Queries over `simulation` as it stands now; the caller makes a new one when it moves on. */
export function simQueries(simulation: Simulation): SimQueries {
  const health = new Map<string, GroupHealth | null>();
  const explanations = new Map<string, Record<string, { status: LagStatus; rule: string }>>();
  let longest: { value: LongestWait | null } | null = null;
  return {
    atMs: simulation.now,
    lagHistory: (groupId) => simulation.lagHistory(groupId),
    lagExplanation: (serviceId) => remember(explanations, serviceId, () => simulation.lagExplanation(serviceId)),
    disagreementHistory: () => simulation.disagreementHistory(),
    probe: (entity) => simulation.probe(entity.trim()),
    incidents: (serviceId) => simulation.incidents(serviceId),
    health: (serviceId) => remember(health, serviceId, () => simulation.health(serviceId)),
    longestWait: () => (longest ??= { value: simulation.longestWait() }).value,
    recentFacts: (count) => simulation.recentFacts(count),
    readRecords: (topic, partition, fromOffset, max) => simulation.readRecords(topic, partition, fromOffset, max),
    recordDeliveries: (topic, partition, offset) => simulation.recordDeliveries(topic, partition, offset),
  };
}

function remember<V>(cache: Map<string, V>, key: string, compute: () => V): V {
  if (cache.has(key)) return cache.get(key)!;
  const value = compute();
  cache.set(key, value);
  return value;
}
