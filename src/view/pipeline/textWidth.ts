/**
 * How wide an SVG text draws, from a canvas's `measureText` in the element's font instead of
 * the element's own `getComputedTextLength`, which forces a layout of the whole page (at the
 * limits, a layout of thousands of elements in the middle of a commit). The font is read once
 * per element (a style lookup, not a layout) and widths are remembered by font and text, so a
 * count that changes every frame is measured once per value.
 */
const fonts = new WeakMap<Element, string>();
const widths = new Map<string, number>();
/** Widths remembered before the table starts again (a few hundred labels change per second at most). */
const REMEMBERED = 4096;
let context: CanvasRenderingContext2D | null | undefined;

/** What an SVG text draws of `text`: runs of white space as one space, none at either end (xml:space default). */
export function drawnText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The width `element` draws `text` at, in its user units; null where there is no canvas to measure with (tests). */
export function textWidth(element: Element, text: string): number | null {
  if (context === undefined) context = typeof document === 'undefined' ? null : createContext();
  if (!context) return null;
  let font = fonts.get(element);
  if (font === undefined) {
    font = getComputedStyle(element).font;
    // A font the shorthand cannot say (an unusual longhand) is measured by the element after all.
    if (!font) return null;
    fonts.set(element, font);
  }
  const drawn = drawnText(text);
  const key = `${font}\u0000${drawn}`;
  let width = widths.get(key);
  if (width === undefined) {
    context.font = font;
    width = context.measureText(drawn).width;
    if (widths.size >= REMEMBERED) widths.clear();
    widths.set(key, width);
  }
  return width;
}

function createContext(): CanvasRenderingContext2D | null {
  // jsdom has canvases without a 2D context, and says so on the console when asked.
  if (typeof navigator !== 'undefined' && /jsdom/i.test(navigator.userAgent)) return null;
  return document.createElement('canvas').getContext('2d');
}
