/**
 * `kafka-consumer-groups --describe --group <g>` for one group, as the tool prints it: its
 * warning line for an empty or rebalancing group, then the rows (describeRows.ts):
 * CURRENT-OFFSET is the committed offset, LOG-END-OFFSET the high watermark (what the tool's
 * ListOffsets returns), LAG their difference, "-" without a commit; CONSUMER-ID, HOST and
 * CLIENT-ID name the member that owns the partition, "-" when nobody does. With no row, only the
 * warning line.
 */
import { useState } from 'react';
import type { GroupView, TopicView } from '../../engine';
import { describeNote } from './DescribeMembers';
import { describeRows, describeText } from './describeRows';

interface Props {
  group: GroupView;
  topics: TopicView[];
  /** Every group of the run (hosts are numbered by service and instance). */
  groups: GroupView[];
}

/** Rows printed before "Show all": a group reading 1,024 partitions would print 9,000 cells. */
const MAX_DESCRIBE_ROWS = 64;

export function DescribeTable({ group, topics, groups }: Props) {
  const [all, setAll] = useState(false);
  const allRows = describeRows(group, topics, groups);
  const rows = all ? allRows : allRows.slice(0, MAX_DESCRIBE_ROWS);
  const note = describeNote(group);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = () => {
    // Every row, not only those shown: the text is what the tool would print.
    const text = describeText(group.groupId, allRows, note);
    navigator.clipboard.writeText(text).then(
      () => setCopied('Copied: the tool\'s output, every row.'),
      () => setCopied('The clipboard refused the text (the browser did not allow it).'),
    );
  };
  return (
    <figure className="describe">
      <figcaption>
        <code>$ kafka-consumer-groups --bootstrap-server … --describe --group {group.groupId}</code>{' '}
        <button type="button" onClick={copy}>
          Copy as text
        </button>{' '}
        <span role="status" className="hint">
          {copied}
        </span>
      </figcaption>
      {note && <p className="describe-note">{note}</p>}
      {allRows.length > 0 && (
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
              <th scope="col">HOST</th>
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
                <td data-col="consumer">{row.consumerId ?? '-'}</td>
                <td data-col="host">{row.host ?? '-'}</td>
                <td data-col="client">{row.clientId ?? '-'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
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
