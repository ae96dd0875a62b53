/**
 * Startup and in-page navigation: read the address (`#s=`, `#preset=`, `?scenario=`) and open
 * the run it names, paused at its playhead. Anything that does not decode is refused with a
 * message (role="alert" in the view) and the current run stays as it was: the default run on a
 * fresh page, the user's work otherwise.
 */
import { limits, type Scenario } from '../engine';
import { PRESET_ENTRIES } from '../scenarios/presets/presetCatalogue';
import { presetScenario } from '../scenarios/presets/presetScenarios';
import type { AddressParts, DecodeResult, SharedRun } from '../share';
import { describeRefusal } from '../share/sharedRun';
import { DECODERS_MISSING, loadDecoders, loadedDecoders } from './loadDecoders';
import type { Lab } from './lab';
import { isLessonFragment, parseLessonFragment } from '../lessons/lessonLink';
import type { ComparisonHost } from './comparisonHost';
import { openInTasks } from './openInTasks';

/** The page's comparisons, when it has them: `#c=` and comparison presets open there. */
export type ComparisonLinks = Pick<ComparisonHost, 'openFragment' | 'close'>;

export type OpenOutcome = 'nothing' | 'opened' | 'refused';

/** JSON with object keys sorted, so equal scenarios give equal text whatever their key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    typeof field === 'object' && field !== null && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : field,
  );
}

/**
 * The gallery preset a scenario is (a shared or saved run of a preset), or null. A decoded run
 * comes with the decoders, which carry every preset's scenario (presetScenarios.ts).
 */
function presetIdOf(scenario: Scenario): string | null {
  const text = canonicalJson(scenario);
  return PRESET_ENTRIES.find(({ id }) => {
    const preset = presetScenario(id);
    return preset !== undefined && canonicalJson(preset) === text;
  })?.id ?? null;
}

/**
 * Replaces the run with a decoded one: scenario, interventions, playhead, selection, view. A
 * far playhead is reached in slices with a progress bar and Cancel, so the page keeps
 * answering however long the way there is (the work budget bounds it).
 */
export function openRun(lab: Lab, run: SharedRun): void {
  void lab.loadRun(run.scenario, run.interventions, run.playheadMs, run.presetId ?? presetIdOf(run.scenario));
  lab.store.setState((state) => ({ ...state, ui: { ...state.ui, selection: run.selection, view: { ...run.view } } }));
}

/** What stays on screen when an input is refused: the user's run, or on a fresh page the default one. */
export type Kept = 'current run' | 'default run';

const KEPT_TEXT: Record<Kept, string> = {
  'current run': 'Nothing was opened; your current run is unchanged.',
  'default run': 'Nothing was opened; the default run is shown instead.',
};

/** Opens a decode result, or shows why it was refused; the current run is kept on refusal. */
export function openDecoded(lab: Lab, result: DecodeResult, kept: Kept = 'current run'): OpenOutcome {
  if (!result.ok) return refuse(lab, result, kept);
  openRun(lab, result.run);
  showWarnings(lab, result.warnings);
  return 'opened';
}

/**
 * `openDecoded` for input read in this task (a link, a file): the engine starts in the next
 * task and the run is shown in the one after (openInTasks.ts), so no task is long at the
 * limits. `opening` is `lab.beginOpening()`'s number from before the input was read. Resolves
 * 'opened' once shown, or 'nothing' when an opening asked for later won meanwhile.
 */
export async function openDecodedInTasks(lab: Lab, opening: number, result: DecodeResult, kept: Kept = 'current run'): Promise<OpenOutcome> {
  if (!result.ok) return refuse(lab, result, kept);
  const { run } = result;
  const shown = await openInTasks(lab, opening, {
    scenario: run.scenario,
    interventions: run.interventions,
    playheadMs: run.playheadMs,
    presetId: run.presetId ?? presetIdOf(run.scenario),
    selection: run.selection,
    view: run.view,
  });
  if (shown === 'superseded') return 'nothing';
  showWarnings(lab, result.warnings);
  return 'opened';
}

