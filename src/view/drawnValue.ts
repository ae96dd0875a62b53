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
import { useDeferredValue, useLayoutEffect, useRef } from 'react';
import type { Drawing } from '../app/store';

/** What `useDeferredValue` is given while nothing is drawn in the background: it then has nothing to defer. */
const NOT_DEFERRED: unique symbol = Symbol('not deferred');

/** `value` as the views draw it: at once, or, for a moment drawn in the background, once React has rendered it there. */
export function useDrawnValue<T>(value: T, drawing: Drawing): T {
  const deferred = useDeferredValue<T | typeof NOT_DEFERRED>(drawing === 'inBackground' ? value : NOT_DEFERRED);
  const shown = useRef(value);
  // In the render that starts drawing in the background, `deferred` still holds NOT_DEFERRED
  // (what it was given before): the value shown until then stands in for it. The ref holds
  // only committed values (set in a layout effect), so reading it in a render that React
  // discards or repeats gives the same answer.
  // eslint-disable-next-line react-hooks/refs
  const drawn = drawing === 'now' ? value : deferred === NOT_DEFERRED ? shown.current : deferred;
  useLayoutEffect(() => {
    shown.current = drawn;
  }, [drawn]);
  return drawn;
}
