/**
 * Read-only queries the insight views make of the live simulation: lag history, Burrow's
 * explanations, the consistency probe, disagreement samples and guarantee incidents. Views call
 * them while rendering for the current playhead (they re-render when the snapshot changes), so
 * nothing large is copied into the store every frame.
 */
import { LAG_LIMITS, murmur2, toPositive, utf8Bytes, type DisagreementSample, type GroupHealth, type GroupLagSample, type Incident, type LagStatus, type LogRecord, type LongestWait, type ProbeAnswer, type RecordDelivery } from '../engine';
import { currentSimulation } from './runController';

/** Lag is sampled once a virtual second; the lag views follow that tick, not every frame. */
export const LAG_SAMPLE_INTERVAL_MS = LAG_LIMITS.sampleIntervalMs;

export function lagHistory(groupId: string): readonly GroupLagSample[] {
  return currentSimulation().lagHistory(groupId);
}

export function lagExplanation(serviceId: string): Record<string, { status: LagStatus; rule: string }> {
  return currentSimulation().lagExplanation(serviceId);
}

export function disagreementHistory(): readonly DisagreementSample[] {
  return currentSimulation().disagreementHistory();
}

export function probe(entity: string): ProbeAnswer | null {
  return currentSimulation().probe(entity.trim());
}

export function incidents(serviceId: string): readonly Incident[] {
  return currentSimulation().incidents(serviceId);
}

/** A service's Burrow status, staleness and largest consistency window, computed now. */
export function groupHealth(serviceId: string): GroupHealth | null {
  return currentSimulation().health(serviceId);
}

export function longestWait(): LongestWait | null {
  return currentSimulation().longestWait();
}

export function recentFacts(count: number): ProbeAnswer[] {
  return currentSimulation().recentFacts(count);
}

/** Up to `max` retained records of a partition from `fromOffset` (for lane spans of older offsets). */
export function readRecords(topic: string, partition: number, fromOffset: number, max: number): LogRecord[] {
  return currentSimulation().readRecords(topic, partition, fromOffset, max);
}

export function recordDeliveries(topic: string, partition: number, offset: number): RecordDelivery[] {
  return currentSimulation().recordDeliveries(topic, partition, offset);
}

/** Kafka's default partitioner, step by step, for the inspector: murmur2 → & 0x7fffffff → % N. */
export function partitioningOf(key: string, partitionCount: number): { hash: number; positive: number; partition: number } {
  const hash = murmur2(utf8Bytes(key));
  const positive = toPositive(hash);
  return { hash, positive, partition: positive % partitionCount };
}
