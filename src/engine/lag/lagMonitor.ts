/**
 * Lag, measured as Kafka's tools and Burrow measure it, sampled by an engine event every
 * second of virtual time (never by the caller, so chunking never changes the series):
 * - per partition: high watermark − committed (null without a commit, as
 *   kafka-consumer-groups shows "-"), high watermark − position (the consumer's records-lag),
 *   and seconds behind (age of the next record the read model has yet to apply);
 * - per group: staleness (records and seconds) and Burrow's status over a sliding window of
 *   its commits (group status = worst partition; Burrow's group status beside it).
 * Burrow's own input is coarser than the charts' (doc/kafka.md §4.5): it knows high watermarks
 * only from a fetch of every partition each `offset-refresh` (10 s by default, the first at the
 * first sample), and keeps the last `intervals` fetched offsets and commits per partition.
 * Histories are bounded ring buffers (LAG_LIMITS, `intervals`), so memory stays flat over long
 * runs.
 */
import { tpKey } from '../types';
import type { EngineContext } from '../engineContext';
import type { PartitionLog } from '../log/partitionLog';
import type { ResolvedBurrowConfig } from './burrowConfig';
import { burrowGroupStatus, evaluateLagStatus, explainLagStatus, worstLagStatus, type BurrowGroupStatus, type LagStatus, type LagWindow, type LagWindowEntry } from './evaluateLagStatus';
import { ColumnarLagSample, LagColumnsBuilder, type GroupLagSample } from './lagSample';

export type { GroupLagSample, PartitionLagSample } from './lagSample';

export const LAG_LIMITS = {
  sampleIntervalMs: 1000,
  /** Samples kept per group: one hour at one sample a second. */
  historySamples: 3600,
  /** Commits per partition in Burrow's sliding window by default (Burrow's `intervals`; a scenario's `burrow` may change it). */
  burrowWindowCommits: 10,
  /** Fetched high watermarks per partition by default, for Burrow's "recently caught up" rule (also `intervals`). */
  brokerOffsetSamples: 10,
} as const;

/** A service as the lag monitor sees it: its group's subscription, commits and progress. */
export interface LagSubject {
  readonly groupId: string;
  readonly spec: { readonly subscribe: readonly string[] };
  readonly group: { readonly committed: ReadonlyMap<string, { readonly offset: number }> };
  /** Each partition's position at the running instance that owns it now (absent: nobody). */
  positions(): ReadonlyMap<string, number>;
  /** Offset of the next record the read model has yet to apply. */
  nextToApply(partitionKey: string, committed: number | null, logStartOffset: number, highWatermark: number): number;
}

class GroupLagState {
  readonly commits = new Map<string, LagWindowEntry[]>();
  readonly history: ColumnarLagSample[] = [];
  latest: ColumnarLagSample | null = null;
}

/** A group's measurement now: what health and the summary read (no per-partition values). */
export interface GroupLagMeasure {
  staleness: { seconds: number; records: number };
  status: LagStatus;
  burrowStatus: BurrowGroupStatus;
}

/** Entities on which read models disagreed at a sample time (for inconsistency bands). */
export interface DisagreementSample {
  atMs: number;
  entities: number;
}

/** What the lag monitor reads of the simulation: the clock, the logs, the read models' disagreements. */
type LagContext = Pick<EngineContext, 'now' | 'topics' | 'consistency'>;

export class LagMonitor {
  private readonly groups = new Map<string, GroupLagState>();
  readonly disagreements: DisagreementSample[] = [];
  /** Burrow's fetched high watermarks per `topic-partition`, oldest first: one cluster, every group reads them. */
  private readonly brokerOffsets = new Map<string, number[]>();
  private nextBrokerFetchMs = 0;

  // The context is passed to each call, not kept: the monitor is plain state a fork copies.
  constructor(private readonly burrow: ResolvedBurrowConfig) {}

  private state(groupId: string): GroupLagState {
    let state = this.groups.get(groupId);
    if (!state) {
      state = new GroupLagState();
      this.groups.set(groupId, state);
    }
    return state;
  }

