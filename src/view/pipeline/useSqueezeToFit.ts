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
}

export function useSqueezeToFit(text: string, maxWidth: number) {
  const ref = useRef<SVGTextElement>(null);
  const [fit, setFit] = useState<Fit | null>(null);
  const current = fit !== null && fit.text === text && fit.maxWidth === maxWidth ? fit : null;
  useLayoutEffect(() => {
    if (current) return;
    const element = ref.current;
    // Measured without textLength: this render drew the text at its natural width.
    if (!element || typeof element.getComputedTextLength !== 'function') return;
    setFit({ text, maxWidth, overflows: element.getComputedTextLength() > maxWidth });
  }, [current, text, maxWidth]);
  return current?.overflows ? { ref, textLength: maxWidth, lengthAdjust: 'spacingAndGlyphs' as const } : { ref };
}
