/**
 * A produce request at the broker it was sent to (ReplicaManager.appendRecords,
 * Partition.appendRecordsToLeader): refused unless that broker leads the partition; an
 * idempotent producer's batch is checked against the partition's producer state (a batch it
 * already holds is acknowledged again with its first offset and not appended, a sequence gap is
 * OUT_OF_ORDER_SEQUENCE_NUMBER); with acks=all an ISR below min.insync.replicas refuses it with
 * NOT_ENOUGH_REPLICAS before anything is appended. Then the records are appended and answered:
 * acks=1 at once, acks=all once the HW passes them, acks=0 never.
 */
import type { EngineContext } from '../engineContext';
import type { ClusterState, ProduceRequest } from './clusterState';
import { NUM_BATCHES_TO_RETAIN, type PartitionReplicas } from './partitionReplicas';
import { reply } from './purgatory';

export function onProduceArrive(ctx: EngineContext, cluster: ClusterState, requestId: number): void {
  const request = cluster.requests.get(requestId);
  if (!request) return;
  if (!cluster.isRunning(request.broker)) return reply(ctx, cluster, request, { error: 'NETWORK_EXCEPTION' });
  const replicas = cluster.replicasOf(ctx, request.topic, request.partition);
  if (replicas.leader !== request.broker) return reply(ctx, cluster, request, { error: 'NOT_LEADER_OR_FOLLOWER' });
  if (!replicas.underMinIsr) replicas.refusingWrites = false;
  if (request.acks === 'all' && replicas.underMinIsr) {
    if (replicas.refusingWrites) return reply(ctx, cluster, request, { error: 'NOT_ENOUGH_REPLICAS' });
    replicas.refusingWrites = true;
    ctx.emit(
      'broker',
      replicas.key,
      `${replicas.key} refuses ${request.records.length} record(s) from ${request.producer} with NOT_ENOUGH_REPLICAS: acks=all needs ${replicas.effectiveMinIsr} in-sync replicas (min.insync.replicas) and the ISR is [${replicas.isr.join(', ')}]. Nothing is appended; the producer retries (and the leader refuses every acks=all write until the ISR grows).`,
      undefined,
      { code: 'produce.notEnoughReplicas', fields: { partition: replicas.key, producer: request.producer, isr: replicas.isr.length } },
    );
    return reply(ctx, cluster, request, { error: 'NOT_ENOUGH_REPLICAS' });
  }
  // The min ISR check comes first (Partition.appendRecordsToLeader), then the log's producer state:
  // a batch the partition already holds is answered with its first offset, not appended again,
  // and with acks=all, as any batch, only once the HW has passed it.
  const verdict = request.idempotent ? checkSequence(replicas, request) : 'append';
  if (verdict === 'gap') return reply(ctx, cluster, request, { error: 'OUT_OF_ORDER_SEQUENCE_NUMBER' });
  if (verdict === 'append') append(ctx, cluster, replicas, request);
  else request.firstOffset = verdict.firstOffset;
  if (request.acks === '0') {
    cluster.requests.delete(request.id);
    return;
  }
  const log = cluster.log(ctx, request.topic, request.partition)!;
  if (request.acks === '1' || log.highWatermark >= request.firstOffset + request.records.length) {
    return reply(ctx, cluster, request, { error: null, firstOffset: request.firstOffset, duplicate: verdict !== 'append' });
  }
  replicas.delayedProduces.push(request.id);
  request.expiry = ctx.schedule(ctx.now + request.timeoutMs, { kind: 'cluster', event: { type: 'delayedProduceExpire', requestId: request.id } });
}

/** ProducerAppendInfo's sequence check: append, a gap, or the batch already held. */
function checkSequence(replicas: PartitionReplicas, request: ProduceRequest): 'append' | 'gap' | { firstOffset: number } {
  const state = replicas.producerStates.get(request.producer);
  // A new producer epoch (or a producer the partition has no state for) starts afresh.
  if (!state || state.epoch !== request.producerEpoch) return 'append';
  const held = state.batches.find((batch) => batch.baseSequence === request.baseSequence);
  if (held) return { firstOffset: held.firstOffset };
  const last = state.batches.length > 0 ? state.batches[state.batches.length - 1]!.lastSequence : -1;
  return request.baseSequence === last + 1 ? 'append' : 'gap';
}

function append(ctx: EngineContext, cluster: ClusterState, replicas: PartitionReplicas, request: ProduceRequest): void {
  const topic = ctx.topics.get(request.topic)!;
  let first = -1;
  for (const record of request.records) {
    const appended = ctx.append(topic, request.partition, record);
    if (first < 0) first = appended.offset;
  }
  request.firstOffset = first;
  const count = request.records.length;
  if (request.appends.copies > 0) {
    const client = cluster.client(ctx, request.producer);
    if (client) client.counters.duplicatesWritten += count;
  }
  request.appends.copies++;
  // acks=0 has no answer: the producer counted its records acknowledged when it sent them.
  if (request.acks === '0') replicas.acked.addRange(first, first + count);
  if (request.idempotent) {
    let state = replicas.producerStates.get(request.producer);
    if (!state || state.epoch !== request.producerEpoch) {
      state = { epoch: request.producerEpoch, batches: [] };
      replicas.producerStates.set(request.producer, state);
    }
    state.batches.push({ baseSequence: request.baseSequence, lastSequence: request.baseSequence + count - 1, firstOffset: first });
    if (state.batches.length > NUM_BATCHES_TO_RETAIN) state.batches.shift();
  }
}
