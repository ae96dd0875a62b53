/**
 * How many items of a list to draw now: all of them when there are at most `atOnce`; otherwise
 * none in the render that brings the list, then `step` more per mount step (mountSteps.ts)
 * until every one is drawn. So the render in the same task as opening a large run (parsing it
 * and starting its engine) draws only the page around the lists. Opening another scenario
 * starts again, so a run at the limits opened after another never draws every list in one render.
 */
import { useEffect, useState } from 'react';
import type { AppState } from '../../app/store';
import { useAppStore } from '../useAppStore';
import { queueMountStep } from './mountSteps';

const selectScenario = (state: AppState) => state.run.scenario;

export function useProgressiveCount(total: number, atOnce: number, step: number = Math.max(1, atOnce)): number {
  const scenario = useAppStore(selectScenario);
  const [progress, setProgress] = useState({ scenario, shown: 0 });
  let shown = progress.shown;
  if (progress.scenario !== scenario) {
    // Adjusting state while rendering (React's pattern for state derived from a changed input):
    // this render already draws none of a large list.
    shown = 0;
    setProgress({ scenario, shown });
  }
  const drawn = total <= atOnce ? total : Math.min(total, shown);
  useEffect(() => {
    if (drawn >= total) return undefined;
    return queueMountStep(() =>
      setProgress((before) => (before.scenario === scenario ? { scenario, shown: Math.max(before.shown, drawn + step) } : before)),
    );
  }, [drawn, total, step, scenario]);
  return drawn;
}
