/**
 * A comparison open when the page closes is kept like a single run (persistence.ts): in
 * localStorage as comparison link data (`1.<data>`, the text after `#c=`), written while both
 * runs are paused, at most once per delay after a change, and at once when the page goes away.
 * On the next plain visit it is offered back ("Restore your last comparison?"); closing the
 * comparison forgets it (the page's run is kept and offered as before). What is read back is
 * untrusted like any link: decoded and validated by src/share, dropped when it does not decode,
 * and nothing read from storage can throw into the page.
 */
import { comparisonLinkFragment } from '../share/encodeComparisonLink';
import type { ComparisonHost } from './comparisonHost';
import { loadedDecoders } from './loadDecoders';
import type { Comparison } from './comparison';
import { whenIdle } from './whenIdle';
import { followComparisonRuns } from './followComparisonRuns';

export const COMPARISON_STORAGE_KEY = 'logscope.lastComparison';
const PERSIST_DELAY_MS = 1000;

export interface ComparisonRestoreOffer {
  title: string;
  labels: { a: string; b: string };
  playheadMs: number;
  interventionCount: number;
}

let offer: ComparisonRestoreOffer | null = null;
let offered: { host: ComparisonHost; storage: Storage | null; text: string; onDismiss: () => void } | null = null;
const listeners = new Set<() => void>();

function setOffer(next: ComparisonRestoreOffer | null): void {
  offer = next;
  for (const listener of listeners) listener();
}

export function getComparisonRestoreOffer(): ComparisonRestoreOffer | null {
  return offer;
}

export function subscribeComparisonRestoreOffer(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function read(storage: Storage | null): string | null {
  try {
    return storage?.getItem(COMPARISON_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

function forget(storage: Storage | null, onlyIf?: string): void {
  try {
    if (onlyIf === undefined || storage?.getItem(COMPARISON_STORAGE_KEY) === onlyIf) storage?.removeItem(COMPARISON_STORAGE_KEY);
  } catch {
    // Nothing to do: storage is unavailable.
  }
}

/** True when a comparison is kept: reading it needs the decoders (startSharing loads them first). */
export function keepsComparison(storage: Storage | null): boolean {
  return read(storage) !== null;
}

/**
 * Reads the kept comparison and offers it back when it decodes; `onDismiss` runs when the
 * offer is declined (the page then offers its last run, if any). Null when there is none, or
 * when the decoders did not load (the comparison stays kept for the next visit).
 */
export function offerSavedComparison(host: ComparisonHost, storage: Storage | null, onDismiss: () => void = () => undefined): ComparisonRestoreOffer | null {
  const text = read(storage);
  const decoders = loadedDecoders();
  if (text === null || decoders === null) return null;
  const decoded = decoders.decodeComparisonLink(text, 'saved comparison');
  if (!decoded.ok) {
    forget(storage);
    return null;
  }
  const { comparison } = decoded;
  offered = { host, storage, text, onDismiss };
  setOffer({
    title: comparison.title,
    labels: { a: comparison.a.label, b: comparison.b.label },
    playheadMs: comparison.playheadMs,
    interventionCount: comparison.a.interventions.length + comparison.b.interventions.length,
  });
  return offer;
}

/** Opens the offered comparison (both runs, their interventions, the playhead). */
export function restoreSavedComparison(): void {
  if (offer === null || offered === null) return;
  const { host, text } = offered;
  setOffer(null);
  offered = null;
  const outcome = host.openFragment(`c=${text}`);
  if (outcome !== null && !outcome.ok) host.pageLab.showMessage({ kind: 'error', text: `The kept comparison could not be opened: ${outcome.refusal}` });
}

/** Declines the offer and forgets the kept comparison (never one kept since). */
export function dismissSavedComparison(): void {
  if (offered === null) return;
  const { storage, text, onDismiss } = offered;
  setOffer(null);
  offered = null;
  forget(storage, text);
  onDismiss();
}

/** Keeps the open comparison in `storage`; forgets it when the comparison closes. */
export function startComparisonPersistence(host: ComparisonHost, storage: Storage | null, delayMs = PERSIST_DELAY_MS): () => void {
  if (storage === null) return () => undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let unsubscribeRuns: Array<() => void> = [];
  const save = () => {
    const shared = host.shared();
    if (shared === null) return;
    try {
      storage.setItem(COMPARISON_STORAGE_KEY, comparisonLinkFragment(shared).slice('#c='.length));
    } catch {
      // Full or disabled storage: the address bar still holds the comparison.
    }
  };
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const saveLater = () => {
    if (timer !== null) return;
    timer = setTimeout(
      () =>
        whenIdle(() => {
          timer = null;
          // Both scenarios are compressed on the main thread: not while the runs play.
          const comparison = host.current();
          if (comparison !== null && !comparison.a.store.getState().playback.playing) save();
        }),
      delayMs,
    );
  };
  const follow = (comparison: Comparison) => {
    unsubscribeRuns = [followComparisonRuns(comparison, saveLater)];
    saveLater();
  };
  const stopFollowing = () => {
    for (const stop of unsubscribeRuns) stop();
    unsubscribeRuns = [];
    cancel();
  };
  const unsubscribeHost = host.store.subscribe((state, previous) => {
    if (state.comparison === previous.comparison) return;
    stopFollowing();
    if (state.comparison === null) forget(storage);
    else follow(state.comparison);
  });
  const opened = host.current();
  if (opened !== null) follow(opened);
  // Closing the tab keeps the comparison as it is now, playing or not.
  const flush = () => {
    if (host.current() === null) return;
    cancel();
    save();
  };
  globalThis.addEventListener?.('pagehide', flush);
  return () => {
    unsubscribeHost();
    stopFollowing();
    globalThis.removeEventListener?.('pagehide', flush);
  };
}
