/**
 * A read-only picture of the world for views: small plain objects, built on request. It copies
 * counters and the most recent records of each partition, never whole logs (the inspector reads
 * further back through `readRecords`). Given the previous snapshot, every part that did not
 * change is the previous object (snapshotSharing.ts): a partition whose log did not move is not
 * read again, and views compare parts by reference.
 */
import { rebalanceProtocolFor } from './config';
import type { LogRecord } from './log/record';
import type { SimEvent } from './simEvents';
import type { StatsSummary } from './summary';
import { tpKey } from './types';
import type { PartitionLog } from './log/partitionLog';
import { shareArray, shareRecord } from './snapshotSharing';
import type { World } from './world';
import { callsView, type CallsView } from './calls/callsView';
import type { PartitionReplicas } from './broker/partitionReplicas';
import { lostOffsetsOf, lostOffsetsSource, recordsAboveHighWatermark } from './replicatedLaneParts';

export const RECENT_RECORDS_PER_PARTITION = 64;
const RECENT_EVENTS = 200;

export interface SegmentView {
  baseOffset: number;
  endOffset: number;
  recordCount: number;
  sizeBytes: number;
}

export interface PartitionView {
  topic: string;
  partition: number;
  logStartOffset: number;
  logEndOffset: number;
  highWatermark: number;
  segments: SegmentView[];
  /** The last records of the log, oldest first. */
  recent: LogRecord[];
  /**
   * Brokers ≥ 2 only, when the leader has records at or above the high watermark: those
   * records (written, not yet committed: no consumer reads them), oldest first, the newest
   * RECENT_RECORDS_PER_PARTITION of them.
   */
  uncommitted?: LogRecord[];
  /**
   * Brokers ≥ 2 only, once some happened: runs of offsets whose records were acknowledged to
   * their producer and then cut from the log (an acks=1 leader's crash, an unclean election),
   * oldest first, the newest 16 runs. New records may since have taken those offsets.
   */
  ackedThenLost?: LostRecordsView[];
}

/** A run of acknowledged-then-lost offsets, `toOffset` exclusive, with the time and leader epoch of the cut. */
export interface LostRecordsView {
  fromOffset: number;
  toOffset: number;
  atMs: number;
  leaderEpoch: number;
}

export interface TopicView {
  name: string;
  cleanupPolicy: string;
  retentionMs: number;
  partitions: PartitionView[];
  /**
   * Distinct keys among the recent records (null keys excluded), counted up to
   * DISTINCT_KEYS_COUNTED (views ask only whether there are a few).
   */
  distinctRecentKeys: number;
}

export interface InstanceView {
  name: string;
  memberId: string | null;
  status: 'running' | 'hung' | 'crashed' | 'stopped';
  hangMode: 'process' | 'handler' | null;
  slowFactor: number;
  assignment: string[];
  positions: Record<string, number>;
  lastHeartbeatMs: number;
  lastCommitMs: number;
  lastPollMs: number;
}

export interface GroupView {
  groupId: string;
  serviceId: string;
  handler: string;
  idempotent: boolean;
  subscribe: string[];
  emitTo: string | null;
  state: string;
  generation: number;
  protocol: string | null;
  leaderId: string | null;
  instances: InstanceView[];
  committed: Record<string, number>;
  stats: StatsSummary;
  /** Distinct records in the read model as it is now (0 again after a rebuild clears it). */
  readModelApplied: number;
  rebalances: { atMs: number; generation: number }[];
  // ---- Lab view fields (read-only, added for the group panel and stepping; issue 7) ----------
  /** `eager` or `cooperative`, by Kafka's rule over the configured assignors. */
  rebalanceProtocol: 'eager' | 'cooperative';
  /**
   * The coordinator's members of the current generation: what each claimed to own when it
   * (re)joined (`owned`, i.e. its partitions before the last rebalance) and what the last
   * rebalance gave it (`assignment`). Members that left are absent.
   */
  members: GroupMemberView[];
  /** Virtual time of each partition's last successful commit. */
  committedAtMs: Record<string, number>;
  /** For a service that takes commands: how many were sent to it, accepted and rejected. */
  commands: { sent: number; accepted: number; rejected: number } | null;
}

/** One member as the group coordinator sees it (lab view field, issue 7). */
export interface GroupMemberView {
  memberId: string;
  instance: string;
  owned: string[];
  assignment: string[];
}

export interface ProducerView {
  id: string;
  topic: string | null;
  event: string | null;
  command: string | null;
  to: string | null;
  ratePerSec: number;
  paused: boolean;
  sent: number;
}

/** One replica of a partition, as the replication view shows it (broker/). */
export interface ReplicaView {
  broker: number;
  logEndOffset: number;
  inIsr: boolean;
  isLeader: boolean;
}

export interface ReplicatedPartitionView {
  key: string;
  leader: number | null;
  leaderEpoch: number;
  highWatermark: number;
  logEndOffset: number;
  replicas: ReplicaView[];
}

