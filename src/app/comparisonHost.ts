/**
 * The page's comparison, if one is open: it opens one from a comparison preset, from a link
 * (`#c=`, or `#preset=<comparison id>`) or as a fork of the page's run ("Compare with…": the run
 * as A, a copy as B to change), and closes it back to the page's run, which a comparison never
 * touches (it is paused while the comparison is open). It is also the frame loop's target: the
 * comparison's time while one is open, the page's lab otherwise.
 */
import { createStore } from 'zustand/vanilla';
import type { ComparisonPreset } from '../scenarios/presets/comparisonPresets';
import { loadedComparisonPreset } from '../scenarios/presets/presetScenarios';
import type { SharedComparison } from '../share';
import { describeRefusal } from '../share/sharedRun';
import { DECODERS_MISSING, loadedDecoders } from './loadDecoders';
import { createComparison, type Comparison, type ComparisonOptions, type ComparisonSpec } from './comparison';
import type { FrameTarget } from './frameLoop';
import type { Lab } from './lab';

export interface ComparisonHostState {
  comparison: Comparison | null;
}

/** A fragment's outcome: not a comparison's (null), opened, or refused with why. */
export type ComparisonOpen = null | { ok: true } | { ok: false; refusal: string };

export function specOfPreset(preset: ComparisonPreset): ComparisonSpec {
  return { title: preset.title, presetId: preset.id, a: preset.a, b: preset.b, notes: preset.notes, reference: preset.reference };
}

function specOfShared(shared: SharedComparison): ComparisonSpec {
  const preset = shared.presetId === null ? undefined : loadedComparisonPreset(shared.presetId);
  // A preset's notes and reference run hold of the preset's own runs only: kept when both runs are its.
  const same = preset !== undefined && sameScenario(preset.a.scenario, shared.a.scenario) && sameScenario(preset.b.scenario, shared.b.scenario);
  return {
    title: shared.title,
    presetId: same ? preset.id : null,
    a: shared.a,
    b: shared.b,
    playheadMs: shared.playheadMs,
    ...(same && { notes: preset.notes, reference: preset.reference }),
  };
}

function sameScenario(x: unknown, y: unknown): boolean {
  return canonical(x) === canonical(y);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    typeof field === 'object' && field !== null && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field).sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0)))
      : field,
  );
}

export function createComparisonHost(pageLab: Lab, options: ComparisonOptions = {}) {
  const store = createStore<ComparisonHostState>()(() => ({ comparison: null }));
  const current = () => store.getState().comparison;

  function open(spec: ComparisonSpec): Comparison {
    pageLab.pause();
    current()?.dispose();
    const comparison = createComparison(spec, options);
    store.setState({ comparison });
    return comparison;
  }

  function close(): void {
    const comparison = current();
    if (comparison === null) return;
    comparison.dispose();
    store.setState({ comparison: null });
  }

  function openPreset(id: string): Comparison | null {
    const preset = loadedComparisonPreset(id);
    return preset ? open(specOfPreset(preset)) : null;
  }

  /** "Compare with…": the page's run as A, a copy as B (to change), at the page's playhead. */
  function fork(): Comparison {
    const { run, sim } = pageLab.store.getState();
    const title = run.scenario.title ?? 'this run';
    const side = { scenario: run.scenario, interventions: run.interventions, presetId: run.presetId };
    return open({
      title: `What if…? ${title}`,
      presetId: null,
      a: { label: 'as it is', ...side },
      b: { label: 'what if… (change this one)', ...side },
      playheadMs: sim.snapshot.nowMs,
    });
  }

  /** `#c=<version>.<data>` or `#preset=<comparison id>` (without `#`); null for any other fragment. */
  function openFragment(fragment: string): ComparisonOpen {
    if (fragment.startsWith('c=')) {
      // Loaded before any address is opened (openFromLocation's callers).
      const decoders = loadedDecoders();
      if (decoders === null) return { ok: false, refusal: `This comparison link cannot be opened: ${DECODERS_MISSING}` };
      const decoded = decoders.decodeComparisonLink(fragment.slice(2));
      if (!decoded.ok) return { ok: false, refusal: describeRefusal(decoded) };
      open(specOfShared(decoded.comparison));
      if (decoded.warnings.length > 0) {
        pageLab.showMessage({ kind: 'info', text: `Opened, with fields this LogScope does not know left out: ${decoded.warnings[0]}.` });
      }
      return { ok: true };
    }
    if (fragment.startsWith('preset=')) {
      let id = fragment.slice('preset='.length);
      try {
        id = decodeURIComponent(id);
      } catch {
        return null;
      }
      return openPreset(id) === null ? null : { ok: true };
    }
    return null;
  }

  /** What a `#c=` link carries for the open comparison: both runs and the playhead. */
  function shared(): SharedComparison | null {
    const comparison = current();
    if (comparison === null) return null;
    const { labels, title } = comparison.store.getState();
    const runOf = (lab: Lab, label: string) => {
      const { scenario, interventions } = lab.store.getState().run;
      return { label, scenario, interventions: [...interventions] };
    };
    return {
      title,
      presetId: comparison.store.getState().presetId,
      a: runOf(comparison.a, labels.a),
      b: runOf(comparison.b, labels.b),
      playheadMs: comparison.nowMs(),
    };
  }

  /** The frame loop drives the comparison while one is open, the page's lab otherwise. */
  const frameTarget: FrameTarget = {
    get store() {
      return (current()?.a ?? pageLab).store;
    },
    runScheduledSeek: () => (current() ?? pageLab).runScheduledSeek(),
    playTo: (timeMs, wallBudgetMs) => (current() ?? pageLab).playTo(timeMs, wallBudgetMs),
    currentSimulation: () => (current() ?? pageLab).currentSimulation(),
  };

  return { store, pageLab, current, open, close, openPreset, fork, openFragment, shared, frameTarget };
}

export type ComparisonHost = ReturnType<typeof createComparisonHost>;
