/**
 * "Skip to the pipeline": the first Tab stop, hidden until focused. It focuses the pipeline's
 * first entity (arrow keys move on from there), or the section itself when it has none. The
 * address is left alone: a fragment such as #pipeline would be read as a link to open.
 */
import type { MouseEvent } from 'react';
import { columnsOf } from './entityColumns';

const PIPELINE_ID = 'pipeline';

function focusPipeline(): void {
  const section = document.getElementById(PIPELINE_ID);
  if (!section) return;
  const entities = Array.from(
    section.querySelectorAll<SVGElement | HTMLElement>('[data-selection]'),
  );
  const first = columnsOf(entities.map((e) => e.getBoundingClientRect()))[0]?.[0];
  if (first !== undefined) {
    entities[first]!.focus();
    return;
  }
  if (!section.hasAttribute('tabindex')) section.tabIndex = -1;
  section.focus();
}

export function SkipLink() {
  const onClick = (event: MouseEvent) => {
    event.preventDefault();
    focusPipeline();
  };
  return (
    <a className="skip-link" href={`#${PIPELINE_ID}`} onClick={onClick}>
      Skip to the pipeline
    </a>
  );
}