/** Brokers and replicas when the scenario has two or more brokers. */
export interface ReplicationView {
  brokers: { id: number; status: 'running' | 'crashed'; fenced: boolean; extraDelayMs: number }[];
  partitions: ReplicatedPartitionView[];
}

export interface SimSnapshot {
  /** Present only when the scenario has two or more brokers. */
  replication?: ReplicationView;
  nowMs: number;
  topics: TopicView[];
  groups: GroupView[];
  producers: ProducerView[];
  recentEvents: SimEvent[];
  eventCount: number;
  /** Synchronous calls (clients, called services' workers, messages in flight); absent without calling clients. */
  calls?: CallsView;
}

/** What a partition's view is built from: when none of it moved, the view is the same. */
const partitionSources = new WeakMap<PartitionView, readonly unknown[]>();

function partitionSource(log: PartitionLog, replicas: PartitionReplicas | undefined): unknown[] {
  const source: unknown[] = [log.logStartOffset, log.logEndOffset, log.highWatermark, log.sizeBytes, log.segments.length, log.cleanerCheckpoint];
  // A truncation followed by as many appends leaves every count the same: the newest record tells.
  if (replicas) source.push(log.activeSegment.recordAt(log.activeSegment.recordCount - 1), ...lostOffsetsSource(replicas));
  return source;
}

function partitionView(log: PartitionLog, topicName: string, previous: PartitionView | undefined, replicas?: PartitionReplicas): PartitionView {
  const source = partitionSource(log, replicas);
  const previousSource = previous && partitionSources.get(previous);
  if (previous && previousSource && previousSource.every((value, i) => value === source[i])) return previous;
  const recent: LogRecord[] = [];
  const from = Math.max(log.logStartOffset, log.highWatermark - RECENT_RECORDS_PER_PARTITION);
  log.read(from, RECENT_RECORDS_PER_PARTITION, recent);
  const view: PartitionView = {
    topic: topicName,
    partition: log.partition,
    logStartOffset: log.logStartOffset,
    logEndOffset: log.logEndOffset,
    highWatermark: log.highWatermark,
    segments: log.segments.map((s, i) => ({
      baseOffset: s.baseOffset,
      endOffset: i === log.segments.length - 1 ? log.logEndOffset : s.endOffset,
      recordCount: s.recordCount,
      sizeBytes: s.sizeBytes,
    })),
    recent,
  };
  if (replicas && log.highWatermark < log.logEndOffset) view.uncommitted = recordsAboveHighWatermark(log, RECENT_RECORDS_PER_PARTITION);
  if (replicas && replicas.lostAcked.length > 0) view.ackedThenLost = lostOffsetsOf(replicas);
  partitionSources.set(view, source);
  return view;
}

/**
 * Counting stops here: a topic at the limits holds some 60,000 recent records, and counting all
 * their keys took a tenth of each snapshot while views only ask whether there are a few.
 */
const DISTINCT_KEYS_COUNTED = 64;

function distinctKeys(partitions: readonly PartitionView[]): number {
  const keys = new Set<string>();
  for (const partition of partitions) {
    for (const record of partition.recent) {
      if (record.key === null) continue;
      keys.add(record.key);
      if (keys.size >= DISTINCT_KEYS_COUNTED) return keys.size;
    }
  }
  return keys.size;
}

/** Brokers and replicas, sharing with `previous` every broker, partition and replica that did not change. */
function replicationView(world: World, previous: ReplicationView | undefined): ReplicationView | undefined {
  const cluster = world.cluster;
  if (!cluster) return undefined;
  const brokers = shareArray(
    previous?.brokers,
    cluster.brokers.map((b, i) => shareRecord(previous?.brokers[i], { id: b.id, status: b.status, fenced: b.fenced, extraDelayMs: b.extraDelayMs })),
  );
  const partitions = shareArray(
    previous?.partitions,
    cluster.allPartitions(world).map((replicas, i) => {
      const was = previous?.partitions[i];
      const log = cluster.log(world, replicas.topic, replicas.partition)!;
      const replicaViews = replicas.states.map((state, j) =>
        shareRecord(was?.replicas[j], {
          broker: state.broker,
          logEndOffset: state.broker === replicas.leader ? log.logEndOffset : state.leo,
          inIsr: replicas.inIsr(state.broker),
          isLeader: state.broker === replicas.leader,
        }),
      );
      return shareRecord(was, {
        key: replicas.key,
        leader: replicas.leader,
        leaderEpoch: replicas.leaderEpoch,
        highWatermark: log.highWatermark,
        logEndOffset: log.logEndOffset,
        replicas: shareArray(was?.replicas, replicaViews),
      });
    }),
  );
  return shareRecord(previous, { brokers, partitions });
}

/**
 * The snapshot of `world` now, sharing with `previous` (the last snapshot of this run) what did
 * not change; null when `shouldGiveUp`, asked after each topic and each group, says so.
 */
