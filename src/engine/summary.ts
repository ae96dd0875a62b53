/**
 * The summary JSON (doc/design.md, contract 3): log state per user topic, per group its state,
 * members and offsets (`committed` and `lag` null without a commit; lag = high watermark −
 * committed, as kafka-consumer-groups shows it), delivery stats and read models.
 */
import type { BurrowGroupStatus, LagStatus } from './lag/evaluateLagStatus';
import { tpKey } from './types';
import type { World } from './world';
import { boundListings } from './boundedListings';
import { requestSummaries } from './calls/callsView';
import type { RequestSummary } from './calls/requestStats';

export interface PartitionSummary {
  partition: number;
  logStartOffset: number;
  logEndOffset: number;
  highWatermark: number;
  /** The leader's broker id, or null while the partition is offline (contract 7). */
  leader: number | null;
  replicas: number[];
  isr: number[];
  leaderEpoch: number;
}

export interface ProducerSummary {
  sent: number;
  ratePerSec: number;
  paused: boolean;
  /** Records acknowledged to the producer (one broker: every record, appended as it is sent). */
  acked: number;
  /** Records given up (delivery timeout, retries used up). */
  failed: number;
  /** Records resent. */
  retries: number;
  /** Records appended a second time by a resend. */
  duplicatesWritten: number;
  /** Records acknowledged and later gone from the log (truncated by a leader change). */
  ackedThenLost: number;
}

export interface MemberSummary {
  memberId: string | null;
  status: 'running' | 'hung' | 'crashed' | 'stopped';
  slowFactor: number;
  assignment: string[];
}

export interface OffsetSummary {
  committed: number | null;
  position: number | null;
  lag: number | null;
}

export interface GroupSummary {
  state: string;
  generation: number;
  protocol: string | null;
  members: Record<string, MemberSummary>;
  offsets: Record<string, OffsetSummary>;
  /** The worst partition status by Burrow's rules. */
  status: LagStatus;
  /** Burrow's group status (contract 7): ERR for any STOP, STALL or REWIND partition, WARN for any WARN, else OK. */
  burrowStatus: BurrowGroupStatus;
  /** How far the group's read model is behind: age of the oldest unapplied record, and count. */
  staleness: { seconds: number; records: number };
  /** Largest append → applied time of any fact this group's read model applied (null: none yet). */
  maxConsistencyWindowMs: number | null;
}

export interface StatsSummary {
  processed: number;
  uniqueProcessed: number;
  duplicates: number;
  replayed: number;
  skipped: number;
  orderViolations: number;
  /** Entities on which the read model differs from applying each event exactly once, in order. */
  divergence: number;
}

export interface Summary {
  simTimeMs: number;
  traceHash: string;
  topics: Record<string, { partitions: PartitionSummary[] }>;
  groups: Record<string, GroupSummary>;
  stats: Record<string, StatsSummary>;
  readModels: Record<string, unknown>;
  producers: Record<string, ProducerSummary>;
  /** Each broker's status (contract 7); one broker, always running, without replication. */
  brokers: Record<string, { status: 'running' | 'crashed' }>;
  /** Commands sent to each command-owning service, and how many it accepted or rejected. */
  commands: Record<string, { sent: number; accepted: number; rejected: number }>;
  /** Orders of each calling client (a producer with `calls`); absent in runs without one. */
  requests?: Record<string, RequestSummary>;
}

export interface SummaryOptions {
  /** Every entity of every read model, however many (default: the newest 1,000 per listing). */
  fullReadModels?: boolean;
}

export function buildSummary(world: World, traceHash: string, options: SummaryOptions = {}): Summary {
  const topics: Summary['topics'] = {};
  for (const topic of world.topics.values()) {
    topics[topic.name] = {
      partitions: topic.partitions.map((log) => {
        const replicas = world.cluster?.replicasOf(world, topic.name, log.partition);
        return {
          partition: log.partition,
          logStartOffset: log.logStartOffset,
          logEndOffset: log.logEndOffset,
          highWatermark: log.highWatermark,
          leader: replicas ? replicas.leader : 0,
          replicas: replicas ? [...replicas.replicas] : [0],
          isr: replicas ? [...replicas.isr] : [0],
          leaderEpoch: replicas ? replicas.leaderEpoch : 0,
        };
      }),
    };
  }
  const groups: Summary['groups'] = {};
  const stats: Summary['stats'] = {};
  const readModels: Summary['readModels'] = {};
  const commands: Summary['commands'] = {};
  for (const service of world.services.values()) {
    const group = service.group;
    const members: Record<string, MemberSummary> = {};
    for (const instance of service.instances) {
      members[instance.name] = {
        memberId: instance.memberId,
        status: instance.status,
        slowFactor: instance.slowFactor,
        assignment: instance.isAlive ? instance.assignment.map((tp) => tpKey(tp.topic, tp.partition)) : [],
      };
    }
    const offsets: Record<string, OffsetSummary> = {};
    for (const topicName of service.spec.subscribe) {
      const topic = world.topics.get(topicName);
      if (!topic) continue;
      for (const log of topic.partitions) {
        const key = tpKey(topicName, log.partition);
        const committed = group.committed.get(key)?.offset ?? null;
        let position: number | null = null;
        for (const instance of service.instances) {
          if (instance.status !== 'running') continue;
          const p = instance.positionOf(key);
          if (p !== undefined && instance.assignment.some((tp) => tp.topic === topicName && tp.partition === log.partition)) position = p;
        }
        offsets[key] = {
          committed,
          position,
          lag: committed === null ? null : Math.max(0, log.highWatermark - committed),
        };
      }
    }
    const lag = world.lag.measureNow(world, service);
    groups[group.groupId] = {
      state: group.metadata.state,
      generation: group.generation,
      protocol: group.metadata.protocol,
      members,
      offsets,
      status: lag.status,
      burrowStatus: lag.burrowStatus,
      staleness: lag.staleness,
      maxConsistencyWindowMs: world.consistency.maxConsistencyWindowMs(service.id),
    };
    stats[service.id] = { ...service.stats.toJSON(), divergence: service.divergence };
    readModels[service.id] = options.fullReadModels ? service.readModelJSON() : boundListings(service.readModelJSON());
    if (service.commands.sent > 0 || service.handler.handleCommand) commands[service.id] = { ...service.commands };
  }
  const producers: Summary['producers'] = {};
  for (const producer of world.producers.values()) {
    const counters = producer.sender?.counters ?? { acked: producer.sent, failed: 0, retries: 0, duplicatesWritten: 0, ackedThenLost: 0 };
    producers[producer.id] = { sent: producer.sent, ratePerSec: producer.ratePerSec, paused: producer.paused, ...counters };
  }
  const brokers: Summary['brokers'] = world.cluster
    ? Object.fromEntries(world.cluster.brokers.map((b) => [String(b.id), { status: b.status }]))
    : { '0': { status: 'running' } };
  const requests = requestSummaries(world);
  const summary: Summary = { simTimeMs: world.now, traceHash, topics, groups, stats, readModels, producers, brokers, commands };
  return requests ? { ...summary, requests } : summary;
}
