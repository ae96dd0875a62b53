/**
 * The leader's side of acknowledgements: answering a produce request (the answer travels back
 * over the network), holding acks=all requests until the high watermark passes their records
 * (Kafka's DelayedProduce in the produce purgatory), and moving the HW, which also wakes the
 * consumers waiting for records to read below it.
 */
import type { ProduceResult } from './clusterEvents';
import type { EngineContext } from '../engineContext';
import type { ClusterState, ProduceRequest } from './clusterState';
import { maybeIncrementHighWatermark, type PartitionReplicas } from './partitionReplicas';

/** Sends the leader's answer; it reaches the producer one network trip later. */
export function reply(ctx: EngineContext, cluster: ClusterState, request: ProduceRequest, result: ProduceResult): void {
  cluster.requests.delete(request.id);
  if (request.expiry !== null) ctx.cancel(request.expiry);
  request.expiry = null;
  ctx.schedule(ctx.now + cluster.delay(request.broker, null), {
    kind: 'cluster',
    event: { type: 'produceReply', producer: request.producer, requestId: request.id, result },
  });
}

/**
 * Partition.checkEnoughReplicasReachOffset for every held request: answered once the HW has
 * passed its records (NOT_ENOUGH_REPLICAS_AFTER_APPEND if the ISR is then below min.insync.replicas).
 */
function completeDelayedProduces(ctx: EngineContext, cluster: ClusterState, replicas: PartitionReplicas): void {
  const log = cluster.log(ctx, replicas.topic, replicas.partition);
  if (!log || replicas.delayedProduces.length === 0) return;
  const waiting = replicas.delayedProduces.splice(0);
  for (const id of waiting) {
    const request = cluster.requests.get(id);
    if (!request) continue;
    if (log.highWatermark >= request.firstOffset + request.records.length) {
      reply(ctx, cluster, request, replicas.underMinIsr ? { error: 'NOT_ENOUGH_REPLICAS_AFTER_APPEND' } : { error: null, firstOffset: request.firstOffset, duplicate: false });
    } else {
      replicas.delayedProduces.push(id);
    }
  }
}

/** The held request's timeout passed before the ISR copied its records: REQUEST_TIMED_OUT. */
export function onDelayedProduceExpire(ctx: EngineContext, cluster: ClusterState, requestId: number): void {
  const request = cluster.requests.get(requestId);
  if (!request) return;
  request.expiry = null;
  const replicas = cluster.replicasOf(ctx, request.topic, request.partition);
  const index = replicas.delayedProduces.indexOf(requestId);
  if (index >= 0) replicas.delayedProduces.splice(index, 1);
  reply(ctx, cluster, request, { error: 'REQUEST_TIMED_OUT' });
}

/** The leader moved away: every held request is answered NOT_LEADER_OR_FOLLOWER. */
export function failDelayedProduces(ctx: EngineContext, cluster: ClusterState, replicas: PartitionReplicas): void {
  for (const id of replicas.delayedProduces.splice(0)) {
    const request = cluster.requests.get(id);
    if (request) reply(ctx, cluster, request, { error: 'NOT_LEADER_OR_FOLLOWER' });
  }
}

/** Recomputes the HW; when it moved, answers the requests it now covers and wakes waiting consumers. */
export function advanceHighWatermark(ctx: EngineContext, cluster: ClusterState, replicas: PartitionReplicas): void {
  const log = cluster.log(ctx, replicas.topic, replicas.partition);
  if (!log) return;
  const moved = maybeIncrementHighWatermark(replicas, log, ctx.now, cluster.config.replicaLagTimeMaxMs, (b) => !cluster.brokers[b]!.fenced && cluster.isRunning(b));
  if (!moved) return;
  completeDelayedProduces(ctx, cluster, replicas);
  if (log.fetchWaiters.size > 0) for (const waiter of [...log.fetchWaiters.values()]) ctx.fetcherOf(waiter)?.onDataArrived(ctx);
}
