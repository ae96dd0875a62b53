/**
 * What a keyboard or screen-reader user needs before anything else on the page: a link that
 * skips to the pipeline and the narration's live region (what happens, in words); the
 * narration's setting is in the toolbar. Rendered first in the app, so the skip link is the
 * first Tab stop; it takes no room until the skip link is focused.
 */
import { NarrationRegion } from './NarrationRegion';
import { SkipLink } from './SkipLink';
import './a11y.css';

export function Accessibility() {
  return (
    <div className="a11y-bar">
      <SkipLink />
      <NarrationRegion />
    </div>
  );
}
