/**
 * What a consumer's metadata says about its subscribed topics (doc/kafka.md §1.5): fetched
 * when the instance starts, refreshed every `metadata.max.age.ms` after that. Only the group's
 * leader acts on a change: as Kafka's ConsumerCoordinator keeps an `assignmentSnapshot` of the
 * metadata its last assignment used and rejoins when a refresh no longer matches it
 * (rejoinNeededOrPending, "cached metadata has changed"). Plain data, so checkpoint copies keep it.
 */
import type { TimerId } from '../eventQueue';
import type { EngineContext } from '../engineContext';
import type { Topic } from '../log/topic';

/** A topic whose partition count differs from the one the leader's last assignment used. */
export interface StaleAssignment {
  topic: string;
  assigned: number;
  known: number;
}

export class ConsumerMetadata {
  /** Topic → partition count, as of the last fetch or refresh. */
  private readonly known = new Map<string, number>();
  /** Refreshes fall at this time plus multiples of `metadata.max.age.ms`. */
  phaseMs = 0;
  /** The pending refresh that will see added partitions, if one is scheduled. */
  entry: TimerId | null = null;
  /** As the group's leader, the partition counts its last assignment used; null otherwise. */
  assignmentSnapshot: ReadonlyMap<string, number> | null = null;

  /** The instance starts: metadata as the cluster is now, and the refresh clock restarts. */
  fetch(ctx: EngineContext, subscription: readonly string[]): void {
    this.known.clear();
    this.refresh(ctx.topics, subscription);
    this.phaseMs = ctx.now;
    this.cancelRefresh(ctx);
    this.assignmentSnapshot = null;
  }

  /** A refresh: every subscribed topic's partition count as it is now. */
  refresh(topics: ReadonlyMap<string, Topic>, subscription: readonly string[]): void {
    for (const name of subscription) {
      const topic = topics.get(name);
      if (topic) this.known.set(name, topic.partitionCount);
    }
  }

  cancelRefresh(ctx: EngineContext): void {
    if (this.entry !== null) ctx.cancel(this.entry);
    this.entry = null;
  }

  /** The partition count this client knows, or undefined for a topic it has no metadata of. */
  partitionCount(topic: string): number | undefined {
    return this.known.get(topic);
  }

  /** As the leader: the first topic whose count no longer matches its last assignment, if any. */
  staleAssignment(): StaleAssignment | null {
    if (this.assignmentSnapshot === null) return null;
    for (const [topic, assigned] of this.assignmentSnapshot) {
      const known = this.known.get(topic);
      if (known !== undefined && known !== assigned) return { topic, assigned, known };
    }
    return null;
  }
}
