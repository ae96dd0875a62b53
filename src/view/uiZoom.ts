/**
 * The page's CSS zoom (styles.css enlarges the whole lab on wide screens, such as a classroom
 * projector at 1920 px). Mouse coordinates and window sizes are in unzoomed pixels while
 * lengths set inside the page are zoomed, so code mixing the two divides by this; canvases
 * multiply their backing store by it to stay sharp.
 */
export function uiZoom(): number {
  if (typeof document === 'undefined') return 1;
  const zoom = Number.parseFloat(getComputedStyle(document.documentElement).zoom);
  return Number.isFinite(zoom) && zoom > 0 ? zoom : 1;
}
