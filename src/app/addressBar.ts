/**
 * Writes a fragment into the address bar (one history entry with `push`, in place with
 * `replace`); a hand-written `?scenario=` is dropped once the fragment carries the run. Shared by
 * the page's and the comparison's URL sync.
 */
export function writeAddressFragment(target: Window, mode: 'push' | 'replace', fragment: string): void {
  try {
    const url = new URL(target.location.href);
    if (url.searchParams.has('scenario')) url.searchParams.delete('scenario');
    url.hash = fragment;
    const next = url.toString();
    if (next === target.location.href) return;
    if (mode === 'push') target.history.pushState(null, '', next);
    else target.history.replaceState(target.history.state, '', next);
  } catch {
    // The address bar is a convenience: a failure here must never break the lab.
  }
}
