/**
 * The difference table of a comparison: per topic, whether both runs hold the same records (a
 * content fingerprint each, and a reference run's when the comparison names one); per group,
 * records processed, duplicates and skipped; per client with synchronous calls, the share of
 * orders that succeeded. The counts come from the runs' snapshots; the fingerprints read whole
 * logs, so they are work done in steps (`step`), of the moment the work began, which the
 * comparison runs in idle time in slices of a millisecond or two (comparison.ts).
 */
import { createSimulation, type FingerprintWork, type Scenario, type Simulation, type SimSnapshot, type TopicFingerprint } from '../engine';

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

/** Sorted union of two lists of names. */
function namesOf(...lists: Array<readonly string[]>): string[] {
  return [...new Set(lists.flat())].sort();
}

/** A run at the moment tabulated: the simulation and its snapshot of that moment. */
export interface RunNow {
  simulation: Simulation;
  snapshot: SimSnapshot;
}

/**
 * The table of one moment, in steps: each step hashes up to `maxRecords` records (or runs as
 * many engine steps of the reference run); it answers the table once all is done, else null.
 */
export interface DifferencesWork {
  readonly atMs: number;
  step(maxRecords: number): ComparisonDifferences | null;
}

export type DifferencesOf = (a: RunNow, b: RunNow) => DifferencesWork;

/**
 * The table's computation for one comparison. A reference scenario is run alongside, forward
 * only, to the comparison's playhead (restarted when the playhead goes back).
 */
export function comparisonDifferences(reference?: { label: string; scenario: Scenario; topic: string }): DifferencesOf {
  let referenceRun: Simulation | null = null;
  const referenceRunAt = (scenario: Scenario, atMs: number): Simulation => {
    if (referenceRun === null || referenceRun.now > atMs) referenceRun = createSimulation(scenario);
    return referenceRun;
  };
  return (a, b) => differencesWork(a, b, reference, referenceRunAt);
}

function groupCounts(snapshot: SimSnapshot): Map<string, GroupCounts> {
  return new Map(snapshot.groups.map((group) => [group.serviceId, { processed: group.stats.processed, duplicates: group.stats.duplicates, skipped: group.stats.skipped }]));
}

function clientCounts(snapshot: SimSnapshot): Map<string, ClientCounts> {
  return new Map(
    (snapshot.calls?.clients ?? []).map((client) => [client.producer, { attempted: client.attempted, succeeded: client.succeeded, failed: client.failed, timedOut: client.timedOut }]),
  );
}

function differencesWork(
  a: RunNow,
  b: RunNow,
  reference: { label: string; scenario: Scenario; topic: string } | undefined,
  referenceRunAt: (scenario: Scenario, atMs: number) => Simulation,
): DifferencesWork {
  const atMs = Math.min(a.simulation.now, b.simulation.now);
  const groupsA = groupCounts(a.snapshot);
  const groupsB = groupCounts(b.snapshot);
  const groups = namesOf([...groupsA.keys()], [...groupsB.keys()]).map((group) => ({ group, a: groupsA.get(group) ?? null, b: groupsB.get(group) ?? null }));
  const clientsA = clientCounts(a.snapshot);
  const clientsB = clientCounts(b.snapshot);
  const clients = namesOf([...clientsA.keys()], [...clientsB.keys()]).map((client) => ({ client, a: clientsA.get(client) ?? null, b: clientsB.get(client) ?? null }));
  const names = namesOf(
    a.snapshot.topics.map((topic) => topic.name),
    b.snapshot.topics.map((topic) => topic.name),
  );
  // Each run's fingerprints are of this moment, however far the runs play while the work goes on.
  const pending = names.map((topic) => ({ topic, a: a.simulation.topicFingerprintWork(topic), b: b.simulation.topicFingerprintWork(topic) }));
  const done = new Map<FingerprintWork, TopicFingerprint>();
  const referenced = reference && names.includes(reference.topic) ? reference : undefined;
  const referenceRun = referenced ? referenceRunAt(referenced.scenario, atMs) : null;
  let referenceWork: FingerprintWork | null = null;
  let result: ComparisonDifferences | null = null;

  /** One step of the first work not yet done: true once every fingerprint is in. */
  function stepOnce(maxRecords: number): boolean {
    // The reference run first goes forward to the moment (its engine steps count as records).
    if (referenceRun !== null && referenceWork === null) {
      if (referenceRun.runSteps(atMs, maxRecords)) referenceWork = referenceRun.topicFingerprintWork(referenced!.topic);
      return false;
    }
    for (const work of [referenceWork, ...pending.flatMap((topic) => [topic.a, topic.b])]) {
      if (work === null || done.has(work)) continue;
      const fingerprint = work.step(maxRecords);
      if (fingerprint !== null) done.set(work, fingerprint);
      return false;
    }
    return true;
  }

  function step(maxRecords: number): ComparisonDifferences | null {
    if (!stepOnce(maxRecords)) return null;
    const fingerprintOf = (work: FingerprintWork | null) => (work === null ? null : done.get(work)!);
    const topics = pending.map(({ topic, a: workA, b: workB }): TopicDifference => {
      const fingerprintA = fingerprintOf(workA);
      const fingerprintB = fingerprintOf(workB);
      return {
        topic,
        a: fingerprintA,
        b: fingerprintB,
        reference: referenced && referenced.topic === topic ? { label: referenced.label, fingerprint: fingerprintOf(referenceWork) } : null,
        identical: fingerprintA !== null && fingerprintB !== null && fingerprintA.hash === fingerprintB.hash,
      };
    });
    result = { atMs, topics, groups, clients };
    return result;
  }

  return {
    atMs,
    step: (maxRecords) => result ?? step(maxRecords),
  };
}

/** Succeeded orders as a share of those finished (succeeded, failed or timed out), or null with none. */
export function successRate(counts: ClientCounts | null): number | null {
  if (counts === null) return null;
  const finished = counts.succeeded + counts.failed + counts.timedOut;
  return finished === 0 ? null : counts.succeeded / finished;
}
