/**
 * Choosing a partition for a record (KafkaProducer#partition): an explicit partition wins; a
 * keyed record goes to murmur2(key) & 0x7fffffff % N; an unkeyed record follows the built-in
 * sticky partitioner (Kafka ≥ 3.3): stay on one partition until `batch.size` bytes went there,
 * then switch to a partition drawn at random. `roundrobin` is Kafka's RoundRobinPartitioner.
 */
import { PRODUCER_BATCH_SIZE_BYTES } from '../config';
import type { RandomStream } from '../random';
import { partitionForKey } from './murmur2';

export class Partitioner {
  private stickyPartition = -1;
  private stickyBytes = 0;
  private roundRobinCounter = 0;

  constructor(
    private readonly kind: 'default' | 'roundrobin',
    private readonly stream: RandomStream,
  ) {}

  choose(key: string | null, sizeBytes: number, partitionCount: number): number {
    if (this.kind === 'roundrobin') return (this.roundRobinCounter++ & 0x7fffffff) % partitionCount;
    if (key !== null) return partitionForKey(key, partitionCount);
    if (this.stickyPartition < 0 || this.stickyPartition >= partitionCount || this.stickyBytes >= PRODUCER_BATCH_SIZE_BYTES) {
      this.stickyPartition = this.stream.int(partitionCount);
      this.stickyBytes = 0;
    }
    this.stickyBytes += sizeBytes;
    return this.stickyPartition;
  }
}
