/**
 * The brokers of a replicated run (issue 17): each broker with its status and network delay,
 * its commands (crash, start, slow network, restore), and the partition replicas it holds —
 * the leader marked, each replica's log end offset, whether it is in the ISR — beside the
 * partition's high watermark. Shown only when the scenario has two or more brokers.
 */
import type { AppState } from '../../app/store';
import type { Command, ReplicationView } from '../../engine';
import { useLab } from '../labContext';
import { useAppStore } from '../useAppStore';

const selectReplication = (state: AppState): ReplicationView | undefined => state.sim.snapshot.replication;

/** The extra delay "Slow network" adds to every message to or from a broker. */
const SLOW_NETWORK_MS = 2000;

export function BrokerPanel() {
  const replication = useAppStore(selectReplication);
  const { requestCommand } = useLab();
  if (!replication) return <p className="empty">This run has one broker, which never fails. Give the scenario "brokers": 2 or more.</p>;
  const run = (command: Command) => () => requestCommand(command);
  return (
    <div className="broker-panel">
      {replication.brokers.map((broker) => {
        const crashed = broker.status === 'crashed';
        return (
          <section key={broker.id} className={`broker-card${crashed ? ' crashed' : ''}`} aria-label={`Broker ${broker.id}`} data-broker={broker.id}>
            <h3>
              Broker {broker.id} <span className="broker-status">{crashed ? (broker.fenced ? '✕ crashed, fenced' : '✕ crashed') : '● running'}</span>
              {broker.extraDelayMs > 0 && <span className="broker-delay"> · +{broker.extraDelayMs} ms</span>}
            </h3>
            <div className="action-buttons">
              {crashed ? (
                <button type="button" onClick={run({ type: 'startBroker', broker: broker.id })}>
                  Start broker {broker.id}
                </button>
              ) : (
                <button type="button" className="danger" onClick={run({ type: 'crashBroker', broker: broker.id })}>
                  Crash broker {broker.id}
                </button>
              )}
              {broker.extraDelayMs > 0 ? (
                <button type="button" onClick={run({ type: 'restoreNetwork', broker: broker.id })}>
                  Restore network
                </button>
              ) : (
                <button type="button" onClick={run({ type: 'delayNetwork', broker: broker.id, extraMs: SLOW_NETWORK_MS })}>
                  Slow network (+{SLOW_NETWORK_MS} ms)
                </button>
              )}
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
      })}
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
