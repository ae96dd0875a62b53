/**
 * Followers copying their leader (Kafka's ReplicaFetcherThread, one fetch loop per follower
 * replica): a follower sends a fetch from its log end offset; the leader records how far the
 * follower is (so the ISR and the HW move), answers with its records at once, or holds an empty
 * fetch until a record arrives or `replica.fetch.wait.max.ms` passes. Every trip pays the
 * network delay between the two brokers. A follower whose leader is down retries after
 * `replica.fetch.backoff.ms`. Each restart of a follower's loop opens a new fetch session, so
 * answers of an older one are ignored.
 */
import type { ClusterEvent } from './clusterEvents';
import type { EngineContext } from '../engineContext';
import type { ClusterState } from './clusterState';
import { recordFollowerFetch, type PartitionReplicas, type ReplicaState } from './partitionReplicas';
import { advanceHighWatermark } from './purgatory';
import { REPLICA_FETCH_BACKOFF_MS, REPLICA_FETCH_WAIT_MAX_MS } from './replicationConfig';

type FollowerEvent = Extract<ClusterEvent, { follower: number }>;

function ref(replicas: PartitionReplicas, state: ReplicaState) {
  return { topic: replicas.topic, partition: replicas.partition, follower: state.broker, session: state.fetchSession };
}

/** (Re)starts a follower's fetch loop against the current leader, in a new session. */
export function startFetching(ctx: EngineContext, cluster: ClusterState, replicas: PartitionReplicas, follower: number): void {
  const state = replicas.state(follower);
  state.fetchSession++;
  if (state.parked !== null) ctx.cancel(state.parked);
  state.parked = null;
  if (!cluster.isRunning(follower) || replicas.leader === null || replicas.leader === follower) return;
  sendFetch(ctx, cluster, replicas, state);
}

function sendFetch(ctx: EngineContext, cluster: ClusterState, replicas: PartitionReplicas, state: ReplicaState): void {
  const leader = replicas.leader;
  if (leader === null) return;
  ctx.schedule(ctx.now + cluster.delay(state.broker, leader), {
    kind: 'cluster',
    event: { type: 'fetchArrive', fetchOffset: state.leo, ...ref(replicas, state) },
  });
}

function current(ctx: EngineContext, cluster: ClusterState, event: FollowerEvent): { replicas: PartitionReplicas; state: ReplicaState } | null {
  const replicas = cluster.replicasOf(ctx, event.topic, event.partition);
  const state = replicas.state(event.follower);
  return state.fetchSession === event.session ? { replicas, state } : null;
}

export function onFetchArrive(ctx: EngineContext, cluster: ClusterState, event: Extract<ClusterEvent, { type: 'fetchArrive' }>): void {
  const found = current(ctx, cluster, event);
  if (!found) return;
  const { replicas, state } = found;
  const leader = replicas.leader;
  if (leader === null || !cluster.isRunning(leader)) {
    // The connection to the leader failed: the follower backs off and tries again.
    ctx.schedule(ctx.now + REPLICA_FETCH_BACKOFF_MS, { kind: 'cluster', event: { type: 'fetchRetry', ...ref(replicas, state) } });
    return;
  }
  const log = cluster.log(ctx, replicas.topic, replicas.partition)!;
  recordFollowerFetch(state, event.fetchOffset, log.logEndOffset, ctx.now);
  maybeExpandIsr(ctx, cluster, replicas, state);
  advanceHighWatermark(ctx, cluster, replicas);
  if (log.logEndOffset > event.fetchOffset) answer(ctx, cluster, replicas, state);
  else state.parked = ctx.schedule(ctx.now + REPLICA_FETCH_WAIT_MAX_MS, { kind: 'cluster', event: { type: 'fetchWaitExpire', ...ref(replicas, state) } });
}

/** The leader answers with everything it has: the follower will hold the log to its end. */
function answer(ctx: EngineContext, cluster: ClusterState, replicas: PartitionReplicas, state: ReplicaState): void {
  const endOffset = cluster.log(ctx, replicas.topic, replicas.partition)!.logEndOffset;
  ctx.schedule(ctx.now + cluster.delay(replicas.leader, state.broker), {
    kind: 'cluster',
    event: { type: 'fetchReply', endOffset, ...ref(replicas, state) },
  });
}

export function onFetchWaitExpire(ctx: EngineContext, cluster: ClusterState, event: FollowerEvent): void {
  const found = current(ctx, cluster, event);
  if (!found) return;
  found.state.parked = null;
  if (found.replicas.leader !== null && cluster.isRunning(found.replicas.leader)) answer(ctx, cluster, found.replicas, found.state);
}

/** Records reached the leader's log: every held fetch is answered now. */
export function answerParkedFetches(ctx: EngineContext, cluster: ClusterState, replicas: PartitionReplicas): void {
  for (const state of replicas.states) {
    if (state.parked === null) continue;
    ctx.cancel(state.parked);
    state.parked = null;
    answer(ctx, cluster, replicas, state);
  }
}

export function onFetchReply(ctx: EngineContext, cluster: ClusterState, event: Extract<ClusterEvent, { type: 'fetchReply' }>): void {
  const found = current(ctx, cluster, event);
  if (!found || !cluster.isRunning(event.follower)) return;
  found.state.leo = Math.max(found.state.leo, event.endOffset);
  sendFetch(ctx, cluster, found.replicas, found.state);
}

export function onFetchRetry(ctx: EngineContext, cluster: ClusterState, event: FollowerEvent): void {
  const found = current(ctx, cluster, event);
  if (found && cluster.isRunning(event.follower)) sendFetch(ctx, cluster, found.replicas, found.state);
}

/**
 * Partition.maybeExpandIsr: a live, unfenced follower rejoins the ISR once it holds the log up
 * to the HW and to the start of the current leader epoch.
 */
function maybeExpandIsr(ctx: EngineContext, cluster: ClusterState, replicas: PartitionReplicas, state: ReplicaState): void {
  const broker = state.broker;
  if (replicas.inIsr(broker) || cluster.brokers[broker]!.fenced || !cluster.isRunning(broker)) return;
  const log = cluster.log(ctx, replicas.topic, replicas.partition)!;
  if (state.leaderView < log.highWatermark || state.leaderView < replicas.leaderEpochStartOffset) return;
  replicas.isr = replicas.replicas.filter((b) => b === broker || replicas.inIsr(b));
  ctx.emit(
    'broker',
    replicas.key,
    `${replicas.key}: broker ${broker} has caught up (log end ${state.leaderView} ≥ high watermark ${log.highWatermark}) and rejoins the ISR [${replicas.isr.join(', ')}].`,
    undefined,
    { code: 'isr.expanded', fields: { partition: replicas.key, broker, isr: replicas.isr.join(',') } },
  );
}
