/**
 * The address bar follows the run (doc/design.md, contract 6): within about half a second of a change
 * to the scenario, the interventions, the playhead, the selection or the view, the fragment is
 * rewritten to `#s=1.<data>` with replaceState (no history entry, no hashchange), so a reload
 * or a copied address reopens exactly this run. During playback it is rewritten at most once
 * per interval, with the state at the moment of writing. The run is compressed off the main
 * thread (a scenario at the limits takes hundreds of milliseconds); only the newest answer is
 * written.
 *
 * Replacing the whole run from the gallery or a file adds one history entry instead, so the
 * browser's Back button brings the previous run back (its `#s=` is opened on hashchange).
 */
import { writeAddressFragment } from './addressBar';
import type { OpenOutcome } from './openFromLocation';
import type { Lab } from './lab';
import { fragmentOf, fragmentOfOffThread, shouldWriteRun } from './sharedRunOf';
import { Pacer } from './paced';
import { whenIdle } from './whenIdle';

const URL_SYNC_DELAY_MS = 500;

let writeNow: ((mode: 'replace' | 'push') => void) | null = null;

/** `withHistoryEntry` for an open that completes later (a lesson loads first). */
export async function withHistoryEntryLater(open: () => Promise<OpenOutcome>): Promise<OpenOutcome> {
  writeNow?.('replace');
  const outcome = await open();
  // Whatever is current by then (this run's sync may have been stopped meanwhile).
  if (outcome === 'opened') writeNow?.('push');
  return outcome;
}

/** Runs `open` (which replaces the run) so that Back returns to the run it replaced. */
export function withHistoryEntry(open: () => OpenOutcome): OpenOutcome {
  const write = writeNow;
  if (write === null) return open();
  write('replace');
  const outcome = open();
  if (outcome === 'opened') write('push');
  return outcome;
}

export function startUrlSync(target: Window, lab: Lab, delayMs = URL_SYNC_DELAY_MS): () => void {
  const appStore = lab.store;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const pacer = new Pacer(delayMs);
  /** Each write's number: an answer from the worker is written only if no write began since. */
  let latest = 0;

  /** At once (a history entry must hold the run it names before the next one is pushed). */
  const write = (mode: 'replace' | 'push' = 'replace') => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    latest++;
    pacer.measure(() => writeFragment(mode, fragmentOf(appStore.getState())));
  };
  const writeLater = () => {
    timer = null;
    const ticket = ++latest;
    void fragmentOfOffThread(appStore.getState()).then(
      (fragment) => {
        if (ticket === latest) writeFragment('replace', fragment);
      },
      () => undefined,
    );
  };
  const writeFragment = (mode: 'replace' | 'push', fragment: string) => writeAddressFragment(target, mode, fragment);
  writeNow = write;

  const unsubscribe = appStore.subscribe((state, previous) => {
    if (timer === null && shouldWriteRun(state, previous)) timer = setTimeout(() => whenIdle(writeLater), pacer.delayMs);
  });
  return () => {
    unsubscribe();
    if (writeNow === write) writeNow = null;
    if (timer !== null) clearTimeout(timer);
  };
}
