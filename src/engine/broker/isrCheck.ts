/**
 * ISR shrink (Partition.maybeShrinkIsr, run by ReplicaManager every replica.lag.time.max.ms / 2):
 * a leader drops from the ISR every follower that has not caught up to its log end within
 * `replica.lag.time.max.ms`. A smaller ISR can let the HW move on, or drop below
 * min.insync.replicas and freeze it.
 */
import type { EngineContext } from '../engineContext';
import type { ClusterState } from './clusterState';
import { isCaughtUp, type PartitionReplicas } from './partitionReplicas';
import { advanceHighWatermark } from './purgatory';

export function runIsrCheck(ctx: EngineContext, cluster: ClusterState): void {
  for (const replicas of cluster.allPartitions(ctx)) {
    const leader = replicas.leader;
    if (leader === null || !cluster.isRunning(leader)) continue;
    const log = cluster.log(ctx, replicas.topic, replicas.partition)!;
    const maxLagMs = cluster.config.replicaLagTimeMaxMs;
    const out = replicas.isr.filter((b) => b !== leader && !isCaughtUp(replicas.state(b), log.logEndOffset, ctx.now, maxLagMs));
    if (out.length > 0) shrinkIsr(ctx, cluster, replicas, out, `not caught up to the leader's log end ${log.logEndOffset} within replica.lag.time.max.ms (${maxLagMs} ms)`);
  }
}

export function shrinkIsr(ctx: EngineContext, cluster: ClusterState, replicas: PartitionReplicas, out: readonly number[], why: string): void {
  replicas.isr = replicas.isr.filter((b) => !out.includes(b));
  ctx.emit(
    'broker',
    replicas.key,
    `${replicas.key}: broker ${out.join(', ')} leaves the ISR (${why}); ISR now [${replicas.isr.join(', ')}]` +
      (replicas.underMinIsr ? `, below min.insync.replicas ${replicas.effectiveMinIsr}: acks=all writes are refused and the high watermark stops.` : '.'),
    undefined,
    { code: 'isr.shrunk', fields: { partition: replicas.key, brokers: out.join(','), isr: replicas.isr.join(',') } },
  );
  advanceHighWatermark(ctx, cluster, replicas);
}
