/**
 * A topic: a name, its resolved config and its partition logs. Partitions can be added
 * (never removed), as Kafka allows.
 */
import { resolveTopicConfig, type ResolvedTopicConfig } from '../config';
import type { TopicSpec } from '../scenario';
import { KeySlots } from './keySlots';
import { PartitionLog } from './partitionLog';

export class Topic {
  readonly name: string;
  readonly config: ResolvedTopicConfig;
  readonly partitions: PartitionLog[] = [];
  /** Slots of the keys the groups' order checkers remember (service/groupStats.ts). */
  readonly orderKeys = new KeySlots();

  constructor(spec: TopicSpec) {
    this.name = spec.name;
    this.config = resolveTopicConfig(spec.config);
    this.growTo(spec.partitions);
  }

  get partitionCount(): number {
    return this.partitions.length;
  }

  growTo(count: number): void {
    for (let p = this.partitions.length; p < count; p++) {
      this.partitions.push(new PartitionLog(this.name, p, this.config));
    }
  }
}
