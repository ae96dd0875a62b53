/**
 * Squeezes an SVG text into `maxWidth` when it is wider: measured in the browser (fonts differ
 * between systems, so an estimate either cuts names that fit or lets some run past a node's
 * edge). The text is drawn at its natural width first and measured before paint; only when it
 * overflows does it get `textLength`, which narrows its glyphs to fit. Callers cut text far too
 * long beforehand (a squeeze of more than about 15 % reads badly).
 */
import { useLayoutEffect, useRef, useState } from 'react';

interface Fit {
  text: string;
  maxWidth: number;
  overflows: boolean;
  /**
   * The most characters measured to fit at this width: a text no longer fits too (a count that
   * changes every frame, "41 behind" → "42 behind", keeps its length), so it is not measured
   * again: each measurement forces a layout in the middle of the frame.
   */
  fitsUpTo: number;
}

export function useSqueezeToFit(text: string, maxWidth: number) {
  const ref = useRef<SVGTextElement>(null);
  const [fit, setFit] = useState<Fit | null>(null);
  const sameWidth = fit !== null && fit.maxWidth === maxWidth;
  const current = !sameWidth ? null : fit.text === text ? fit : text.length <= fit.fitsUpTo ? { ...fit, text, overflows: false } : null;
  const settled = current !== null;
  useLayoutEffect(() => {
    if (settled) return;
    const element = ref.current;
    // Measured without textLength: this render drew the text at its natural width.
    if (!element || typeof element.getComputedTextLength !== 'function') return;
    const overflows = element.getComputedTextLength() > maxWidth;
    setFit((before) => {
      const known = before !== null && before.maxWidth === maxWidth ? before.fitsUpTo : 0;
      return { text, maxWidth, overflows, fitsUpTo: overflows ? known : Math.max(known, text.length) };
    });
  }, [settled, text, maxWidth]);
  return current?.overflows ? { ref, textLength: maxWidth, lengthAdjust: 'spacingAndGlyphs' as const } : { ref };
}
