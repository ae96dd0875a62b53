/**
 * The difference table of a comparison: per topic, whether both runs hold the same records (a
 * content fingerprint each, and a reference run's when the comparison names one); per group,
 * records processed, duplicates and skipped; per client with synchronous calls (summary
 * `requests`, when the engine reports it), the share of orders that succeeded. Reads whole logs:
 * computed paced, not every frame (comparison.ts).
 */
import { createSimulation, type Scenario, type Simulation, type Summary, type TopicFingerprint } from '../engine';

export interface TopicDifference {
  topic: string;
  a: TopicFingerprint | null;
  b: TopicFingerprint | null;
  /** The reference run's fingerprint of this topic (same moment), when the comparison has one. */
  reference: { label: string; fingerprint: TopicFingerprint | null } | null;
  identical: boolean;
}

export interface GroupCounts {
  processed: number;
  duplicates: number;
  skipped: number;
}

export interface ClientCounts {
  attempted: number;
  succeeded: number;
  failed: number;
  timedOut: number;
}

export interface ComparisonDifferences {
  atMs: number;
  topics: TopicDifference[];
  groups: Array<{ group: string; a: GroupCounts | null; b: GroupCounts | null }>;
  clients: Array<{ client: string; a: ClientCounts | null; b: ClientCounts | null }>;
}

/** Sorted union of two records' keys. */
function keysOf(...records: Array<Record<string, unknown>>): string[] {
  return [...new Set(records.flatMap((record) => Object.keys(record)))].sort();
}

/** The `requests` section of a summary (contract 7), if this engine reports one. */
function requestsOf(summary: Summary): Record<string, ClientCounts> {
  const requests = (summary as Summary & { requests?: Record<string, ClientCounts> }).requests;
  return requests ?? {};
}

export type DifferencesOf = (a: Simulation, b: Simulation) => ComparisonDifferences;

/**
 * The table's computation for one comparison. A reference scenario is run alongside, forward
 * only, to the comparison's playhead (restarted when the playhead goes back).
 */
export function comparisonDifferences(reference?: { label: string; scenario: Scenario; topic: string }): DifferencesOf {
  let referenceRun: Simulation | null = null;
  const referenceAt = (scenario: Scenario, atMs: number): Simulation => {
    if (referenceRun === null || referenceRun.now > atMs) referenceRun = createSimulation(scenario);
    referenceRun.runUntil(atMs);
    return referenceRun;
  };
  return (a, b) => differencesNow(a, b, reference, referenceAt);
}

function differencesNow(
  a: Simulation,
  b: Simulation,
  reference: { label: string; scenario: Scenario; topic: string } | undefined,
  referenceAt: (scenario: Scenario, atMs: number) => Simulation,
): ComparisonDifferences {
  const summaryA = a.summary();
  const summaryB = b.summary();
  const atMs = Math.min(a.now, b.now);
  const topics = keysOf(summaryA.topics, summaryB.topics).map((topic): TopicDifference => {
    const fingerprintA = a.topicFingerprint(topic);
    const fingerprintB = b.topicFingerprint(topic);
    const referenced =
      reference && reference.topic === topic
        ? { label: reference.label, fingerprint: referenceAt(reference.scenario, atMs).topicFingerprint(topic) }
        : null;
    return {
      topic,
      a: fingerprintA,
      b: fingerprintB,
      reference: referenced,
      identical: fingerprintA !== null && fingerprintB !== null && fingerprintA.hash === fingerprintB.hash,
    };
  });
  const counts = (summary: Summary, group: string): GroupCounts | null => {
    const stats = summary.stats[group];
    return stats ? { processed: stats.processed, duplicates: stats.duplicates, skipped: stats.skipped } : null;
  };
  const groups = keysOf(summaryA.stats, summaryB.stats).map((group) => ({ group, a: counts(summaryA, group), b: counts(summaryB, group) }));
  const requestsA = requestsOf(summaryA);
  const requestsB = requestsOf(summaryB);
  const clients = keysOf(requestsA, requestsB).map((client) => ({ client, a: requestsA[client] ?? null, b: requestsB[client] ?? null }));
  return { atMs, topics, groups, clients };
}

/** Succeeded orders as a share of those finished (succeeded, failed or timed out), or null with none. */
export function successRate(counts: ClientCounts | null): number | null {
  if (counts === null) return null;
  const finished = counts.succeeded + counts.failed + counts.timedOut;
  return finished === 0 ? null : counts.succeeded / finished;
}
