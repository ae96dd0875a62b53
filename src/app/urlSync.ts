/**
 * The address bar follows the run (DESIGN.md contract 6): within about half a second of a change
 * to the scenario, the interventions, the playhead, the selection or the view, the fragment is
 * rewritten to `#s=1.<data>` with replaceState (no history entry, no hashchange), so a reload
 * or a copied address reopens exactly this run. During playback it is rewritten at most once
 * per interval, with the state at the moment of writing.
 */
import { appStore } from './runController';
import { fragmentOf, sharedPartChanged } from './sharedRunOf';

export const URL_SYNC_DELAY_MS = 500;

export function startUrlSync(target: Window, delayMs = URL_SYNC_DELAY_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;

  const write = () => {
    timer = null;
    try {
      const fragment = fragmentOf(appStore.getState());
      const url = new URL(target.location.href);
      // A hand-written ?scenario= link has been opened; the fragment now carries the run.
      if (url.searchParams.has('scenario')) url.searchParams.delete('scenario');
      url.hash = fragment;
      const next = url.toString();
      if (next !== target.location.href) target.history.replaceState(target.history.state, '', next);
    } catch {
      // The address bar is a convenience: a failure here must never break the lab.
    }
  };

  const unsubscribe = appStore.subscribe((state, previous) => {
    if (timer === null && sharedPartChanged(state, previous)) timer = setTimeout(write, delayMs);
  });
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}