  /**
   * An offset commit was stored: it enters the partition's Burrow window with its lag then. As
   * in Burrow's addConsumerOffset, the lag is measured against the last *sampled* high watermark
   * (Burrow knows broker offsets only from its periodic fetch), floored at 0 since a commit can
   * be ahead of that sample, and a commit is dropped while no broker offset has been sampled yet.
   * The live high watermark would charge a group that is keeping up with the records appended
   * since the last sample, making healthy groups look stalled.
   */
  onCommit(world: LagContext, groupId: string, partitionKey: string, offset: number): void {
    const state = this.state(groupId);
    const brokerOffset = lastOf(this.brokerOffsets.get(partitionKey));
    if (brokerOffset === undefined) return;
    const entries = state.commits.get(partitionKey) ?? [];
    entries.push({ offset, timestampMs: world.now, lag: Math.max(0, brokerOffset - offset) });
    if (entries.length > this.burrow.intervals) entries.shift();
    state.commits.set(partitionKey, entries);
  }

  /** The sampling event: Burrow's broker-offset fetch when `offset-refresh` has passed, then one sample per group of `services`. */
  sample(world: LagContext, services: Iterable<LagSubject>): void {
    if (world.now >= this.nextBrokerFetchMs) {
      this.fetchBrokerOffsets(world);
      this.nextBrokerFetchMs = world.now + this.burrow.offsetRefreshMs;
    }
    this.disagreements.push(Object.freeze({ atMs: world.now, entities: world.consistency.disagreementCount }));
    if (this.disagreements.length > LAG_LIMITS.historySamples) this.disagreements.shift();
    for (const service of services) {
      const state = this.state(service.groupId);
      const columns = new LagColumnsBuilder(state.latest?.columns ?? null);
      const measured = this.measure(world, service, state, columns);
      const sample = new ColumnarLagSample(world.now, columns.finish(), measured.staleness, measured.status, measured.burrowStatus);
      state.latest = sample;
      state.history.push(sample);
      if (state.history.length > LAG_LIMITS.historySamples) state.history.shift();
    }
  }

  /** The current measurement of a group (computed now, not from the last sample). */
  measureNow(world: LagContext, service: LagSubject): GroupLagMeasure {
    return this.measure(world, service, this.state(service.groupId), null);
  }

  /** Burrow's getOffsets: the newest offset of every partition of every topic, into each partition's ring. */
  private fetchBrokerOffsets(world: LagContext): void {
    for (const [topicName, topic] of world.topics) {
      for (const log of topic.partitions) {
        const key = tpKey(topicName, log.partition);
        const offsets = this.brokerOffsets.get(key) ?? [];
        offsets.push(log.highWatermark);
        if (offsets.length > this.burrow.intervals) offsets.shift();
        this.brokerOffsets.set(key, offsets);
      }
    }
  }

  /** Burrow's verdict for each partition of a group now, with the rule that fired. */
  explain(world: LagContext, service: LagSubject): Record<string, { status: LagStatus; rule: string }> {
    const out: Record<string, { status: LagStatus; rule: string }> = {};
    for (const topicName of service.spec.subscribe) {
      const topic = world.topics.get(topicName);
      if (!topic) continue;
      for (const log of topic.partitions) {
        const key = tpKey(topicName, log.partition);
        const window = this.burrowWindow(world, service.groupId, key);
        out[key] = window ? explainLagStatus(window) : { status: 'OK', rule: 'OK: no offset committed yet, so Burrow has nothing to evaluate.' };
      }
    }
    return out;
  }

  /** The first buffer past its bound (for the invariants), or null. */
  boundsProblem(): string | null {
    if (this.disagreements.length > LAG_LIMITS.historySamples) return `disagreement samples: ${this.disagreements.length}`;
    for (const [groupId, state] of this.groups) {
      if (state.history.length > LAG_LIMITS.historySamples) return `${groupId}: lag samples: ${state.history.length}`;
      for (const [key, commits] of state.commits) {
        if (commits.length > this.burrow.intervals) return `${groupId} ${key}: Burrow window commits: ${commits.length}`;
      }
    }
    for (const [key, offsets] of this.brokerOffsets) {
      if (offsets.length > this.burrow.intervals) return `${key}: broker offset samples: ${offsets.length}`;
    }
    return null;
  }

  history(groupId: string): readonly GroupLagSample[] {
    return this.groups.get(groupId)?.history ?? [];
  }

