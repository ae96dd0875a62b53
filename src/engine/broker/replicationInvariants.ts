/**
 * Replication's invariants (checked after every event in tests and the seed sweep): the HW
 * never passes the log end offset of an ISR replica nor the leader's; the leader is in the ISR;
 * the ISR is never empty; each leader epoch had one leader.
 */
import type { PartitionLog } from '../log/partitionLog';
import type { PartitionReplicas } from './partitionReplicas';

export function replicationInvariantProblem(replicas: PartitionReplicas, log: PartitionLog): string | null {
  const hw = log.highWatermark;
  for (const broker of replicas.isr) {
    const state = replicas.state(broker);
    const leo = broker === replicas.leader ? log.logEndOffset : state.leo;
    if (hw > leo) return `HW ${hw} above the log end ${leo} of ISR replica ${broker}`;
  }
  if (replicas.isr.length === 0) return 'empty ISR';
  if (replicas.leader !== null && !replicas.inIsr(replicas.leader)) return `leader ${replicas.leader} not in the ISR [${replicas.isr.join(', ')}]`;
  if (replicas.leader !== null && replicas.state(replicas.leader).leo !== log.logEndOffset) {
    return `leader ${replicas.leader}'s log end ${replicas.state(replicas.leader).leo} is not the log's ${log.logEndOffset}`;
  }
  for (const state of replicas.states) {
    if (state.broker !== replicas.leader && state.leo > log.logEndOffset && !Number.isFinite(state.divergedAt)) {
      // A follower never holds more than its leader, unless it is away with a copy that diverged.
      return `follower ${state.broker} holds ${state.leo} records, more than its leader's ${log.logEndOffset}`;
    }
  }
  return null;
}
