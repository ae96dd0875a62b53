/**
 * What the comparison views need from sharing, as plain functions (views import values only
 * from src/app): the comparison presets for the gallery, the address of the open comparison,
 * and "Compare with…" on the page's run.
 */
import { comparisonLinkFragment } from '../share/encodeComparisonLink';
import { COMPARISON_ENTRIES } from '../scenarios/presets/presetCatalogue';
import { loadPresetScenarios } from '../scenarios/presets/presetScenarios';
import type { ComparisonHost } from './comparisonHost';

export interface ComparisonGalleryEntry {
  id: string;
  title: string;
  description: string;
  concept: string;
  /** The deep link: `#preset=<id>` opens the comparison. */
  href: string;
}

export const COMPARISON_GALLERY: readonly ComparisonGalleryEntry[] = COMPARISON_ENTRIES.map(({ id, title, description, concept }) => ({
  id,
  title,
  description,
  concept,
  href: `#preset=${encodeURIComponent(id)}`,
}));

/** The address of the open comparison (`#c=1.<data>`), or null when none is open. */
export function comparisonLink(host: ComparisonHost, location: Pick<Location, 'origin' | 'pathname'>): string | null {
  const shared = host.shared();
  return shared === null ? null : `${location.origin}${location.pathname}${comparisonLinkFragment(shared)}`;
}

/** Opens a comparison preset from the gallery once the presets (loaded on demand, presetScenarios.ts) are in. */
export function openComparisonPreset(host: ComparisonHost, id: string): Promise<void> {
  return loadPresetScenarios().then(
    () => {
      host.openPreset(id);
    },
    () => {
      host.pageLab.showMessage({ kind: 'error', text: "The comparison could not be opened: the presets' scenarios did not load (check the connection and reload)" });
    },
  );
}