export function buildSnapshot(world: World, previous: SimSnapshot | undefined, shouldGiveUp: () => boolean): SimSnapshot | null;
export function buildSnapshot(world: World, previous?: SimSnapshot): SimSnapshot;
export function buildSnapshot(world: World, previous?: SimSnapshot, shouldGiveUp: () => boolean = () => false): SimSnapshot | null {
  const topics: TopicView[] = [];
  for (const topic of world.topics.values()) {
    if (shouldGiveUp()) return null;
    const before = previous?.topics.find((t) => t.name === topic.name);
    const partitions = shareArray(
      before?.partitions,
      topic.partitions.map((log) => partitionView(log, topic.name, before?.partitions[log.partition], world.cluster?.partitions.get(log.key))),
    );
    const view: TopicView = {
      name: topic.name,
      cleanupPolicy: topic.config.cleanupPolicy,
      retentionMs: topic.config.retentionMs,
      partitions,
      distinctRecentKeys: before && before.partitions === partitions ? before.distinctRecentKeys : distinctKeys(partitions),
    };
    topics.push(before && before.partitions === partitions ? shareRecord(before, view) : view);
  }
  const groups: GroupView[] = [];
  for (const service of world.services.values()) {
    if (shouldGiveUp()) return null;
    const group = service.group;
    const before = previous?.groups.find((g) => g.groupId === group.groupId);
    const committed: Record<string, number> = {};
    const committedAtMs: Record<string, number> = {};
    for (const [key, value] of group.committed) {
      committed[key] = value.offset;
      committedAtMs[key] = value.commitTimeMs;
    }
    const instances = shareArray(
      before?.instances,
      service.instances.map((instance, i) => {
        const was = before?.instances[i];
        const positions: Record<string, number> = {};
        for (const tp of instance.assignment) {
          const key = tpKey(tp.topic, tp.partition);
          const position = instance.positionOf(key);
          if (position !== undefined) positions[key] = position;
        }
        const view: InstanceView = {
          name: instance.name,
          memberId: instance.memberId,
          status: instance.status,
          hangMode: instance.hangMode,
          slowFactor: instance.slowFactor,
          assignment: shareArray(was?.assignment, instance.isAlive ? instance.assignment.map((tp) => tpKey(tp.topic, tp.partition)) : []),
          positions: shareRecord(was?.positions, positions),
          lastHeartbeatMs: instance.liveness.lastHeartbeatMs,
          lastCommitMs: instance.client.lastCommitMs,
          lastPollMs: instance.liveness.lastPollMs,
        };
        return shareRecord(was, view);
      }),
    );
    const members = shareArray(
      before?.members,
      [...group.metadata.members.values()].map((member, i) => {
        const was = before?.members[i];
        return shareRecord(was, {
          memberId: member.memberId,
          instance: member.instance.name,
          owned: shareArray(was?.owned, member.owned.map((tp) => tpKey(tp.topic, tp.partition))),
          assignment: shareArray(was?.assignment, member.assignment.map((tp) => tpKey(tp.topic, tp.partition))),
        });
      }),
    );
    const view: GroupView = {
      groupId: group.groupId,
      serviceId: service.id,
      handler: service.handler.name,
      idempotent: service.idempotent,
      subscribe: shareArray(before?.subscribe, [...service.spec.subscribe]),
      emitTo: service.spec.emitTo ?? null,
      state: group.metadata.state,
      generation: group.generation,
      protocol: group.metadata.protocol,
      leaderId: group.metadata.leaderId,
      instances,
      committed: shareRecord(before?.committed, committed),
      stats: shareRecord(before?.stats, { ...service.stats.toJSON(), divergence: service.divergence }),
      readModelApplied: service.stats.appliedToModel,
      rebalances: shareArray(before?.rebalances, group.metadata.rebalances.slice(-100)),
      // Lab view fields (issue 7).
      rebalanceProtocol: rebalanceProtocolFor(service.config.assignors),
      members,
      committedAtMs: shareRecord(before?.committedAtMs, committedAtMs),
      commands: service.handler.handleCommand ? shareRecord(before?.commands, { ...service.commands }) : null,
    };
    groups.push(shareRecord(before, view));
  }
  const producers = shareArray(
    previous?.producers,
    [...world.producers.values()].map((p, i) =>
      shareRecord(previous?.producers[i], {
        id: p.id,
        topic: p.spec.topic ?? null,
        event: p.spec.event ?? null,
        command: p.spec.command ?? null,
        to: p.spec.to ?? null,
        ratePerSec: p.ratePerSec,
        paused: p.paused,
        sent: p.sent,
      }),
    ),
  );
  const calls = callsView(world);
  return {
    nowMs: world.now,
    topics: shareArray(previous?.topics, topics),
    groups: shareArray(previous?.groups, groups),
    producers,
    recentEvents: shareArray(previous?.recentEvents, world.events.slice(-RECENT_EVENTS)),
    eventCount: world.events.length + world.droppedEvents,
    ...(calls ? { calls } : {}),
    ...(world.cluster && { replication: replicationView(world, previous?.replication) }),
  };
}
