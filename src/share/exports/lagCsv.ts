/**
 * Lag over time as CSV: one row per sample, group and partition. `committedLag` is Kafka's lag
 * (high watermark − committed offset, what kafka-consumer-groups prints); `unprocessed` is the
 * records still to process (high watermark − the owner's position, or − the committed offset
 * while nobody owns the partition), as the lanes and the lag chart name them; `behindMs` the age
 * of the oldest record the group's read model has yet to apply. Empty where Kafka prints "-".
 */
import type { GroupLagSample } from '../../engine';
import { csvText, type CsvValue } from './csv';

const LAG_COLUMNS = ['timeMs', 'group', 'topic', 'partition', 'committedLag', 'unprocessed', 'behindMs', 'status'] as const;

/** "orders-12" → ["orders", 12]: a topic name may itself hold dashes, the partition is after the last. */
function splitPartitionKey(key: string): [string, number] {
  const dash = key.lastIndexOf('-');
  return [key.slice(0, dash), Number(key.slice(dash + 1))];
}

export function lagCsv(groups: readonly { groupId: string; history: readonly GroupLagSample[] }[]): string {
  const rows: CsvValue[][] = [];
  for (const { groupId, history } of groups) {
    for (const sample of history) {
      for (const [key, lag] of Object.entries(sample.partitions)) {
        const [topic, partition] = splitPartitionKey(key);
        rows.push([sample.atMs, groupId, topic, partition, lag.committedLag, lag.positionLag ?? lag.committedLag, lag.behindMs, sample.status]);
      }
    }
  }
  // Time first, then group and partition: the order a chart or a pivot table wants.
  rows.sort((a, b) => (a[0] as number) - (b[0] as number) || String(a[1]).localeCompare(String(b[1])) || String(a[2]).localeCompare(String(b[2])) || (a[3] as number) - (b[3] as number));
  return csvText(LAG_COLUMNS, rows);
}
