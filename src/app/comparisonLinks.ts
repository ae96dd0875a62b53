/**
 * What the comparison views need from sharing, as plain functions (views import values only
 * from src/app): the comparison presets for the gallery, the address of the open comparison,
 * and "Compare with…" on the page's run.
 */
import { comparisonLinkFragment } from '../share/encodeComparisonLink';
import { COMPARISON_PRESETS } from '../scenarios/presets/comparisonPresets';
import type { ComparisonHost } from './comparisonHost';

export interface ComparisonGalleryEntry {
  id: string;
  title: string;
  description: string;
  concept: string;
  /** The deep link: `#preset=<id>` opens the comparison. */
  href: string;
}

export const COMPARISON_GALLERY: readonly ComparisonGalleryEntry[] = COMPARISON_PRESETS.map(({ id, title, description, concept }) => ({
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
