/**
 * A read-only picture of the world for views: small plain objects, rebuilt on request. It
 * copies counters and the most recent records of each partition, never whole logs (the
 * inspector reads further back through `readRecords`).
 */
import { rebalanceProtocolFor } from './config';
import type { LogRecord } from './log/record';
import type { SimEvent } from './simEvents';
import type { StatsSummary } from './summary';
import { tpKey } from './types';
import type { World } from './world';

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
}

export interface TopicView {
  name: string;
  cleanupPolicy: string;
  retentionMs: number;
  partitions: PartitionView[];
  /** Distinct keys among the recent records (null keys excluded). */
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

export interface SimSnapshot {
  nowMs: number;
  topics: TopicView[];
  groups: GroupView[];
  producers: ProducerView[];
  recentEvents: SimEvent[];
  eventCount: number;
}

export function buildSnapshot(world: World): SimSnapshot {
  const topics: TopicView[] = [];
  for (const topic of world.topics.values()) {
    const keys = new Set<string>();
    const partitions = topic.partitions.map((log): PartitionView => {
      const recent: LogRecord[] = [];
      const from = Math.max(log.logStartOffset, log.highWatermark - RECENT_RECORDS_PER_PARTITION);
      log.read(from, RECENT_RECORDS_PER_PARTITION, recent);
      for (const record of recent) if (record.key !== null) keys.add(record.key);
      return {
        topic: topic.name,
        partition: log.partition,
        logStartOffset: log.logStartOffset,
        logEndOffset: log.logEndOffset,
        highWatermark: log.highWatermark,
        segments: log.segments.map((s, i) => ({
          baseOffset: s.baseOffset,
          endOffset: i === log.segments.length - 1 ? log.logEndOffset : s.endOffset,
          recordCount: s.records.length,
          sizeBytes: s.sizeBytes,
        })),
        recent,
      };
    });
    topics.push({
      name: topic.name,
      cleanupPolicy: topic.config.cleanupPolicy,
      retentionMs: topic.config.retentionMs,
      partitions,
      distinctRecentKeys: keys.size,
    });
  }
  const groups: GroupView[] = [];
  for (const service of world.services.values()) {
    const group = service.group;
    const committed: Record<string, number> = {};
    const committedAtMs: Record<string, number> = {};
    for (const [key, value] of group.committed) {
      committed[key] = value.offset;
      committedAtMs[key] = value.commitTimeMs;
    }
    groups.push({
      groupId: group.groupId,
      serviceId: service.id,
      handler: service.handler.name,
      idempotent: service.idempotent,
      subscribe: [...service.spec.subscribe],
      emitTo: service.spec.emitTo ?? null,
      state: group.state,
      generation: group.generation,
      protocol: group.protocol,
      leaderId: group.leaderId,
      instances: service.instances.map((instance) => {
        const positions: Record<string, number> = {};
        for (const tp of instance.assignment) {
          const key = tpKey(tp.topic, tp.partition);
          const position = instance.positionOf(key);
          if (position !== undefined) positions[key] = position;
        }
        return {
          name: instance.name,
          memberId: instance.memberId,
          status: instance.status,
          hangMode: instance.hangMode,
          slowFactor: instance.slowFactor,
          assignment: instance.isAlive ? instance.assignment.map((tp) => tpKey(tp.topic, tp.partition)) : [],
          positions,
          lastHeartbeatMs: instance.lastHeartbeatMs,
          lastCommitMs: instance.lastCommitMs,
          lastPollMs: instance.lastPollMs,
        };
      }),
      committed,
      stats: { ...service.stats.toJSON(), divergence: service.divergence },
      rebalances: group.rebalances.slice(-100),
      // Lab view fields (issue 7).
      rebalanceProtocol: rebalanceProtocolFor(service.config.assignors),
      members: [...group.members.values()].map((member) => ({
        memberId: member.memberId,
        instance: member.instance.name,
        owned: member.owned.map((tp) => tpKey(tp.topic, tp.partition)),
        assignment: member.assignment.map((tp) => tpKey(tp.topic, tp.partition)),
      })),
      committedAtMs,
      commands: service.handler.handleCommand ? { ...service.commands } : null,
    });
  }
  const producers: ProducerView[] = [...world.producers.values()].map((p) => ({
    id: p.id,
    topic: p.spec.topic ?? null,
    event: p.spec.event ?? null,
    command: p.spec.command ?? null,
    to: p.spec.to ?? null,
    ratePerSec: p.ratePerSec,
    paused: p.paused,
    sent: p.sent,
  }));
  return {
    nowMs: world.now,
    topics,
    groups,
    producers,
    recentEvents: world.events.slice(-RECENT_EVENTS),
    eventCount: world.events.length + world.droppedEvents,
  };
}
