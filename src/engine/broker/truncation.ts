/**
 * Cutting a partition's log back to its new leader's (doc/kafka.md §7.1, leader epochs): the
 * records above the new leader's log end disappear. Those the producer had been told were
 * written count as acknowledged then lost; replicas still down keep a copy that diverged there
 * and truncate it when they return (AbstractFetcherThread's truncation by leader epoch).
 */
import type { EngineContext } from '../engineContext';
import type { ClusterState } from './clusterState';
import { LOST_RUNS_KEPT, type PartitionReplicas } from './partitionReplicas';

export function truncatePartition(ctx: EngineContext, cluster: ClusterState, replicas: PartitionReplicas, offset: number, why: string): void {
  const log = cluster.log(ctx, replicas.topic, replicas.partition);
  if (!log || offset >= log.logEndOffset) return;
  const before = log.logEndOffset;
  ctx.keepFetchedRecords(log);
  const removed = log.truncateTo(offset);
  let lostAcked = 0;
  for (const record of removed) {
    if (!replicas.acked.has(record.offset)) continue;
    lostAcked++;
    rememberLost(replicas, record.offset, ctx.now);
    const client = cluster.client(ctx, record.producer);
    if (client) client.counters.ackedThenLost++;
  }
  replicas.acked.truncateTo(offset);
  for (const state of replicas.states) {
    if (state.leo <= offset) continue;
    if (cluster.isRunning(state.broker)) state.leo = offset;
    else state.divergedAt = Math.min(state.divergedAt, offset);
    state.leaderView = Math.min(state.leaderView, offset);
  }
  for (const entry of replicas.producerStates.values()) {
    entry.batches = entry.batches.filter((batch) => batch.firstOffset < offset);
  }
  ctx.emit(
    'broker',
    replicas.key,
    `${replicas.key}: ${why}; the log is cut back from ${before} to ${offset}: ${before - offset} record(s) gone` +
      (lostAcked > 0 ? `, ${lostAcked} of them acknowledged to their producer (acknowledged, then lost).` : ', none of them acknowledged.'),
    undefined,
    { code: 'log.truncated', fields: { partition: replicas.key, from: before, to: offset, ackedLost: lostAcked } },
  );
}

/** Adds one lost offset to the partition's runs (offsets arrive in increasing order within a cut). */
function rememberLost(replicas: PartitionReplicas, offset: number, nowMs: number): void {
  const runs = replicas.lostAcked;
  const last = runs[runs.length - 1];
  if (last && last.toOffset === offset && last.atMs === nowMs && last.leaderEpoch === replicas.leaderEpoch) {
    last.toOffset = offset + 1;
    return;
  }
  runs.push({ fromOffset: offset, toOffset: offset + 1, atMs: nowMs, leaderEpoch: replicas.leaderEpoch });
  if (runs.length > LOST_RUNS_KEPT) runs.splice(0, runs.length - LOST_RUNS_KEPT);
}
