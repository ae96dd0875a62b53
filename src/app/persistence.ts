/**
 * The current run is kept in localStorage (as link data, `1.<data>`, debounced), so a crash or
 * an accidental close does not lose it: on the next plain visit, a run that differs from the
 * default is offered back ("Restore your last run?"). What is read back is untrusted like any
 * link: it is decoded and validated the same way, and dropped if it does not decode.
 * Storage may be missing, full or disabled; every access is guarded and failures are silent.
 */
import { Pacer } from './paced';
import { whenIdle } from './whenIdle';
import { checkout } from '../scenarios/presets/checkout';
import type { SharedRun } from '../share';
import { encodeRunLink } from '../share/encodeRunLink';
import { encodeRunLinkOffThread } from '../share/encodeOffThread';
import { loadedDecoders } from './loadDecoders';
import { openRun } from './openFromLocation';
import type { Lab } from './lab';
import { sharedRunOf, shouldWriteRun } from './sharedRunOf';

export const STORAGE_KEY = 'logscope.lastRun';
const PERSIST_DELAY_MS = 1000;

export interface RestoreOffer {
  run: SharedRun;
  title: string;
  playheadMs: number;
  interventionCount: number;
}

let offer: RestoreOffer | null = null;
let offerStorage: Storage | null = null;
/** The lab the offered run opens in. */
let offerLab: Lab | null = null;
/** The kept text that was offered: dismissing forgets it, but never a newer run kept since. */
let offeredText: string | null = null;
const listeners = new Set<() => void>();

function setOffer(next: RestoreOffer | null): void {
  offer = next;
  for (const listener of listeners) listener();
}

export function getRestoreOffer(): RestoreOffer | null {
  return offer;
}

export function subscribeRestoreOffer(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function defaultRunLink(): string {
  return encodeRunLink({ scenario: checkout, interventions: [], playheadMs: 0, selection: null, view: {} });
}

/** Whether storage keeps a run other than the default one (offering it needs the decoders). */
export function keepsRun(storage: Storage | null): boolean {
  try {
    const saved = storage?.getItem(STORAGE_KEY) ?? null;
    return saved !== null && saved !== defaultRunLink();
  } catch {
    return false;
  }
}

/**
 * Reads the kept run; offers it back when it decodes and is not just the default run. The
 * decoders are loaded first (startSharing); without them nothing is offered, and nothing forgotten.
 */
export function offerSavedRun(lab: Lab, storage: Storage | null): RestoreOffer | null {
  offerStorage = storage;
  offerLab = lab;
  let saved: string | null;
  try {
    saved = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
  if (saved === null || saved === defaultRunLink()) return null;
  const decoders = loadedDecoders();
  if (decoders === null) return null;
  const decoded = decoders.decodeRunLink(saved, 'saved run');
  if (!decoded.ok) {
    forget(storage);
    return null;
  }
  const { run } = decoded;
  offeredText = saved;
  setOffer({
    run,
    title: run.scenario.title ?? 'Untitled scenario',
    playheadMs: run.playheadMs,
    interventionCount: run.interventions.length,
  });
  return offer;
}

export function restoreSavedRun(): void {
  if (offer === null || offerLab === null) return;
  const { run } = offer;
  setOffer(null);
  openRun(offerLab, run);
}

/** Declines the offer and forgets the kept run, so it is not offered again. */
export function dismissSavedRun(): void {
  setOffer(null);
  try {
    if (offeredText !== null && offerStorage?.getItem(STORAGE_KEY) === offeredText) forget(offerStorage);
  } catch {
    // Nothing to do: storage is unavailable.
  }
}

function forget(storage: Storage | null): void {
  try {
    storage?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to do: storage is unavailable.
  }
}

/** Keeps the current run in `storage`, written at most once per `delayMs` after a change. */
export function startPersistence(lab: Lab, storage: Storage | null, delayMs = PERSIST_DELAY_MS): () => void {
  const appStore = lab.store;
  if (storage === null) return () => undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const pacer = new Pacer(delayMs);
  /** Each save's number: an answer from the worker is kept only if no save began since. */
  let latest = 0;
  const keep = (text: string) => {
    try {
      storage.setItem(STORAGE_KEY, text);
    } catch {
      // Full or disabled storage: the address bar still holds the run.
    }
  };
  /** At once: the page is going away. */
  const save = () => {
    timer = null;
    latest++;
    pacer.measure(() => keep(encodeRunLink(sharedRunOf(appStore.getState()))));
  };
  /** Compressed off the main thread (hundreds of milliseconds for a run at the limits). */
  const saveLater = () => {
    timer = null;
    const ticket = ++latest;
    void encodeRunLinkOffThread(sharedRunOf(appStore.getState())).then((text) => {
      if (ticket === latest) keep(text);
    });
  };
  const unsubscribe = appStore.subscribe((state, previous) => {
    if (timer === null && shouldWriteRun(state, previous)) timer = setTimeout(() => whenIdle(saveLater), pacer.delayMs);
  });
  const flush = () => {
    if (timer !== null) {
      clearTimeout(timer);
      save();
    }
  };
  // Closing the tab within the delay still keeps the last change.
  globalThis.addEventListener?.('pagehide', flush);
  return () => {
    unsubscribe();
    globalThis.removeEventListener?.('pagehide', flush);
    if (timer !== null) clearTimeout(timer);
  };
}

/** `window.localStorage`, or null where reading it throws (disabled storage, sandboxed frames). */
export function browserStorage(target: Window): Storage | null {
  try {
    return target.localStorage;
  } catch {
    return null;
  }
}