  /**
   * Burrow's input for one partition right now, for explanations. Its current lag, like the lag
   * of each commit, is measured against the last sampled high watermark (Burrow's fetchConsumer).
   */
  burrowWindow(world: LagContext, groupId: string, partitionKey: string): LagWindow | null {
    const state = this.groups.get(groupId);
    const offsets = state?.commits.get(partitionKey);
    if (!state || !offsets || offsets.length === 0) return null;
    const brokerOffsets = this.brokerOffsets.get(partitionKey) ?? [];
    // A commit is only kept once a broker offset was sampled, so there is always one here.
    const brokerOffset = lastOf(brokerOffsets)!;
    return {
      offsets: [...offsets],
      brokerOffsets: [...brokerOffsets],
      currentLag: Math.max(0, brokerOffset - offsets[offsets.length - 1]!.offset),
      nowMs: world.now,
      allowedLag: this.burrow.allowedLag,
    };
  }

  /** Burrow's status of one partition now: `burrowWindow` without copying the window. */
  private statusOf(world: LagContext, state: GroupLagState, partitionKey: string): LagStatus {
    const offsets = state.commits.get(partitionKey);
    if (!offsets || offsets.length === 0) return 'OK';
    const brokerOffsets = this.brokerOffsets.get(partitionKey) ?? [];
    const brokerOffset = lastOf(brokerOffsets)!;
    const currentLag = Math.max(0, brokerOffset - offsets[offsets.length - 1]!.offset);
    // Burrow's first rule (calculatePartitionStatus), without building the window.
    if (!(currentLag > Math.max(0, this.burrow.allowedLag))) return 'OK';
    return evaluateLagStatus({ offsets, brokerOffsets, currentLag, nowMs: world.now, allowedLag: this.burrow.allowedLag });
  }

  /**
   * Lag of every partition the group subscribes to, into `columns` when given (a sample), and
   * the group's staleness and statuses from them.
   */
  private measure(world: LagContext, service: LagSubject, state: GroupLagState, columns: LagColumnsBuilder | null): GroupLagMeasure {
    const statuses: LagStatus[] = [];
    let records = 0;
    let behindMs = 0;
    const positions = columns ? service.positions() : null;
    for (const topicName of service.spec.subscribe) {
      const topic = world.topics.get(topicName);
      if (!topic) continue;
      for (const log of topic.partitions) {
        const key = log.key;
        const hw = log.highWatermark;
        const committed = service.group.committed.get(key)?.offset ?? null;
        const next = Math.max(log.logStartOffset, service.nextToApply(key, committed, log.logStartOffset, hw));
        let partitionBehindMs = 0;
        if (next < hw) {
          records += hw - next;
          const timestampMs = timestampAtOrAfter(log, next);
          if (timestampMs !== undefined) partitionBehindMs = world.now - timestampMs;
        }
        if (partitionBehindMs > behindMs) behindMs = partitionBehindMs;
        if (columns) {
          const position = positions!.get(key);
          columns.add(key, committed === null ? null : Math.max(0, hw - committed), position === undefined ? null : Math.max(0, hw - position), partitionBehindMs);
        }
        const status = this.statusOf(world, state, key);
        // Only statuses other than OK can change the group's verdicts.
        if (status !== 'OK') statuses.push(status);
      }
    }
    return {
      staleness: { seconds: behindMs / 1000, records },
      status: worstLagStatus(statuses),
      burrowStatus: burrowGroupStatus(statuses),
    };
  }
}

/**
 * Timestamp of the first record at or after `offset` below the high watermark (compaction may
 * leave gaps): `recordAtOrAfter` without making the record of a rolled segment kept in columns.
 */
function timestampAtOrAfter(log: PartitionLog, offset: number): number | undefined {
  const hw = log.highWatermark;
  const segments = log.segments;
  for (let si = log.segmentIndexFor(offset); si >= 0 && si < segments.length; si++) {
    const segment = segments[si]!;
    const i = segment.baseOffset <= offset ? segment.indexAtOrAfter(offset) : 0;
    if (i < segment.recordCount) return segment.offsetAt(i) < hw ? segment.timestampAt(i) : undefined;
  }
  return undefined;
}

function lastOf(values: readonly number[] | undefined): number | undefined {
  return values && values.length > 0 ? values[values.length - 1] : undefined;
}
