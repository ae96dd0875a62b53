/**
 * What differs between the two runs at this moment: per topic, whether both logs hold the same
 * records (each log's content fingerprint; a reference run's too when the comparison has one);
 * per group, records processed, duplicates and skipped; per client placing synchronous calls,
 * the share of orders that succeeded. Equal and different say so in words (= / ≠), not colour.
 */
import { useStore } from 'zustand';
import type { Comparison, ComparisonState } from '../../app/comparison';
import { successRate, type ClientCounts, type GroupCounts } from '../../app/comparisonDifferences';
import type { TopicFingerprint } from '../../engine';
import { formatSimTime } from '../formatTime';

const selectDifferences = (state: ComparisonState) => state.differences;
const selectLabels = (state: ComparisonState) => state.labels;

function fingerprint(value: TopicFingerprint | null): string {
  return value === null ? 'no such topic' : `${value.hash.slice(0, 8)} · ${value.records} records`;
}

function same(x: number | undefined, y: number | undefined): string {
  return x === y ? '=' : '≠';
}

export function DifferenceTable({ comparison }: { comparison: Comparison }) {
  const differences = useStore(comparison.store, selectDifferences);
  const labels = useStore(comparison.store, selectLabels);
  if (differences === null) return null;
  const reference = differences.topics.find((t) => t.reference !== null)?.reference?.label;
  return (
    <section className="compare-differences" aria-label="Differences between the runs">
      <h2>
        Differences at {formatSimTime(differences.atMs).replace(/\.000$/, '')}{' '}
        <span className="section-meta">A: {labels.a} · B: {labels.b}</span>
      </h2>
      <div className="compare-tables">
        <table>
          <caption>Topics: content fingerprint (a hash of every retained record)</caption>
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <th scope="col">Run A</th>
              <th scope="col">Run B</th>
              <th scope="col">A and B</th>
              {reference && <th scope="col">Run {reference}</th>}
            </tr>
          </thead>
          <tbody>
            {differences.topics.map((row) => (
              <tr key={row.topic} data-topic={row.topic} data-identical={row.identical}>
                <th scope="row">{row.topic}</th>
                <td className="mono">{fingerprint(row.a)}</td>
                <td className="mono">{fingerprint(row.b)}</td>
                <td className={row.identical ? 'same' : 'differs'}>{row.identical ? '= identical' : '≠ differ'}</td>
                {reference && (
                  <td className="mono">
                    {row.reference
                      ? `${fingerprint(row.reference.fingerprint)} ${row.reference.fingerprint?.hash === row.a?.hash && row.reference.fingerprint?.hash === row.b?.hash ? '= same as A and B' : '≠'}`
                      : '—'}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption>Consumer groups: records handled</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Processed A / B</th>
              <th scope="col">Duplicates A / B</th>
              <th scope="col">Skipped A / B</th>
            </tr>
          </thead>
          <tbody>
            {differences.groups.map((row) => (
              <tr key={row.group} data-group={row.group}>
                <th scope="row">{row.group}</th>
                {(['processed', 'duplicates', 'skipped'] as const).map((field) => (
                  <td key={field}>{pair(row.a, row.b, field)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {differences.clients.length > 0 && (
          <table>
            <caption>Clients placing calls: orders that succeeded</caption>
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Run A</th>
                <th scope="col">Run B</th>
              </tr>
            </thead>
            <tbody>
              {differences.clients.map((row) => (
                <tr key={row.client} data-client={row.client}>
                  <th scope="row">{row.client}</th>
                  <td>{rate(row.a)}</td>
                  <td>{rate(row.b)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

function pair(a: GroupCounts | null, b: GroupCounts | null, field: keyof GroupCounts): string {
  return `${a?.[field] ?? '—'} ${same(a?.[field], b?.[field])} ${b?.[field] ?? '—'}`;
}

function rate(counts: ClientCounts | null): string {
  const share = successRate(counts);
  if (counts === null) return '—';
  if (share === null) return 'no order finished yet';
  return `${Math.round(share * 1000) / 10}% (${counts.succeeded} of ${counts.succeeded + counts.failed + counts.timedOut})`;
}
