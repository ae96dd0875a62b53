/**
 * What a simulation answers beyond its snapshot: retained records, lag history and Burrow's
 * explanations, group health, the consistency probe, disagreements, guarantee incidents and
 * per-record deliveries. Read-only functions over the world at the moment they are called.
 */
import { compareWithFold, type FoldComparison } from './service/referenceFold';
import type { LongestWait, ProbeAnswer } from './consistency/consistencyTracker';
import type { BurrowGroupStatus, LagStatus } from './lag/evaluateLagStatus';
import type { DisagreementSample, GroupLagSample } from './lag/lagMonitor';
import type { LogRecord } from './log/record';
import type { Incident } from './service/groupStats';
import type { World } from './world';
import { topicFingerprint, topicFingerprintWork, type FingerprintWork, type TopicFingerprint } from './log/topicFingerprint';

export interface RecordDelivery {
  service: string;
  /** Handler invocations on this record by the service's group (0 = not processed yet). */
  times: number;
  /** When the service's read model first applied the fact, if still tracked. */
  firstAppliedMs: number | null;
}

export interface GroupHealth {
  status: LagStatus;
  /** Burrow's group status: ERR, WARN or OK. */
  burrowStatus: BurrowGroupStatus;
  staleness: { seconds: number; records: number };
  maxConsistencyWindowMs: number | null;
}

export interface SimulationQueries {
  /** Up to `max` retained records of a partition from `fromOffset` (below the high watermark). */
  readRecords(topic: string, partition: number, fromOffset: number, max: number): LogRecord[];
  /** Lag samples of a group, one per second of virtual time (bounded). */
  lagHistory(groupId: string): readonly GroupLagSample[];
  /** Burrow's verdict per partition of a service's group now, with the rule that fired. */
  lagExplanation(serviceId: string): Record<string, { status: LagStatus; rule: string }>;
  /** Entities on which read models disagreed, sampled each second (bounded). */
  disagreementHistory(): readonly DisagreementSample[];
  /** "Is this entity (e.g. order-42) visible in each read model yet, and since when?" */
  probe(entity: string): ProbeAnswer | null;
  /** The newest entities (up to 64), newest first, with when each read model applied them. */
  recentFacts(count: number): ProbeAnswer[];
  /** Every fact the consistency tracker keeps (finished and pending), oldest first. */
  consistencyFacts(): ProbeAnswer[];
  /** The fact that has waited longest for a read model (applied or still waiting), if any. */
  longestWait(): LongestWait | null;
  /** The moments a service's guarantees were broken: duplicates, skips, order violations. */
  incidents(serviceId: string): readonly Incident[];
  /** Which services processed a record, how many times, and when each first applied its fact. */
  recordDeliveries(topic: string, partition: number, offset: number): RecordDelivery[];
  /** A service's group health now: Burrow status, staleness, largest consistency window. */
  health(serviceId: string): GroupHealth | null;
  /**
   * A service's read model against the reference fold of its retained log (every record once,
   * in order): how many entities differ. Reads the whole log: ask on demand, not every frame.
   */
  foldComparison(serviceId: string): FoldComparison | null;
  /** A hash of a topic's retained records (log/topicFingerprint.ts); null for an unknown topic. */
  topicFingerprint(topic: string): TopicFingerprint | null;
  /** The same fingerprint of this moment, computed in steps (while the run goes on); null for an unknown topic. */
  topicFingerprintWork(topic: string): FingerprintWork | null;
}

export function queriesOver(world: World): SimulationQueries {
  return {
    topicFingerprint(topic) {
      const found = world.topics.get(topic);
      return found ? topicFingerprint(found) : null;
    },
    topicFingerprintWork(topic) {
      const found = world.topics.get(topic);
      return found ? topicFingerprintWork(found) : null;
    },
    readRecords(topic, partition, fromOffset, max) {
      const log = world.topics.get(topic)?.partitions[partition];
      const out: LogRecord[] = [];
      log?.read(Math.max(fromOffset, log.logStartOffset), max, out);
      return out;
    },
    lagHistory: (groupId) => world.lag.history(groupId),
    lagExplanation(serviceId) {
      const service = world.services.get(serviceId);
      return service ? world.lag.explain(world, service) : {};
    },
    disagreementHistory: () => world.lag.disagreements,
    probe: (entity) => world.consistency.probe(entity),
    recentFacts: (count) => world.consistency.recent(count),
    consistencyFacts: () => world.consistency.all(),
    longestWait: () => world.consistency.longestWait(world.now),
    incidents: (serviceId) => world.services.get(serviceId)?.stats.incidents ?? [],
    foldComparison(serviceId) {
      const service = world.services.get(serviceId);
      return service ? compareWithFold(service, world.topics) : null;
    },
    recordDeliveries(topic, partition, offset) {
      const log = world.topics.get(topic)?.partitions[partition];
      const record = log?.recordAtOrAfter(offset);
      const key = `${topic}-${partition}`;
      const out: RecordDelivery[] = [];
      for (const service of world.services.values()) {
        if (!service.spec.subscribe.includes(topic)) continue;
        out.push({
          service: service.id,
          times: service.stats.timesProcessed(key, offset),
          firstAppliedMs: record && record.offset === offset ? world.consistency.appliedAt(record.eventId, service.id) : null,
        });
      }
      return out;
    },
    health(serviceId) {
      const service = world.services.get(serviceId);
      if (!service) return null;
      const lag = world.lag.measureNow(world, service);
      return {
        status: lag.status,
        burrowStatus: lag.burrowStatus,
        staleness: lag.staleness,
        maxConsistencyWindowMs: world.consistency.maxConsistencyWindowMs(service.id),
      };
    },
  };
}
