/** Whether a CSS media query matches, kept current as the window or the user's settings change. */
import { useCallback, useSyncExternalStore } from 'react';

/**
 * One MediaQueryList per query, kept: React reads the snapshot on every store change of every
 * subscriber, and `matchMedia` builds and evaluates a new list each call (it showed in frame
 * profiles). A kept list's `matches` stays current.
 */
const lists = new Map<string, MediaQueryList>();
function mediaList(query: string): MediaQueryList {
  let list = lists.get(query);
  if (!list) {
    list = window.matchMedia(query);
    lists.set(query, list);
  }
  return list;
}

/** Environments without media queries (a test's DOM) match nothing. */
const matches = (query: string) => typeof window.matchMedia === 'function' && mediaList(query).matches;

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (typeof window.matchMedia !== 'function') return () => {};
      const media = mediaList(query);
      media.addEventListener('change', onChange);
      return () => media.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => matches(query), () => false);
}

/**
 * A screen too short for the pipeline and every lane at full size: a 1280×720 projector or a
 * laptop. The page tightens its header, pipeline and lanes (styles.css holds the same query).
 */
const SHORT_SCREEN = '(max-height: 820px)';

export function useShortScreen(): boolean {
  return useMediaQuery(SHORT_SCREEN);
}
