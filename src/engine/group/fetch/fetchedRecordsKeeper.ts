/**
 * One log maintenance pass's way to keep what consumers fetched (log/cleanupCheck.ts): before
 * retention or compaction removes records from a log, the consumers holding fetched records of
 * it copy theirs (fetchBuffer.ts). Which consumers hold records of which partition is found
 * once, at the first removal of the pass, rather than by asking every consumer for every log:
 * at the limits that is 1,024 partitions × 512 consumers every second of virtual time. Nothing
 * a consumer holds changes during the pass (no event runs inside it).
 */
import type { EngineContext } from '../../engineContext';
import type { PartitionLog } from '../../log/partitionLog';
import type { ConsumerFetcher } from './consumerFetcher';

export class FetchedRecordsKeeper {
  /** Partition key → the fetchers holding records of it read from its log; built at the first removal. */
  private holders: Map<string, ConsumerFetcher[]> | null = null;

  constructor(
    private readonly ctx: EngineContext,
    private readonly fetchers: () => Iterable<ConsumerFetcher>,
  ) {}

  /** Records are about to leave `log`: its holders copy theirs. */
  readonly keep = (log: PartitionLog): void => {
    this.holders ??= this.findHolders();
    const holders = this.holders.get(log.key);
    if (holders === undefined) return;
    for (const fetcher of holders) fetcher.keepRecords(this.ctx, log);
    this.holders.delete(log.key);
  };

  private findHolders(): Map<string, ConsumerFetcher[]> {
    const holders = new Map<string, ConsumerFetcher[]>();
    for (const fetcher of this.fetchers()) {
      fetcher.forEachPartitionRead((key) => {
        const list = holders.get(key);
        if (list === undefined) holders.set(key, [fetcher]);
        else if (list[list.length - 1] !== fetcher) list.push(fetcher);
      });
    }
    return holders;
  }
}
