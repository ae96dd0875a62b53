/**
 * The cluster's state: its brokers (running or crashed, fenced or not, their extra network
 * delay), each partition's replication state, and the produce requests in flight. The modules
 * beside this one (replica fetching, the produce path, elections, broker failures) act on it;
 * `cluster.ts` dispatches the cluster's events to them. It keeps no context: every function
 * that needs the clock, the queue or the topics is passed it (`ctx`).
 *
 * The controller (KRaft's quorum) is not one of the brokers and never fails: it sees a broker's
 * heartbeats stop and fences it `broker.session.timeout.ms` after its crash.
 */
import type { AppendRequest, EngineContext } from '../engineContext';
import type { TimerId } from '../eventQueue';
import type { ProduceClient } from './clusterEvents';
import type { PartitionLog } from '../log/partitionLog';
import type { Offset, SimTimeMs } from '../types';
import { PartitionReplicas } from './partitionReplicas';
import type { Acks, ResolvedClusterConfig, ResolvedReplicationConfig } from './replicationConfig';

export interface BrokerState {
  readonly id: number;
  status: 'running' | 'crashed';
  /** Fenced by the controller: out of every ISR, leader of nothing, until it runs again. */
  fenced: boolean;
  /** Added to every message sent to or from this broker (delayNetwork). */
  extraDelayMs: number;
  /** The controller's fencing of a crashed broker, pending. */
  fenceEntry: TimerId | null;
}

/** Shared by every attempt of one batch: how often its records were appended. */
export interface BatchAppends {
  copies: number;
}

export interface ProduceRequest {
  readonly id: number;
  readonly producer: string;
  readonly topic: string;
  readonly partition: number;
  /** The leader the producer sent it to. */
  readonly broker: number;
  readonly acks: Acks;
  readonly idempotent: boolean;
  readonly producerEpoch: number;
  readonly baseSequence: number;
  readonly records: readonly AppendRequest[];
  /** The produce request's timeout field (the producer's request.timeout.ms). */
  readonly timeoutMs: number;
  readonly appends: BatchAppends;
  /** The leader's first offset for the records once appended; -1 before. */
  firstOffset: Offset;
  /** The leader's hold on it (acks=all) until the HW passes it. */
  expiry: TimerId | null;
}

export class ClusterState {
  readonly brokers: BrokerState[];
  readonly partitions = new Map<string, PartitionReplicas>();
  readonly requests = new Map<number, ProduceRequest>();
  /** Ids of the producers that send through the cluster, in the order they registered. */
  readonly clientIds: string[] = [];
  nextRequestId = 0;
  /** Leader of each partition of __consumer_offsets a group's coordinator lives on (groupCoordinatorPlacement.ts). */
  readonly offsetsLeaders = new Map<number, number | null>();
  /** Leader per epoch per partition ever elected (checked by the invariants). */
  readonly leadersByEpoch = new Map<string, number[]>();

  constructor(
    readonly config: ResolvedClusterConfig,
    readonly latencyMs: number,
    private readonly replicationOf: (topic: string) => ResolvedReplicationConfig,
  ) {
    this.brokers = Array.from({ length: config.brokers }, (_, id) => ({ id, status: 'running' as const, fenced: false, extraDelayMs: 0, fenceEntry: null }));
  }

  isRunning(broker: number): boolean {
    return this.brokers[broker]?.status === 'running';
  }

  /** One-way delay of a message between two brokers, or between a client (null) and a broker. */
  delay(from: number | null, to: number | null): SimTimeMs {
    const extra = (b: number | null) => (b === null ? 0 : this.brokers[b]!.extraDelayMs);
    return this.latencyMs + extra(from) + extra(to);
  }

  /** A producer's sender, by id: the world holds it (the cluster keeps only ids). */
  client(ctx: EngineContext, producer: string): ProduceClient | undefined {
    return ctx.produceClient(producer);
  }

  log(ctx: EngineContext, topic: string, partition: number): PartitionLog | undefined {
    return ctx.topics.get(topic)?.partitions[partition];
  }

  /** The partition's replication state, created (replicas placed) the first time it is asked for. */
  replicasOf(ctx: EngineContext, topic: string, partition: number): PartitionReplicas {
    const key = `${topic}-${partition}`;
    let replicas = this.partitions.get(key);
    if (!replicas) {
      const config = this.replicationOf(topic);
      const n = this.brokers.length;
      // Partition p on brokers p, p+1, ... (mod n); Kafka starts at a random broker, we at 0.
      const placement = Array.from({ length: Math.min(config.replicationFactor, n) }, (_, i) => (partition + i) % n);
      replicas = new PartitionReplicas(topic, partition, placement, config);
      const log = this.log(ctx, topic, partition);
      if (log) {
        for (const state of replicas.states) state.leo = state.leaderView = log.logEndOffset;
        log.replicatedHighWatermark = log.logEndOffset;
        replicas.highestHighWatermark = log.logEndOffset;
        replicas.leaderEpochStartOffset = log.logEndOffset;
      }
      // Placed on a crashed broker: the controller never makes it the leader.
      replicas.isr = replicas.replicas.filter((b) => !this.brokers[b]!.fenced);
      const live = replicas.replicas.filter((b) => !this.brokers[b]!.fenced);
      replicas.leader = live[0] ?? null;
      if (replicas.isr.length === 0) replicas.isr = [replicas.replicas[0]!];
      this.partitions.set(key, replicas);
      this.leadersByEpoch.set(key, replicas.leader === null ? [] : [replicas.leader]);
    }
    return replicas;
  }

  /** Marks each partition log whose leader is down or missing, so consumers' fetches skip it. */
  refreshLeaderReachability(ctx: EngineContext): void {
    for (const replicas of this.partitions.values()) {
      const log = this.log(ctx, replicas.topic, replicas.partition);
      if (log) log.leaderReachable = replicas.leader !== null && this.isRunning(replicas.leader);
    }
  }

  /** Every partition of every topic, placed (partitions added later are placed on first use too). */
  allPartitions(ctx: EngineContext): PartitionReplicas[] {
    const out: PartitionReplicas[] = [];
    for (const topic of ctx.topics.values()) {
      for (let p = 0; p < topic.partitionCount; p++) out.push(this.replicasOf(ctx, topic.name, p));
    }
    return out;
  }
}
