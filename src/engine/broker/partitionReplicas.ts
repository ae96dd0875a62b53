/**
 * One partition's replication state as its leader and the controller see it: the replica list
 * (broker ids, the first the preferred leader), the leader and its epoch, the in-sync replica
 * set (ISR) and, per replica, its log end offset and the fetch state that decides whether it is
 * caught up (Kafka's Replica.updateFetchState and isCaughtUp). The partition log itself is the
 * leader's log; a follower's log is that log's first `leo` records.
 *
 * Invariants: the HW never passes the log end offset of an ISR replica; the leader, when there
 * is one, is in the ISR; each leader epoch has one leader.
 */
import type { TimerId } from '../eventQueue';
import type { PartitionLog } from '../log/partitionLog';
import type { Offset, SimTimeMs } from '../types';
import { AckedOffsets } from './ackedOffsets';
import type { ResolvedReplicationConfig } from './replicationConfig';

export interface ReplicaState {
  readonly broker: number;
  /** Log end offset of this replica's copy of the log. */
  leo: Offset;
  /** Its log end offset as the leader knows it: the offset of its last fetch (Replica's logEndOffset). */
  leaderView: Offset;
  lastCaughtUpMs: SimTimeMs;
  lastFetchLeaderLeo: Offset;
  lastFetchMs: SimTimeMs;
  /** Bumped whenever the follower restarts fetching: events of an older session are stale. */
  fetchSession: number;
  /** The leader holding this follower's empty fetch (replica.fetch.wait.max.ms), if it does. */
  parked: TimerId | null;
  /** While its broker was away the leader's log was truncated here: above it this copy diverged. */
  divergedAt: Offset;
}

/** The idempotent producer state a partition keeps per producer (ProducerStateEntry). */
export interface ProducerSequenceState {
  epoch: number;
  /** The last batches appended: base sequence, last sequence, first offset (at most 5 kept). */
  batches: { baseSequence: number; lastSequence: number; firstOffset: Offset }[];
}

/**
 * A run of consecutive offsets whose records had been acknowledged to their producer and were
 * then cut from the log (truncation.ts): the lab marks where they were. `toOffset` is exclusive.
 */
export interface LostOffsets {
  fromOffset: Offset;
  toOffset: Offset;
  /** When the log was cut, and the leader epoch whose election cut it. */
  atMs: SimTimeMs;
  leaderEpoch: number;
}

/** Runs of lost offsets kept per partition (the newest; the producers' counters count them all). */
export const LOST_RUNS_KEPT = 16;

/** Kafka's ProducerStateEntry.NUM_BATCHES_TO_RETAIN. */
export const NUM_BATCHES_TO_RETAIN = 5;

export class PartitionReplicas {
  leader: number | null;
  leaderEpoch = 0;
  /** Offset at which the current leader epoch began (the leader's LEO when it was elected). */
  leaderEpochStartOffset: Offset = 0;
  isr: number[];
  readonly states: ReplicaState[];
  /** Produce requests (ids) appended and waiting for the HW to pass them (acks=all). */
  readonly delayedProduces: number[] = [];
  readonly producerStates = new Map<string, ProducerSequenceState>();
  readonly acked = new AckedOffsets();
  /** Acknowledged records cut from the log, as runs of offsets, oldest first, at most LOST_RUNS_KEPT. */
  readonly lostAcked: LostOffsets[] = [];
  /** Whether the leader has refused a write with NOT_ENOUGH_REPLICAS since the ISR last had enough members (explained once). */
  refusingWrites = false;
  /** The highest HW this partition ever had (an unclean election can lower the HW). */
  highestHighWatermark: Offset = 0;

  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly replicas: readonly number[],
    readonly config: ResolvedReplicationConfig,
  ) {
    this.leader = replicas[0]!;
    this.isr = [...replicas];
    this.states = replicas.map((broker) => ({
      broker,
      leo: 0,
      leaderView: 0,
      lastCaughtUpMs: 0,
      lastFetchLeaderLeo: 0,
      lastFetchMs: 0,
      fetchSession: 0,
      parked: null,
      divergedAt: Number.POSITIVE_INFINITY,
    }));
  }

  get key(): string {
    return `${this.topic}-${this.partition}`;
  }

  state(broker: number): ReplicaState {
    return this.states.find((s) => s.broker === broker)!;
  }

  inIsr(broker: number): boolean {
    return this.isr.includes(broker);
  }

  /** min.insync.replicas, capped at the replication factor as Kafka's effectiveMinIsr is. */
  get effectiveMinIsr(): number {
    return Math.min(this.config.minInsyncReplicas, this.replicas.length);
  }

  get underMinIsr(): boolean {
    return this.isr.length < this.effectiveMinIsr;
  }
}

/** Replica.updateFetchState: a follower's fetch at `fetchOffset` tells the leader how far it is. */
export function recordFollowerFetch(state: ReplicaState, fetchOffset: Offset, leaderLeo: Offset, nowMs: SimTimeMs): void {
  if (fetchOffset >= leaderLeo) state.lastCaughtUpMs = Math.max(state.lastCaughtUpMs, nowMs);
  else if (fetchOffset >= state.lastFetchLeaderLeo) state.lastCaughtUpMs = Math.max(state.lastCaughtUpMs, state.lastFetchMs);
  state.lastFetchLeaderLeo = leaderLeo;
  state.lastFetchMs = nowMs;
  state.leaderView = fetchOffset;
}

/** Replica.isCaughtUp: at the leader's end, or there within `replica.lag.time.max.ms`. */
export function isCaughtUp(state: ReplicaState, leaderLeo: Offset, nowMs: SimTimeMs, maxLagMs: number): boolean {
  return state.leaderView === leaderLeo || nowMs - state.lastCaughtUpMs <= maxLagMs;
}

/**
 * Partition.maybeIncrementLeaderHW: the smallest log end offset over the ISR (and over any live
 * follower caught up enough to rejoin it), never lower than before, and frozen while the ISR is
 * below min.insync.replicas (Kafka 3.7+, KAFKA-15583). Returns true when the HW moved.
 */
export function maybeIncrementHighWatermark(
  replicas: PartitionReplicas,
  log: PartitionLog,
  nowMs: SimTimeMs,
  maxLagMs: number,
  isAlive: (broker: number) => boolean,
): boolean {
  if (replicas.leader === null || replicas.underMinIsr) return false;
  const leaderLeo = log.logEndOffset;
  let candidate = leaderLeo;
  for (const state of replicas.states) {
    if (state.broker === replicas.leader) continue;
    const waitFor = replicas.inIsr(state.broker) || (isAlive(state.broker) && isCaughtUp(state, leaderLeo, nowMs, maxLagMs));
    if (waitFor && state.leaderView < candidate) candidate = state.leaderView;
  }
  const current = log.highWatermark;
  if (candidate <= current) return false;
  log.replicatedHighWatermark = candidate;
  replicas.highestHighWatermark = Math.max(replicas.highestHighWatermark, candidate);
  return true;
}
