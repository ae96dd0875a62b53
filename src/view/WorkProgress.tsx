/**
 * Long work in progress (a far seek, a link opened far ahead): what is being done, a progress
 * bar in virtual time, and Cancel. The page keeps answering meanwhile (the work runs in slices).
 */
import { useLab } from './labContext';
import type { AppState } from '../app/store';
import { useAppStore } from './useAppStore';

const selectWork = (state: AppState) => state.lab.work;

export function WorkProgress() {
  const { cancelWork } = useLab();
  const work = useAppStore(selectWork);
  if (!work) return null;
  const span = Math.max(1, work.targetMs - work.fromMs);
  const percent = Math.min(100, Math.max(0, Math.round(((work.reachedMs - work.fromMs) / span) * 100)));
  return (
    <div className="work-progress" role="status" data-testid="work-progress">
      <label htmlFor="work-progress-bar">
        {work.cancelling ? 'Stopping at the next whole moment…' : `${work.label}…`} now at {clock(work.reachedMs)} ({percent} %)
      </label>
      <progress id="work-progress-bar" max={100} value={percent} aria-valuetext={`${percent} %`}>
        {percent} %
      </progress>
      <button type="button" onClick={cancelWork} disabled={work.cancelling}>
        Cancel
      </button>
    </div>
  );
}

/** h:mm:ss (m:ss under an hour): the way the label names the target. */
function clock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
