/**
 * What the share views need, as plain functions (views may import values only from src/app):
 * the link to the current run and its QR code, the gallery, saving and opening scenario files,
 * and the offer to restore the last run. Everything that decodes input goes through src/share.
 */
import { isPresetId, PRESET_ENTRIES } from '../scenarios/presets/presetCatalogue';
import { loadPresetScenarios, presetScenario } from '../scenarios/presets/presetScenarios';
import { limits } from '../engine';
import type { QrCodeResult } from '../share';
import { isLoopbackLink } from '../share/loopbackHost';
import { runFileName, runFileText } from '../share/scenarioFileText';
import { nextTask } from './nextTask';
import { addressNamesSomething, listenForLinks, openDecoded, openDecodedInTasks, openFromLocation, type OpenOutcome } from './openFromLocation';
import { openingSettled } from './openInTasks';
import { browserStorage, keepsRun, offerSavedRun, startPersistence } from './persistence';
import type { Lab } from './lab';
import { fragmentOf } from './sharedRunOf';
import { DECODERS_MISSING, loadDecoders, loadedDecoders, type Decoders } from './loadDecoders';
import { whenIdle } from './whenIdle';
import { startUrlSync, withHistoryEntry, withHistoryEntryLater } from './urlSync';
import type { ComparisonHost } from './comparisonHost';
import { startComparisonUrlSync } from './comparisonUrlSync';
import { keepsComparison, offerSavedComparison, startComparisonPersistence } from './comparisonPersistence';

export { dismissSavedRun, getRestoreOffer, restoreSavedRun, subscribeRestoreOffer } from './persistence';
export type { RestoreOffer } from './persistence';
export { dismissSavedComparison, getComparisonRestoreOffer, restoreSavedComparison, subscribeComparisonRestoreOffer } from './comparisonPersistence';
export type { ComparisonRestoreOffer } from './comparisonPersistence';
export type { QrCodeResult };

/** The address of the current run: this page, without query, with `#s=1.<data>`. */
export function currentShareUrl(lab: Lab, location: Pick<Location, 'origin' | 'pathname'>): string {
  return `${location.origin}${location.pathname}${fragmentOf(lab.store.getState())}`;
}

/** The QR code of `url`. The encoder loads on first use: most sessions never draw one. */
export async function qrCodeForUrl(url: string): Promise<QrCodeResult> {
  try {
    const { qrCodeOf } = await import('../share/qrCode');
    return qrCodeOf(url);
  } catch {
    return { ok: false, message: 'The QR code could not be drawn (its code did not load). Share the link itself instead.' };
  }
}

/** Whether the link opens only on this computer (the share dialog warns before a class scans it). */
export function linkIsLoopback(url: string): boolean {
  return isLoopbackLink(url);
}

export interface GalleryEntry {
  id: string;
  title: string;
  description: string;
  concept: string;
  /** The deep link: `#preset=<id>`. */
  href: string;
}

export const GALLERY: readonly GalleryEntry[] = PRESET_ENTRIES.map(({ id, title, description, concept }) => ({
  id,
  title,
  description,
  concept,
  href: `#preset=${encodeURIComponent(id)}`,
}));

/**
 * Opens a gallery preset at t = 0; Back returns to the run it replaced. The presets' scenarios
 * load on demand (presetScenarios.ts): once they are in (or for the default preset) it opens at
 * once, before this returns; the first time it waits for them.
 */
export function openPreset(lab: Lab, id: string): Promise<OpenOutcome> {
  if (presetScenario(id) !== undefined || !isPresetId(id)) return Promise.resolve(openLoadedPreset(lab, id));
  return loadPresetScenarios().then(
    () => openLoadedPreset(lab, id),
    () => {
      lab.showMessage({ kind: 'error', text: `The preset could not be opened: ${PRESETS_MISSING}` });
      return 'refused' as const;
    },
  );
}

const PRESETS_MISSING = "the presets' scenarios did not load (check the connection and reload)";

function openLoadedPreset(lab: Lab, id: string): OpenOutcome {
  const scenario = presetScenario(id);
  if (scenario === undefined) return 'refused';
  return withHistoryEntry(() =>
    openDecoded(lab, {
      ok: true,
      run: { scenario, interventions: [], playheadMs: 0, selection: null, view: {}, presetId: id },
      warnings: [],
    }),
  );
}

/** The current scenario with its interventions as a scenario file (format v1). */
export function currentRunFile(lab: Lab): { fileName: string; text: string } {
  const { scenario, interventions } = lab.store.getState().run;
  return { fileName: runFileName(scenario), text: runFileText(scenario, interventions) };
}

