/**
 * Arrow keys move focus between the pipeline's entities, so reaching an instance takes a few
 * presses instead of dozens of Tabs: ArrowDown/ArrowUp within a column, ArrowRight/ArrowLeft to
 * the nearest entity of the next/previous column (producers → topics → services → read models),
 * Home/End to the column's first/last, Ctrl+Home/Ctrl+End to the pipeline's. Every entity stays
 * a Tab stop as before. A handled key is not also a lab shortcut (→ would step the run).
 */
import { useEffect, type RefObject } from 'react';
import { entityAfterMove, type Move } from '../a11y/entityColumns';

const MOVES: Record<string, Move> = {
  ArrowDown: 'next',
  ArrowUp: 'previous',
  ArrowRight: 'right',
  ArrowLeft: 'left',
  Home: 'columnStart',
  End: 'columnEnd',
};

function moveFor(event: KeyboardEvent): Move | undefined {
  if (event.altKey || event.metaKey || event.shiftKey) return undefined;
  if (event.ctrlKey)
    return event.key === 'Home' ? 'first' : event.key === 'End' ? 'last' : undefined;
  return MOVES[event.key];
}

/** Attaches the keys to the element holding the pipeline's SVG. */
export function usePipelineArrowKeys(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const move = moveFor(event);
      const from = event.target;
      if (!move || !(from instanceof Element) || !from.hasAttribute('data-selection')) return;
      const entities = Array.from(
        root.querySelectorAll<SVGElement | HTMLElement>('[data-selection]'),
      );
      const index = entities.indexOf(from as SVGElement | HTMLElement);
      if (index < 0) return;
      event.preventDefault();
      const target = entityAfterMove(
        entities.map((e) => e.getBoundingClientRect()),
        index,
        move,
      );
      if (target !== null) entities[target]!.focus();
    };
    root.addEventListener('keydown', onKeyDown);
    return () => root.removeEventListener('keydown', onKeyDown);
  }, [ref]);
}