function refuse(lab: Lab, result: DecodeResult & { ok: false }, kept: Kept): OpenOutcome {
  lab.showMessage({ kind: 'error', text: `${describeRefusal(result)}. ${KEPT_TEXT[kept]}` });
  return 'refused';
}

function showWarnings(lab: Lab, warnings: readonly string[]): void {
  if (warnings.length === 0) return;
  const [first, ...rest] = warnings;
  const more = rest.length > 0 ? ` (and ${rest.length} more)` : '';
  lab.showMessage({ kind: 'info', text: `Opened, with fields this LogScope does not know left out: ${first}${more}.` });
}

export function openFromLocation(lab: Lab, address: AddressParts, kept: Kept = 'current run', comparisons?: ComparisonLinks): OpenOutcome {
  const fragment = address.hash.startsWith('#') ? address.hash.slice(1) : address.hash;
  const compared = fragment.length > limits.MAX_INPUT_CHARS ? null : (comparisons?.openFragment(fragment) ?? null);
  if (compared !== null) {
    if (compared.ok) return 'opened';
    lab.showMessage({ kind: 'error', text: `${compared.refusal}. ${KEPT_TEXT[kept]}` });
    return 'refused';
  }
  const outcome = isLessonFragment(fragment) ? openLesson(lab, fragment, kept) : openAddress(lab, address, kept);
  // Another run opened: the page shows it, not the comparison.
  if (outcome === 'opened') comparisons?.close();
  return outcome;
}

/** Whether the address names a run, a comparison or a lesson (so opening it needs the decoders). */
export function addressNamesSomething(address: AddressParts): boolean {
  return address.hash.length > 1 || new URLSearchParams(address.search).has('scenario');
}

function openAddress(lab: Lab, address: AddressParts, kept: Kept): OpenOutcome {
  if (!addressNamesSomething(address)) return 'nothing';
  // Loaded by whoever called (startSharing, the hashchange listener) before opening.
  const decoders = loadedDecoders();
  if (decoders === null) {
    lab.showMessage({ kind: 'error', text: `This link cannot be opened: ${DECODERS_MISSING}. ${KEPT_TEXT[kept]}` });
    return 'refused';
  }
  const opening = lab.beginOpening();
  const result = decoders.decodeLocation(address);
  if (result === null) return 'nothing';
  if (!result.ok) return refuse(lab, result, kept);
  // Shown two tasks later (`openingSettled` waits for it); a later opening may win meanwhile.
  void openDecodedInTasks(lab, opening, result, kept);
  return 'opened';
}

/** `#lesson=<id>[&step=<n>]`: the lesson at that step, paused; a bad link keeps the run. */
function openLesson(lab: Lab, fragment: string, kept: Kept): OpenOutcome {
  const link = fragment.length > 200 ? { ok: false as const, error: 'the lesson link is longer than 200 characters' } : parseLessonFragment(fragment);
  if (!link.ok) {
    lab.showMessage({ kind: 'error', text: `This lesson link cannot be opened: ${link.error}. ${KEPT_TEXT[kept]}` });
    return 'refused';
  }
  void lab.lessons.openById(link.id, link.stepIndex).then((opened) => {
    if (!opened.ok) lab.showMessage({ kind: 'error', text: `This lesson link cannot be opened: ${opened.error}. ${KEPT_TEXT[kept]}` });
  });
  return 'opened';
}

/**
 * Opens links followed inside the page (a gallery deep link, an edited address bar). The address
 * bar's own updates use replaceState, which fires no hashchange, so they never reopen the run.
 */
export function listenForLinks(target: Window, lab: Lab, comparisons?: ComparisonLinks): () => void {
  const onHashChange = () => {
    const hash = target.location.hash;
    if (hash.length <= 1) return;
    // The decoders load on demand; once loaded (or failed), the address is read as it is then.
    const open = () => {
      if (target.location.hash === hash) openFromLocation(lab, { hash, search: '' }, 'current run', comparisons);
    };
    if (loadedDecoders() !== null) open();
    else void loadDecoders().then(open, open);
  };
  target.addEventListener('hashchange', onHashChange);
  return () => target.removeEventListener('hashchange', onHashChange);
}
