/**
 * The lag panel: Burrow status badges per group, unit, measure and partition toggles, and the
 * chart. The measure switch names the two backlogs (Kafka's lag, records not yet processed) and
 * says in one line why they differ; like the other toggles it is a view setting, so links keep it.
 */
import { LAG_SAMPLE_INTERVAL_MS } from '../../app/insights';
import { useLab } from '../labContext';
import { type AppState, selectQueries } from '../../app/store';
import { serviceColours } from '../palette';
import { useAppStore, useQueriesFollowing, useShallow } from '../useAppStore';
import { useElementWidth } from '../useElementWidth';
import { chartLines, LagChart, type ChartGroup } from './LagChart';
import { chartDomainEndMs, disagreementBands, LAG_MEASURES, type LagMeasure, type LagUnit } from './lagSeries';
import { LAG_WHY } from '../lanes/partitionLag';
import { StatusBadge } from './StatusBadge';

/** The panel follows the lag samples, taken once a virtual second, not every frame. */
const selectSampleTick = (state: AppState) => Math.floor(state.sim.snapshot.nowMs / LAG_SAMPLE_INTERVAL_MS);
const selectDomainEnd = (state: AppState) => chartDomainEndMs(state.sim.snapshot.nowMs);
const selectGroupIds = (state: AppState) => state.sim.snapshot.groups.map((g) => `${g.groupId}\u0000${g.serviceId}`);
const selectUnit = (state: AppState): LagUnit => (state.ui.view['lagUnit'] === 'seconds' ? 'seconds' : 'records');
const selectMeasure = (state: AppState): LagMeasure => (state.ui.view['lagMeasure'] === 'toProcess' ? 'toProcess' : 'kafkaLag');
const selectPartitionsOf = (state: AppState) => {
  const value = state.ui.view['lagPartitionsOf'];
  return typeof value === 'string' && value !== '' ? value : null;
};
const selectInterventions = (state: AppState) => state.run.interventions;
const selectActions = (state: AppState) => state.run.scenario.actions;
const selectRebalances = (state: AppState) => state.lab.rebalances;

export function LagPanel() {
  const { setView } = useLab();
  // Re-rendered once per lag sample (the lines), not every frame.
  const queries = useQueriesFollowing(selectSampleTick);
  const domainEndMs = useAppStore(selectDomainEnd);
  const ids = useAppStore(useShallow(selectGroupIds));
  const unit = useAppStore(selectUnit);
  const measure = useAppStore(selectMeasure);
  const partitionsOf = useAppStore(selectPartitionsOf);
  const interventions = useAppStore(selectInterventions);
  const actions = useAppStore(selectActions);
  const rebalances = useAppStore(selectRebalances);
  const [ref, width] = useElementWidth<HTMLDivElement>(900);
  const colours = serviceColours(ids.map((pair) => pair.split('\u0000')[1]!));
  const groups: ChartGroup[] = ids.map((pair, colourIndex) => {
    const [groupId, serviceId] = pair.split('\u0000');
    return { groupId: groupId!, colour: colours[serviceId!]!.mark, colourIndex, samples: queries.lagHistory(groupId!) };
  });
  const lines = chartLines(groups, unit, measure, partitionsOf);
  return (
    <section className="lag-panel" aria-label="Lag over time" ref={ref}>
      <div className="panel-head">
        <h2>Lag over time</h2>
        <StatusBadges ids={ids} />
      </div>
      <div className="chart-controls">
        <fieldset className="segmented">
          <legend className="visually-hidden">Lag unit</legend>
          {(['records', 'seconds'] as const).map((value) => (
            <label key={value} className={unit === value ? 'checked' : ''}>
              <input type="radio" name="lag-unit" value={value} checked={unit === value} onChange={() => setView('lagUnit', value)} />
              {value === 'records' ? 'records' : 'seconds behind'}
            </label>
          ))}
        </fieldset>
        {unit === 'records' && (
          <fieldset className="segmented">
            <legend className="visually-hidden">Records counted</legend>
            {LAG_MEASURES.map((option) => (
              <label key={option.id} className={measure === option.id ? 'checked' : ''}>
                <input type="radio" name="lag-measure" value={option.id} checked={measure === option.id} onChange={() => setView('lagMeasure', option.id)} />
                {option.label}
              </label>
            ))}
          </fieldset>
        )}
        <label>
          Lines:{' '}
          <select value={partitionsOf ?? ''} onChange={(e) => setView('lagPartitionsOf', e.target.value)} aria-label="Show lag per group or per partition">
            <option value="">one per group</option>
            {groups.map((g) => (
              <option key={g.groupId} value={g.groupId}>
                partitions of {g.groupId}
              </option>
            ))}
          </select>
        </label>
        <ul className="chart-legend" aria-label="Legend">
          {lines.map((l) => (
            <li key={l.id}>
              <svg width={26} height={10} aria-hidden="true">
                <line x2={26} y1={5} y2={5} stroke={l.colour} strokeWidth={3} strokeDasharray={l.dash} />
              </svg>
              {l.label}
            </li>
          ))}
          <li>
            <span className="band-swatch" aria-hidden="true" /> read models disagree
          </li>
          <li>
            <svg width={14} height={18} aria-hidden="true">
              <line x1={7} x2={7} y2={18} stroke="#5b6470" strokeWidth={1.5} strokeDasharray="4 3" />
            </svg>
            action
          </li>
          <li>
            <svg width={14} height={12} aria-hidden="true">
              <path d="M 7 2 l -5 8 l 10 0 z" fill="#5b6470" />
            </svg>
            rebalance
          </li>
        </ul>
      </div>
      {unit === 'records' && <p className="hint lag-why">{LAG_WHY}</p>}
      <LagChart
        width={width}
        groups={groups}
        unit={unit}
        measure={measure}
        partitionsOf={partitionsOf}
        domainEndMs={domainEndMs}
        interventions={[...(actions ?? []), ...interventions]}
        rebalances={rebalances}
        disagreements={disagreementBands(queries.disagreementHistory(), 1000)}
      />
    </section>
  );
}

/**
 * Burrow's status changes with each commit, not only at lag samples: the badges follow the
 * clock, so a step or seek within a second shows the status at that moment.
 */
function StatusBadges({ ids }: { ids: readonly string[] }) {
  const queries = useAppStore(selectQueries);
  return (
    <div className="status-badges" aria-label="Burrow status per group">
      {ids.map((pair) => {
        const [groupId, serviceId] = pair.split('\u0000') as [string, string];
        const health = queries.health(serviceId);
        return health ? <StatusBadge key={groupId} groupId={groupId} groupStatus={health.burrowStatus} status={health.status} rules={queries.lagExplanation(serviceId)} /> : null;
      })}
    </div>
  );
}
