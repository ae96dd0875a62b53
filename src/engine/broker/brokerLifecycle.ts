/**
 * Broker failures (doc/design.md contract 7): a crash stops the broker at once (its
 * connections drop, so requests to it fail and its followers stop copying) but the controller
 * notices only when its heartbeats have been missing for `broker.session.timeout.ms`: then it
 * fences the broker, takes it out of every ISR and elects new leaders for its partitions. A
 * started broker truncates each copy that diverged while it was away (by leader epoch), fetches
 * from the leaders and rejoins the ISRs as it catches up; offline partitions it can lead get it
 * as leader. delayNetwork adds a delay to every message to or from one broker.
 */
import type { EngineContext } from '../engineContext';
import type { ClusterState } from './clusterState';
import { shrinkIsr } from './isrCheck';
import { electLeader } from './leaderElection';
import { reply } from './purgatory';
import { startFetching } from './replicaFetcher';
import { moveOffsetsLeaders } from './groupCoordinatorPlacement';
import type { SenderOf } from './producerSender';

export function crashBroker(ctx: EngineContext, cluster: ClusterState, broker: number, senderOf: SenderOf): string | null {
  const state = cluster.brokers[broker]!;
  if (state.status === 'crashed') return `broker ${broker} is already crashed`;
  state.status = 'crashed';
  ctx.emit('broker', `broker-${broker}`, `Broker ${broker} crashes. The controller fences it once its heartbeats have been missing for broker.session.timeout.ms (${cluster.config.brokerSessionTimeoutMs} ms); until then it still leads its partitions, which take no writes.`, undefined, {
    code: 'broker.crashed',
    fields: { broker },
  });
  // Its connections drop: every request it holds fails at the client.
  for (const request of [...cluster.requests.values()]) {
    if (request.broker !== broker || request.firstOffset < 0) continue;
    const replicas = cluster.replicasOf(ctx, request.topic, request.partition);
    const index = replicas.delayedProduces.indexOf(request.id);
    if (index >= 0) replicas.delayedProduces.splice(index, 1);
    reply(ctx, cluster, request, { error: 'NETWORK_EXCEPTION' });
  }
  for (const replicas of cluster.allPartitions(ctx)) {
    if (!replicas.replicas.includes(broker)) continue;
    startFetching(ctx, cluster, replicas, broker);
    if (replicas.leader !== broker) continue;
    // Its followers' fetches fail from now on: each restarts and backs off.
    for (const follower of replicas.states) if (follower.broker !== broker) startFetching(ctx, cluster, replicas, follower.broker);
  }
  state.fenceEntry = ctx.schedule(ctx.now + cluster.config.brokerSessionTimeoutMs, { kind: 'cluster', event: { type: 'fence', broker } });
  notifyClients(ctx, cluster, senderOf);
  return null;
}

/** The controller fences a broker: out of every ISR (an ISR never empties), leaderships moved. */
export function fenceBroker(ctx: EngineContext, cluster: ClusterState, broker: number, senderOf: SenderOf): void {
  const state = cluster.brokers[broker]!;
  if (state.fenceEntry !== null) ctx.cancel(state.fenceEntry);
  state.fenceEntry = null;
  if (state.fenced) return;
  state.fenced = true;
  ctx.emit('broker', `broker-${broker}`, `The controller has had no heartbeat from broker ${broker} for ${cluster.config.brokerSessionTimeoutMs} ms and fences it: it leaves every ISR and its partitions get new leaders.`, undefined, {
    code: 'broker.fenced',
    fields: { broker },
  });
  for (const replicas of cluster.allPartitions(ctx)) {
    if (!replicas.replicas.includes(broker)) continue;
    if (replicas.inIsr(broker) && replicas.isr.length > 1) shrinkIsr(ctx, cluster, replicas, [broker], `fenced by the controller`);
    if (replicas.leader === broker) electLeader(ctx, cluster, replicas, `its leader, broker ${broker}, was fenced`);
  }
  moveOffsetsLeaders(cluster);
  notifyClients(ctx, cluster, senderOf);
}

export function startBroker(ctx: EngineContext, cluster: ClusterState, broker: number, senderOf: SenderOf): string | null {
  const state = cluster.brokers[broker]!;
  if (state.status === 'running') return `broker ${broker} is already running`;
  // A restarted broker registers anew: the controller first fences what is left of the old one.
  fenceBroker(ctx, cluster, broker, senderOf);
  state.status = 'running';
  state.fenced = false;
  ctx.emit('broker', `broker-${broker}`, `Broker ${broker} starts again and registers with the controller.`, undefined, { code: 'broker.started', fields: { broker } });
  for (const replicas of cluster.allPartitions(ctx)) {
    if (!replicas.replicas.includes(broker)) continue;
    const replica = replicas.state(broker);
    if (replica.leo > replica.divergedAt) {
      ctx.emit(
        'broker',
        replicas.key,
        `${replicas.key}: broker ${broker} truncates its copy from ${replica.leo} to ${replica.divergedAt}, where its history (leader epochs) parts from the current leader's.`,
        undefined,
        { code: 'log.truncated', fields: { partition: replicas.key, from: replica.leo, to: replica.divergedAt, ackedLost: 0, broker } },
      );
      replica.leo = replica.divergedAt;
    }
    replica.divergedAt = Number.POSITIVE_INFINITY;
    if (replicas.leader === null) electLeader(ctx, cluster, replicas, `broker ${broker} is back`);
    else startFetching(ctx, cluster, replicas, broker);
  }
  moveOffsetsLeaders(cluster);
  notifyClients(ctx, cluster, senderOf);
  return null;
}

export function delayNetwork(ctx: EngineContext, cluster: ClusterState, broker: number, extraMs: number): void {
  cluster.brokers[broker]!.extraDelayMs = extraMs;
  ctx.emit(
    'broker',
    `broker-${broker}`,
    extraMs > 0 ? `Every message to or from broker ${broker} now takes ${extraMs} ms longer.` : `Broker ${broker}'s network is back to normal.`,
    undefined,
    { code: extraMs > 0 ? 'network.delayed' : 'network.restored', fields: { broker, extraMs } },
  );
}

/** Leaders or brokers changed: consumers' fetches and producers' batches follow. */
function notifyClients(ctx: EngineContext, cluster: ClusterState, senderOf: SenderOf): void {
  cluster.refreshLeaderReachability(ctx);
  for (const id of cluster.clientIds) senderOf(id)?.onMetadataChanged(ctx, cluster);
}
