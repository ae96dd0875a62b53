/**
 * Drawing a moment in the background. The store wakes views through useSyncExternalStore,
 * whose renders React always does at once, in one piece: at the limits (16 topics × 64
 * partitions, 16 groups of 32) the end of a long seek changes nearly every lane, cell and card,
 * and that one render and commit of the whole page was a task of 100–350 ms
 * (doc/benchmarks.md).
 *
 * A moment published to be drawn `inBackground` (SimSlice.drawing) is drawn the way React draws
 * a deferred value: in the render the store forces, every view keeps the value it showed (cheap:
 * nothing changes), and React then renders the new values in the background, in slices of a few
 * milliseconds that yield to clicks, keys and frames, and commits them all at once. Every other
 * publish is drawn at once, as before: deferring each frame's render while playing would show
 * each frame a task late, and a background render that new frames keep interrupting might not
 * be shown at all.
 */
import { useDeferredValue, useRef } from 'react';
import type { Drawing } from '../app/store';

/** What `useDeferredValue` is given while nothing is drawn in the background: it then has nothing to defer. */
const NOT_DEFERRED: unique symbol = Symbol('not deferred');

/** `value` as the views draw it: at once, or, for a moment drawn in the background, once React has rendered it there. */
export function useDrawnValue<T>(value: T, drawing: Drawing): T {
  const deferred = useDeferredValue<T | typeof NOT_DEFERRED>(drawing === 'inBackground' ? value : NOT_DEFERRED);
  const shown = useRef(value);
  if (drawing === 'now') {
    // Kept in render rather than in an effect: this runs for every store hook on every frame
    // while playing, and an effect each would be work for every commit. A render of a moment
    // drawn at once is a sync render, which React commits as it is.
    // eslint-disable-next-line react-hooks/refs
    shown.current = value;
    return value;
  }
  // In the render that starts drawing in the background, `deferred` still holds NOT_DEFERRED
  // (what it was given before): the value drawn at once last stands in for it. After a moment
  // drawn in the background, `deferred` keeps that one until React has drawn the next.
  // eslint-disable-next-line react-hooks/refs
  return deferred === NOT_DEFERRED ? shown.current : deferred;
}
