/**
 * Whether an element is on screen (or within 120 px of it), kept current by one shared
 * IntersectionObserver per scroll container. Views use it to skip work nobody can see while
 * the clock runs: twelve partition lanes do not fit on a screen, and redrawing the hidden ones
 * every frame cost more than everything visible together.
 */
import { useEffect, useRef, useState } from 'react';

type Listener = (onScreen: boolean) => void;

const listeners = new Map<Element, Listener>();
/** Observers by their root and margin: the margin only widens the root it is given, so the lanes' own scroll box is the root. */
const observers = new Map<Element | null, Map<number, IntersectionObserver>>();

/** The nearest ancestor that scrolls vertically, or null for the viewport. */
function scrollContainerOf(element: Element): Element | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return node;
  }
  return null;
}

function observerFor(root: Element | null, marginPx: number): IntersectionObserver | null {
  if (typeof IntersectionObserver === 'undefined') return null;
  let byMargin = observers.get(root);
  if (!byMargin) observers.set(root, (byMargin = new Map()));
  let observer = byMargin.get(marginPx);
  if (!observer) {
    observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) listeners.get(entry.target)?.(entry.isIntersecting);
      },
      { root, rootMargin: `${marginPx}px 0px` },
    );
    byMargin.set(marginPx, observer);
  }
  return observer;
}

/**
 * A ref for the element and whether it is on screen; true until the observer says otherwise.
 * `marginPx`: how near the scroll box's edge counts as on screen (drawn ahead of being seen).
 */
export function useOnScreen<T extends Element>(marginPx = 120) {
  const ref = useRef<T | null>(null);
  const [onScreen, setOnScreen] = useState(true);
  useEffect(() => {
    const element = ref.current;
    const observer = element ? observerFor(scrollContainerOf(element), marginPx) : null;
    if (!element || !observer) return;
    listeners.set(element, setOnScreen);
    observer.observe(element);
    return () => {
      observer.unobserve(element);
      listeners.delete(element);
    };
  }, [marginPx]);
  return [ref, onScreen] as const;
}
