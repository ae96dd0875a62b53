/**
 * The controller's leader election (PartitionLeaderElectionAlgorithms): the first replica, in
 * replica order, that is alive and in the ISR; with `unclean.leader.election.enable`, failing
 * that, the first live replica at all (its ISR becomes itself alone). With neither the
 * partition goes offline (leader null) and its ISR keeps its last member, as KRaft's does. Each
 * new leader bumps the leader epoch; the log becomes the new leader's copy, and followers
 * truncate to it and fetch from it.
 */
import type { EngineContext } from '../engineContext';
import type { ClusterState } from './clusterState';
import type { PartitionReplicas } from './partitionReplicas';
import { advanceHighWatermark, failDelayedProduces } from './purgatory';
import { startFetching } from './replicaFetcher';
import { truncatePartition } from './truncation';

function isEligible(cluster: ClusterState, broker: number): boolean {
  return cluster.isRunning(broker) && !cluster.brokers[broker]!.fenced;
}

/** Elects a leader for a partition whose leader is gone (or none). */
export function electLeader(ctx: EngineContext, cluster: ClusterState, replicas: PartitionReplicas, why: string): void {
  const clean = replicas.replicas.find((b) => replicas.inIsr(b) && isEligible(cluster, b));
  const unclean = clean === undefined && replicas.config.uncleanLeaderElection ? replicas.replicas.find((b) => isEligible(cluster, b)) : undefined;
  const leader = clean ?? unclean;
  const previous = replicas.leader;
  failDelayedProduces(ctx, cluster, replicas);
  if (leader === undefined) {
    replicas.leader = null;
    if (previous !== null) {
      ctx.emit(
        'broker',
        replicas.key,
        `${replicas.key} is offline: ${why}, and no replica of the ISR [${replicas.isr.join(', ')}] is alive` +
          (replicas.config.uncleanLeaderElection ? ' nor any other replica.' : ' (unclean.leader.election.enable is false, so no out-of-sync replica may lead). Produce requests fail and retry.'),
        undefined,
        { code: 'partition.offline', fields: { partition: replicas.key } },
      );
    }
    return;
  }
  if (leader === previous) return;
  const log = cluster.log(ctx, replicas.topic, replicas.partition)!;
  const leaderState = replicas.state(leader);
  replicas.leader = leader;
  replicas.leaderEpoch++;
  cluster.leadersByEpoch.get(replicas.key)?.push(leader);
  if (unclean !== undefined) replicas.isr = [leader];
  ctx.emit(
    'broker',
    replicas.key,
    unclean !== undefined
      ? `${replicas.key}: ${why}; no in-sync replica is alive, so broker ${leader}, out of sync at log end ${leaderState.leo}, becomes leader (unclean election, epoch ${replicas.leaderEpoch}).`
      : `${replicas.key}: ${why}; broker ${leader} from the ISR becomes leader (epoch ${replicas.leaderEpoch}, log end ${leaderState.leo}).`,
    undefined,
    { code: 'leader.elected', fields: { partition: replicas.key, leader, epoch: replicas.leaderEpoch, unclean: unclean !== undefined } },
  );
  if (leaderState.leo < log.logEndOffset) {
    truncatePartition(ctx, cluster, replicas, leaderState.leo, `broker ${leader} leads with only ${leaderState.leo} records`);
  }
  replicas.leaderEpochStartOffset = log.logEndOffset;
  leaderState.leaderView = leaderState.leo = log.logEndOffset;
  for (const state of replicas.states) {
    if (state.broker === leader) continue;
    // Partition.makeLeader: the new leader does not know its followers' ends until they fetch.
    state.leaderView = Math.min(state.leo, log.highWatermark);
    state.lastFetchLeaderLeo = 0;
    state.lastFetchMs = ctx.now;
    state.lastCaughtUpMs = replicas.inIsr(state.broker) ? ctx.now : 0;
    startFetching(ctx, cluster, replicas, state.broker);
  }
  // Partition.makeLeader: the ISR may now be the leader alone, so the HW may move at once.
  advanceHighWatermark(ctx, cluster, replicas);
}
