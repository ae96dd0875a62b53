/**
 * Squeezes an SVG text into `maxWidth` when it is wider: measured in the browser (fonts differ
 * between systems, so an estimate either cuts names that fit or lets some run past a node's
 * edge). Callers cut text far too long beforehand (a squeeze of more than about 15 % reads
 * badly).
 *
 * Measured with a canvas in the element's font (textWidth.ts) before paint, and the squeeze set
 * on the element directly: no forced layout per label and no second render. React never sets
 * `textLength` on these elements, so it leaves what is set here alone.
 */
import { useLayoutEffect, useRef } from 'react';
import { textWidth } from './textWidth';

export function useSqueezeToFit(text: string, maxWidth: number) {
  const ref = useRef<SVGTextElement>(null);
  const applied = useRef<{ element: SVGTextElement; text: string; maxWidth: number } | null>(null);
  // Every render, since the element may be a new one; a label already fitted costs a comparison.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const last = applied.current;
    if (last && last.element === element && last.text === text && last.maxWidth === maxWidth) return;
    applied.current = { element, text, maxWidth };
    const width = textWidth(element, text) ?? measuredWidth(element);
    if (width === null) return;
    if (width > maxWidth) {
      element.setAttribute('textLength', String(maxWidth));
      element.setAttribute('lengthAdjust', 'spacingAndGlyphs');
    } else {
      element.removeAttribute('textLength');
      element.removeAttribute('lengthAdjust');
    }
  });
  return { ref };
}

/** The element's own measure (a forced layout), where no canvas can stand in; unsqueezed first. */
function measuredWidth(element: SVGTextElement): number | null {
  if (typeof element.getComputedTextLength !== 'function') return null;
  element.removeAttribute('textLength');
  return element.getComputedTextLength();
}
