/**
 * `kafka-consumer-groups --describe --group <g>` for one group, with the tool's semantics:
 * CURRENT-OFFSET is the committed offset, LOG-END-OFFSET is the high watermark (what the tool's
 * ListOffsets returns), LAG is their difference, and both show "-" without a commit; CONSUMER-ID
 * is the member that owns the partition, "-" when nobody does.
 */
import { useState } from 'react';
import { assignedMember } from '../ownership';
import type { GroupView, TopicView } from '../../engine';

interface Props {
  group: GroupView;
  topics: TopicView[];
}

export interface DescribeRow {
  topic: string;
  partition: number;
  currentOffset: number | null;
  logEndOffset: number;
  lag: number | null;
  consumerId: string | null;
  clientId: string | null;
}

/** Rows printed before "Show all": a group reading 1,024 partitions would print 9,000 cells. */
const MAX_DESCRIBE_ROWS = 64;

function describeRows(group: GroupView, topics: TopicView[]): DescribeRow[] {
  const rows: DescribeRow[] = [];
  for (const topicName of group.subscribe) {
    const topic = topics.find((t) => t.name === topicName);
    if (!topic) continue;
    for (const partition of topic.partitions) {
      const key = `${topicName}-${partition.partition}`;
      const committed = group.committed[key];
      // As the real tool: the coordinator's assignment for the current generation.
      const owner = assignedMember(group, key);
      rows.push({
        topic: topicName,
        partition: partition.partition,
        currentOffset: committed ?? null,
        logEndOffset: partition.highWatermark,
        lag: committed === undefined ? null : Math.max(0, partition.highWatermark - committed),
        consumerId: owner?.memberId ?? null,
        clientId: owner?.instance ?? null,
      });
    }
  }
  return rows;
}

export function DescribeTable({ group, topics }: Props) {
  const [all, setAll] = useState(false);
  const allRows = describeRows(group, topics);
  const rows = all ? allRows : allRows.slice(0, MAX_DESCRIBE_ROWS);
  const note =
    group.state === 'Empty'
      ? `Consumer group '${group.groupId}' has no active members.`
      : group.state === 'PreparingRebalance' || group.state === 'CompletingRebalance'
        ? `Warning: Consumer group '${group.groupId}' is rebalancing.`
        : null;
  return (
    <figure className="describe">
      <figcaption>
        <code>$ kafka-consumer-groups --bootstrap-server … --describe --group {group.groupId}</code>
      </figcaption>
      {note && <p className="describe-note">{note}</p>}
      <table data-testid={`describe-${group.groupId}`}>
        <thead>
          <tr>
            <th scope="col">GROUP</th>
            <th scope="col">TOPIC</th>
            <th scope="col">PARTITION</th>
            <th scope="col">CURRENT-OFFSET</th>
            <th scope="col">LOG-END-OFFSET</th>
            <th scope="col">LAG</th>
            <th scope="col">CONSUMER-ID</th>
            <th scope="col">CLIENT-ID</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.topic}-${row.partition}`} data-partition={`${row.topic}-${row.partition}`}>
              <td>{group.groupId}</td>
              <td>{row.topic}</td>
              <td className="num">{row.partition}</td>
              <td className="num" data-col="current">{row.currentOffset ?? '-'}</td>
              <td className="num" data-col="leo">{row.logEndOffset}</td>
              <td className="num" data-col="lag">{row.lag ?? '-'}</td>
              <td>{row.consumerId ?? '-'}</td>
              <td>{row.clientId ?? '-'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length < allRows.length && (
        <p className="hint">
          Showing {rows.length} of {allRows.length} rows.{' '}
          <button type="button" className="link" onClick={() => setAll(true)}>
            Show all {allRows.length}
          </button>
        </p>
      )}
    </figure>
  );
}
