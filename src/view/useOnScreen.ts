/**
 * Whether an element is on screen (or within half a screen of it), kept current by one shared
 * IntersectionObserver. Views use it to skip work nobody can see while the clock runs: twelve
 * partition lanes do not fit on a screen, and redrawing the hidden ones every frame cost more
 * than everything visible together.
 */
import { useEffect, useRef, useState } from 'react';

type Listener = (onScreen: boolean) => void;

const listeners = new Map<Element, Listener>();
let observer: IntersectionObserver | null = null;

function sharedObserver(): IntersectionObserver | null {
  if (typeof IntersectionObserver === 'undefined') return null;
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) listeners.get(entry.target)?.(entry.isIntersecting);
    },
    { rootMargin: '50% 0px' },
  );
  return observer;
}

/** A ref for the element and whether it is on screen; true until the observer says otherwise. */
export function useOnScreen<T extends Element>() {
  const ref = useRef<T | null>(null);
  const [onScreen, setOnScreen] = useState(true);
  useEffect(() => {
    const element = ref.current;
    const shared = sharedObserver();
    if (!element || !shared) return;
    listeners.set(element, setOnScreen);
    shared.observe(element);
    return () => {
      shared.unobserve(element);
      listeners.delete(element);
    };
  }, []);
  return [ref, onScreen] as const;
}
