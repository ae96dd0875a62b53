/**
 * Delivery guarantees per group: duplicates, skipped records, per-key order violations and
 * read-model divergence. Each count is a button that moves the playhead to the next moment it
 * grew (after the current playhead, wrapping to the first).
 */
import { possessive } from '../labels';
import type { Incident } from '../../engine';
import { useLab } from '../labContext';
import { type AppState, selectNowMs, selectQueries } from '../../app/store';
import { useAppStore } from '../useAppStore';

const selectGroups = (state: AppState) => state.sim.snapshot.groups;

const KINDS: Array<{ kind: Incident['kind']; label: string; stat: 'duplicates' | 'skipped' | 'orderViolations' }> = [
  { kind: 'duplicate', label: 'duplicates', stat: 'duplicates' },
  { kind: 'skipped', label: 'skipped', stat: 'skipped' },
  { kind: 'orderViolation', label: 'order violations', stat: 'orderViolations' },
];

function nextIncidentMs(list: readonly Incident[], kind: Incident['kind'], nowMs: number): number | null {
  const matching = list.filter((i) => i.kind === kind);
  if (matching.length === 0) return null;
  return (matching.find((i) => i.atMs > nowMs) ?? matching[0]!).atMs;
}

export function GuaranteeCounters() {
  const { seek } = useLab();
  const groups = useAppStore(selectGroups);
  const nowMs = useAppStore(selectNowMs);
  const queries = useAppStore(selectQueries);
  return (
    <table className="guarantees" aria-label="Delivery guarantees per group">
      <thead>
        <tr>
          <th scope="col">group</th>
          <th scope="col">processed</th>
          {KINDS.map((k) => (
            <th scope="col" key={k.kind}>
              {k.label}
            </th>
          ))}
          <th scope="col">divergence</th>
        </tr>
      </thead>
      <tbody>
        {groups.map(({ serviceId, stats }) => {
          const list = queries.incidents(serviceId);
          return (
            <tr key={serviceId} data-testid={`guarantees-${serviceId}`}>
              <th scope="row">{serviceId}</th>
              <td className="num">{stats.processed}</td>
              {KINDS.map((k) => {
                const count = stats[k.stat];
                const target = nextIncidentMs(list, k.kind, nowMs);
                return (
                  <td key={k.kind} className={`num ${count > 0 ? 'cell-missing' : ''}`}>
                    {count > 0 && target !== null ? (
                      <button type="button" className="link-button" data-target-ms={target} onClick={() => seek(target)} aria-label={`${count} ↦ ${(target / 1000).toFixed(1)} s: ${possessive(serviceId)} ${count} ${k.label}; jump to ${(target / 1000).toFixed(1)} s`}>
                        {count} ↦ {(target / 1000).toFixed(1)} s
                      </button>
                    ) : (
                      count
                    )}
                  </td>
                );
              })}
              <td className={`num ${stats.divergence > 0 ? 'cell-missing' : ''}`}>{stats.divergence}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
