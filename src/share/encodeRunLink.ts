/**
 * Writing a run link: `<version>.<data>`, the data being the run's JSON, compressed. Kept apart
 * from decoding (which validates whole scenarios) so the link-encoding worker loads only this.
 */
import { compressToEncodedURIComponent } from './lzString';
import { LINK_FORMAT_VERSION } from './shareLimits';
import type { SharedRun } from './sharedRun';

/** `<version>.<data>`: what follows `#s=` in a link, and what the lab keeps in storage. */
export function encodeRunLink(run: SharedRun): string {
  return `${LINK_FORMAT_VERSION}.${encodeV1(run)}`;
}

/** `#s=1.<data>`. */
export function runLinkFragment(run: SharedRun): string {
  return encodedRunFragment(encodeRunLink(run));
}

/** The fragment carrying an encoded run (`encodeRunLink`'s or `encodeRunLinkOffThread`'s text). */
export function encodedRunFragment(encoded: string): string {
  return `#s=${encoded}`;
}

/** The data part of a version 1 link for `run`. */
function encodeV1(run: SharedRun): string {
  // Empty fields are left out (the decoder's defaults): every character counts in a link.
  const payload = {
    v: 1,
    scenario: run.scenario,
    ...(run.interventions.length > 0 && { interventions: run.interventions }),
    ...(run.playheadMs !== 0 && { playheadMs: run.playheadMs }),
    ...(run.selection !== null && { selection: run.selection }),
    ...(Object.keys(run.view).length > 0 && { view: run.view }),
  };
  return compressToEncodedURIComponent(JSON.stringify(payload));
}
