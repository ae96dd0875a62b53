/**
 * The brokers of a replicated run (issue 17): each broker with its status and network delay,
 * its commands (crash, start, slow network, restore), and the partition replicas it holds —
 * the leader marked, each replica's log end offset, whether it is in the ISR — beside the
 * partition's high watermark. Shown only when the scenario has two or more brokers. Each broker
 * is an entity: selected, it takes the keyboard shortcuts and context menu of its actions.
 */
import { actionsFor } from '../../app/entityActions';
import type { AppState } from '../../app/store';
import type { ReplicationView, SimSnapshot } from '../../engine';
import { useLab } from '../labContext';
import { useAppStore } from '../useAppStore';
import { useEntityProps } from '../useEntityProps';

const selectSnapshot = (state: AppState): SimSnapshot => state.sim.snapshot;

export function BrokerPanel() {
  const snapshot = useAppStore(selectSnapshot);
  const replication = snapshot.replication;
  if (!replication) return <p className="empty">This run has one broker, which never fails. Give the scenario "brokers": 2 or more.</p>;
  return (
    <div className="broker-panel">
      <p className="hint">Tab to a broker and press C (crash), S (start) or N (slow / restore its network); Shift+F10 or right-click opens its menu.</p>
      {replication.brokers.map((broker) => (
        <BrokerCard key={broker.id} broker={broker} replication={replication} snapshot={snapshot} />
      ))}
      <ul className="offline-list">
        {replication.partitions
          .filter((partition) => partition.leader === null)
          .map((partition) => (
            <li key={partition.key}>{partition.key} is offline: no leader (high watermark {partition.highWatermark}).</li>
          ))}
      </ul>
    </div>
  );
}

/**
 * One broker: its name is a selectable entity (click, Enter, the context menu, the keyboard
 * shortcuts of its actions), and its buttons run the same actions (src/app/entityActions.ts).
 */
function BrokerCard({ broker, replication, snapshot }: { broker: ReplicationView['brokers'][number]; replication: ReplicationView; snapshot: SimSnapshot }) {
  const { requestCommand } = useLab();
  const crashed = broker.status === 'crashed';
  const status = crashed ? (broker.fenced ? '✕ crashed, fenced' : '✕ crashed') : '● running';
  const entity = useEntityProps(`broker:${broker.id}`, `Broker ${broker.id}, ${status.slice(2)}${broker.extraDelayMs > 0 ? `, network +${broker.extraDelayMs} ms` : ''}`);
  const actions = actionsFor(`broker:${broker.id}`, snapshot)?.actions ?? [];
  return (
    <section className={`broker-card${crashed ? ' crashed' : ''}`} aria-label={`Broker ${broker.id}`} data-broker={broker.id}>
      <h3>
        <span {...entity} className={`${entity.className} broker-name`}>
          Broker {broker.id}
        </span>{' '}
        <span className="broker-status">{status}</span>
        {broker.extraDelayMs > 0 && <span className="broker-delay"> · +{broker.extraDelayMs} ms</span>}
      </h3>
      <div className="action-buttons">
        {actions.map((action) => (
          <button
            key={action.id}
            type="button"
            className={action.id === 'crash-broker' ? 'danger' : undefined}
            aria-keyshortcuts={action.key}
            title={action.key ? `${action.label} (select the broker, then key ${action.key.toUpperCase()})` : action.label}
            onClick={() => requestCommand(action.command)}
          >
            {action.label}
          </button>
        ))}
      </div>
      <ul className="replica-list">
        {replication.partitions.flatMap((partition) =>
          partition.replicas
            .filter((replica) => replica.broker === broker.id)
            .map((replica) => (
              <li key={partition.key} className={replica.isLeader ? 'leader' : replica.inIsr ? 'in-sync' : 'out-of-sync'}>
                <span className="replica-role">{replica.isLeader ? '★ leader' : replica.inIsr ? 'follower, in ISR' : 'follower, out of ISR'}</span>{' '}
                {partition.key}: log end {replica.logEndOffset}
                {replica.isLeader && `, high watermark ${partition.highWatermark}, epoch ${partition.leaderEpoch}`}
              </li>
            )),
        )}
      </ul>
    </section>
  );
}
