/**
 * The broker's periodic log maintenance, every `log.retention.check.interval.ms` of virtual
 * time: per partition, a compaction pass (policy with `compact`), then retention (policy with
 * `delete`), the order Kafka's cleaner thread runs them in for `compact,delete` topics. Every
 * change is explained in plain words. Afterwards the delivery stats of subscribed services may
 * forget keys that no retained record can still violate.
 */
import type { World } from '../world';
import { applyCompaction, describeCompaction } from './compaction';
import { applyRetention, describeRetention } from './retention';
import { FetchedRecordsKeeper } from '../group/fetch/fetchedRecordsKeeper';

export function runCleanupCheck(world: World): void {
  // Records consumers fetched and have not handed out yet stay theirs: they copy them before
  // any leave a log (found once per check, and only if something is removed).
  const keepFetched = new FetchedRecordsKeeper(world, () => world.consumerFetchers()).keep;
  for (const topic of world.topics.values()) {
    let oldestRetainedSeq = Infinity;
    for (const log of topic.partitions) {
      const where = `${topic.name}-${log.partition}`;
      const pass = applyCompaction(log, world.now, keepFetched);
      if (pass && (pass.recordsAfter < pass.recordsBefore || pass.tombstonesMarked > 0)) {
        world.emit('compaction', where, describeCompaction(where, pass, topic.config));
      }
      for (const deletion of applyRetention(log, world.now, keepFetched)) {
        world.emit('retention', where, describeRetention(where, deletion, topic.config));
      }
      const first = log.recordAtOrAfter(log.logStartOffset);
      if (first) oldestRetainedSeq = Math.min(oldestRetainedSeq, first.produceSeq);
    }
    if (oldestRetainedSeq === Infinity) oldestRetainedSeq = 0;
    for (const service of world.services.values()) {
      if (!service.spec.subscribe.includes(topic.name)) continue;
      // No record the group has yet to process is older than this bound: keys last seen
      // before it can never flag a violation again.
      service.stats.pruneKeys(topic.name, () => Math.max(oldestRetainedSeq, service.oldestUnprocessedSeq(topic)), topic.orderKeys);
    }
  }
}