/** A file name as a message shows it: quoted, and cut when long. */
function fileSource(name: string): string {
  return `file ${JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name)}`;
}

/**
 * Opens a scenario file chosen or dropped by the user. Oversized files are refused before they
 * are read; everything else is validated like a link. The current run is kept on refusal, and
 * Back returns to it after success.
 */
export async function openScenarioFile(lab: Lab, file: Pick<File, 'name' | 'size' | 'text'>): Promise<OpenOutcome> {
  const opening = lab.beginOpening();
  const source = fileSource(file.name);
  if (file.size > limits.MAX_INPUT_CHARS) {
    return openDecoded(lab, {
      ok: false,
      source,
      problems: [{ path: '', message: `it is ${file.size} bytes; the limit is ${limits.MAX_INPUT_CHARS} (64 KB)` }],
    });
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unknown error';
    return openDecoded(lab, { ok: false, source, problems: [{ path: '', message: `it could not be read: ${reason}` }] });
  }
  let decoders: Decoders;
  try {
    decoders = await loadDecoders();
  } catch {
    return openDecoded(lab, { ok: false, source, problems: [{ path: '', message: DECODERS_MISSING }] });
  }
  if (decoders.isLessonText(text)) return openLessonText(lab, decoders, text, source);
  // Reading the file (its promise settles in a task of its own) leaves decoding a task alone.
  await nextTask();
  const decoded = decoders.decodeScenarioText(text, source);
  if (!decoded.ok) return openDecoded(lab, decoded);
  return withHistoryEntryLater(() => openDecodedInTasks(lab, opening, decoded));
}

/** A lesson file (format "logscope-lesson"): opened at its first step, or refused like a scenario file. */
function openLessonText(lab: Lab, decoders: Decoders, text: string, source: string): OpenOutcome {
  const parsed = decoders.parseLessonJson(text);
  if (!parsed.ok) return openDecoded(lab, { ok: false, source, problems: parsed.errors });
  return withHistoryEntry(() => {
    void lab.lessons.open(parsed.lesson);
    return 'opened';
  });
}

/**
 * Startup: open what the address asks for (or keep the default run and show why not), offer
 * the last run back when the address asks for nothing that opened, then keep the address bar
 * and localStorage in step with the run and open in-page links. Reading a link or the kept run
 * needs the decoders, which load on demand: then all of this waits for them (the returned
 * promise), so the address bar is not rewritten before the link is read. The default run needs
 * none, and starts at once; the decoders are then fetched when the page is idle, so later
 * links, files and the editor rarely wait.
 */
export function startSharing(target: Window, lab: Lab, comparisons?: ComparisonHost): Promise<void> | void {
  const address = { hash: target.location.hash, search: target.location.search };
  const storage = browserStorage(target);
  if (loadedDecoders() === null && (addressNamesSomething(address) || keepsRun(storage) || (comparisons !== undefined && keepsComparison(storage)))) {
    const begin = () => beginSharing(target, lab, comparisons);
    return loadDecoders().then(begin, begin);
  }
  void beginSharing(target, lab, comparisons);
  whenIdle(() => void loadDecoders().catch(() => undefined));
}

function beginSharing(target: Window, lab: Lab, comparisons?: ComparisonHost): Promise<void> | void {
  const outcome = openFromLocation(lab, { hash: target.location.hash, search: target.location.search }, 'default run', comparisons);
  const storage = browserStorage(target);
  // A comparison open when the page closed is offered first; declined, the last run is.
  if (outcome !== 'opened' && !(comparisons && offerSavedComparison(comparisons, storage, () => offerSavedRun(lab, storage)))) offerSavedRun(lab, storage);
  listenForLinks(target, lab, comparisons);
  // A linked run is shown a few tasks later (openInTasks.ts): the rest starts from it, so the
  // address bar and the kept run are not rewritten for opening it, and presenter mode sticks.
  const rest = () => {
    // `?presenter` in a link a teacher opens on the classroom computer: presenter mode from the start.
    if (new URLSearchParams(target.location.search).has('presenter')) lab.setView('presenter', true);
    startUrlSync(target, lab);
    if (comparisons) startComparisonUrlSync(target, comparisons);
    startPersistence(lab, storage);
    if (comparisons) startComparisonPersistence(comparisons, storage);
  };
  if (outcome === 'opened') return openingSettled(lab).then(rest);
  rest();
}
