/**
 * Writing a comparison link (`#c=<format version>.<data>`, see comparisonLink.ts for the format
 * and the decoder). Kept apart from decoding, which validates whole scenarios, so the page loads
 * this at start without the parsers.
 */
import type { SharedComparison, SharedComparisonRun } from './comparisonLink';
import { compressToEncodedURIComponent } from './lzString';

export const COMPARISON_LINK_VERSION = 1;

/** `#c=1.<data>`. */
export function comparisonLinkFragment(comparison: SharedComparison): string {
  const run = ({ label, scenario, interventions }: SharedComparisonRun) => ({
    label,
    scenario,
    ...(interventions.length > 0 && { interventions }),
  });
  const payload = {
    v: 1,
    title: comparison.title,
    ...(comparison.presetId !== null && { preset: comparison.presetId }),
    a: run(comparison.a),
    b: run(comparison.b),
    ...(comparison.playheadMs !== 0 && { playheadMs: comparison.playheadMs }),
  };
  return `#c=${COMPARISON_LINK_VERSION}.${compressToEncodedURIComponent(JSON.stringify(payload))}`;
}
