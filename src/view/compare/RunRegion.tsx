/**
 * One run of a comparison: a region named "Run A: <label>" holding its compact pipeline, with a
 * line pattern key (A solid, B dashed: the charts use the same) and the run's own messages (a
 * refused intervention).
 */
import { useStore } from 'zustand';
import type { Comparison, ComparisonState, RunSide } from '../../app/comparison';
import type { AppState } from '../../app/store';
import { PipelineView } from '../pipeline/PipelineView';
import { useAppStore } from '../useAppStore';
import { RUN_STYLE } from './runStyle';

const selectLabels = (state: ComparisonState) => state.labels;
const selectMessage = (state: AppState) => state.ui.message;
const selectInterventionCount = (state: AppState) => state.run.interventions.length;

export function RunRegion({ comparison, side }: { comparison: Comparison; side: RunSide }) {
  const labels = useStore(comparison.store, selectLabels);
  const message = useAppStore(selectMessage);
  const interventions = useAppStore(selectInterventionCount);
  const name = `Run ${side.toUpperCase()}: ${labels[side]}`;
  const style = RUN_STYLE[side];
  return (
    <section className={`compare-run compare-run-${side}`} aria-label={name} data-testid={`run-${side}`}>
      <h2 className="compare-run-title">
        <svg width="36" height="12" aria-hidden="true">
          <line x1="0" y1="6" x2="36" y2="6" stroke={style.colour} strokeWidth="4" strokeDasharray={style.dash} />
        </svg>
        <span className="compare-run-letter">Run {side.toUpperCase()}</span> {labels[side]}
        {interventions > 0 && <span className="section-meta"> · {interventions} intervention{interventions === 1 ? '' : 's'}</span>}
      </h2>
      {message && (
        <p className={`compare-run-message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <PipelineView halfWidth />
    </section>
  );
}
