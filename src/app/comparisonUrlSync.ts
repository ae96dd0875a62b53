/**
 * The address bar follows an open comparison: opening one adds a history entry with its `#c=`
 * link (Back returns to the page's run), and while it is paused, each change (playhead,
 * interventions) rewrites the link in place within half a second, so a reload or a copied
 * address reopens the same two runs. Closing it puts the page run's own `#s=` link back.
 * During playback nothing is written (both scenarios are compressed on the main thread).
 */
import type { ComparisonHost } from './comparisonHost';
import { comparisonLinkFragment } from '../share/encodeComparisonLink';
import { writeAddressFragment } from './addressBar';
import { fragmentOf } from './sharedRunOf';
import { followComparisonRuns } from './followComparisonRuns';

const WRITE_DELAY_MS = 500;

export function startComparisonUrlSync(target: Window, host: ComparisonHost): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let unsubscribeRuns: Array<() => void> = [];

  const write = (mode: 'push' | 'replace', fragment: string) => writeAddressFragment(target, mode, fragment);
  const comparisonFragment = () => {
    const shared = host.shared();
    return shared === null ? null : comparisonLinkFragment(shared);
  };
  const writeLater = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const comparison = host.current();
      if (comparison === null || comparison.a.store.getState().playback.playing) return;
      const fragment = comparisonFragment();
      if (fragment !== null) write('replace', fragment);
    }, WRITE_DELAY_MS);
  };

  const follow = (comparison: NonNullable<ReturnType<ComparisonHost['current']>>) => {
    unsubscribeRuns = [followComparisonRuns(comparison, writeLater)];
  };
  const unsubscribeHost = host.store.subscribe((state, previous) => {
    if (state.comparison === previous.comparison) return;
    for (const stop of unsubscribeRuns) stop();
    unsubscribeRuns = [];
    if (state.comparison === null) {
      write('replace', fragmentOf(host.pageLab.store.getState()));
      return;
    }
    // Opened from a link, the address already names it (its playhead is still being reached);
    // opened in the page, it gets a history entry of its own.
    const fromLink = target.location.hash.startsWith('#c=') || target.location.hash.startsWith('#preset=');
    const fragment = comparisonFragment();
    if (!fromLink && fragment !== null) write('push', fragment);
    follow(state.comparison);
  });
  // A comparison the address opened at startup, before this began.
  const opened = host.current();
  if (opened !== null) follow(opened);
  return () => {
    unsubscribeHost();
    for (const stop of unsubscribeRuns) stop();
    if (timer !== null) clearTimeout(timer);
  };
}
