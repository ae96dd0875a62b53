/**
 * What the coordinator stores per partition on OffsetCommit (Kafka's `__consumer_offsets`
 * value): the next offset the group reads, when it was committed and by which generation.
 */
import type { SimTimeMs } from '../types';

export interface CommittedOffset {
  offset: number;
  commitTimeMs: SimTimeMs;
  generation: number;
}
