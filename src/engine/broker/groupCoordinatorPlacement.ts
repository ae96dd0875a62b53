/**
 * Where each consumer group's coordinator lives (GroupCoordinator, doc/kafka.md §2.1): on the
 * leader of partition `abs(groupId.hashCode) % 50` of `__consumer_offsets` (offsets.topic.num.partitions
 * 50, offsets.topic.replication.factor 3, capped at the brokers), placed as user partitions are.
 * That leader moves when the controller fences its broker: to the next live replica (the
 * internal topic's followers are taken to be in sync). While its broker is down and not yet
 * fenced the coordinator is unavailable: commits fail and heartbeats go unanswered.
 */
import type { ClusterState } from './clusterState';

const OFFSETS_TOPIC_PARTITIONS = 50;
const OFFSETS_TOPIC_REPLICATION_FACTOR = 3;

/** Java's String.hashCode (UTF-16 code units, 32-bit overflow). */
function javaStringHashCode(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

/** Partition of __consumer_offsets that holds a group (Utils.abs is `& 0x7fffffff`). */
function offsetsPartitionFor(groupId: string): number {
  return (javaStringHashCode(groupId) & 0x7fffffff) % OFFSETS_TOPIC_PARTITIONS;
}

function replicasOfOffsetsPartition(cluster: ClusterState, partition: number): number[] {
  const n = cluster.brokers.length;
  return Array.from({ length: Math.min(OFFSETS_TOPIC_REPLICATION_FACTOR, n) }, (_, i) => (partition + i) % n);
}

/** The broker leading the group's offsets partition, or null when none can. */
export function coordinatorBrokerOf(cluster: ClusterState, groupId: string): number | null {
  const partition = offsetsPartitionFor(groupId);
  let leader = cluster.offsetsLeaders.get(partition);
  if (leader === undefined) {
    leader = replicasOfOffsetsPartition(cluster, partition).find((b) => !cluster.brokers[b]!.fenced) ?? null;
    cluster.offsetsLeaders.set(partition, leader);
  }
  return leader;
}

/** After a fencing or a restart: offsets partitions without a live leader get the first live replica. */
export function moveOffsetsLeaders(cluster: ClusterState): void {
  for (const [partition, leader] of cluster.offsetsLeaders) {
    if (leader !== null && !cluster.brokers[leader]!.fenced) continue;
    cluster.offsetsLeaders.set(partition, replicasOfOffsetsPartition(cluster, partition).find((b) => !cluster.brokers[b]!.fenced && cluster.isRunning(b)) ?? null);
  }
}
