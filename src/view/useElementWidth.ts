/**
 * Width of an element, kept current with a ResizeObserver.
 *
 * The width is not read when the element mounts: in the task that mounts the page that read
 * forces the page's first layout (about 100 ms on the start of the app) into that task. The
 * observer reports the element once it is laid out, in the next frame before it is painted;
 * that first report is applied at once (`flushSync`), so the frame paints the right width.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

export function useElementWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T | null>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    let first = true;
    const observer = new ResizeObserver((entries) => {
      const next = entries[0]?.contentRect.width;
      if (!next) return;
      const rounded = Math.round(next);
      if (!first) return setWidth(rounded);
      first = false;
      flushSync(() => setWidth(rounded));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [fallback]);
  return [ref, width] as const;
}
