/**
 * Export…: the run's data (event log, lag over time, consistency windows, summary, the run
 * itself) and pictures of the pipeline, the lanes and the lag chart as SVG and PNG. A picture
 * of a tab not on screen opens that tab first. Arrow keys move, Enter runs, Escape closes.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { DATA_EXPORTS, exportBaseName, exportData, type DataExportName } from '../../app/exports';
import { useLab } from '../labContext';
import { uiZoom } from '../uiZoom';
import { download } from './download';
import { lanesPicture, pictureOf, pngOf, type Picture } from './exportPictures';

type Lab = ReturnType<typeof useLab>;

/** Waits for an element the next renders put on the page (a tab's lazily loaded content). */
async function whenPresent<T extends Element>(find: () => T | null, timeoutMs = 3000): Promise<T | null> {
  const started = performance.now();
  for (;;) {
    const found = find();
    if (found || performance.now() - started > timeoutMs) return found;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

interface PictureSource {
  label: string;
  file: string;
  draw(lab: Lab): Promise<Picture | null>;
}

const PICTURES: PictureSource[] = [
  {
    label: 'Pipeline',
    file: 'pipeline',
    draw: async () => {
      const svg = document.querySelector<SVGSVGElement>('svg[aria-label="Pipeline diagram"]');
      return svg ? pictureOf(svg, 'Pipeline') : null;
    },
  },
  {
    label: 'Lanes',
    file: 'lanes',
    draw: async (lab) => {
      lab.setView('insightTab', 'lanes');
      const lanes = await whenPresent(() => document.querySelector('.topic-lanes'));
      return lanes ? lanesPicture(lanes, 'Partition lanes') : null;
    },
  },
  {
    label: 'Lag chart',
    file: 'lag-chart',
    draw: async (lab) => {
      lab.setView('insightTab', 'lag');
      const chart = await whenPresent(() => document.querySelector<SVGSVGElement>('svg.lag-chart'));
      return chart ? pictureOf(chart, chart.getAttribute('aria-label') ?? 'Lag over time') : null;
    },
  },
];

export function ExportMenu() {
  const lab = useLab();
  // Where the menu hangs: under the button, right-aligned with it, in the page's zoomed pixels
  // (fixed, so the strip's clipping cannot cut it).
  const [open, setOpen] = useState<{ top: number; right: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    // Focus goes back to the button when the menu closes (it had focus while open).
    if (!open && wasOpen.current) button.current?.focus();
    wasOpen.current = open !== null;
    if (!open) return;
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node) && event.target !== button.current) setOpen(null);
    };
    window.addEventListener('pointerdown', onPointerDown);
    return () => window.removeEventListener('pointerdown', onPointerDown);
  }, [open]);
  const toggle = () => {
    if (open) return setOpen(null);
    const box = button.current!.getBoundingClientRect();
    const zoom = uiZoom();
    setOpen({ top: (box.bottom + 4) / zoom, right: (window.innerWidth - box.right) / zoom });
  };
  const close = () => setOpen(null);
  const saveData = (name: DataExportName) => {
    const file = exportData(lab, name);
    download(file.name, file.text, file.mime);
    close();
  };
  const savePicture = async (source: PictureSource, format: 'svg' | 'png') => {
    close();
    try {
      const picture = await source.draw(lab);
      if (!picture) throw new Error(`the ${source.label.toLowerCase()} is not on the page`);
      const name = `${exportBaseName(lab)}-${source.file}.${format}`;
      if (format === 'svg') download(name, picture.svg, 'image/svg+xml');
      else download(name, await pngOf(picture));
    } catch (error) {
      lab.showMessage({ kind: 'error', text: `The ${source.label.toLowerCase()} could not be exported: ${error instanceof Error ? error.message : String(error)}.` });
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      items[(index + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      items[event.key === 'Home' ? 0 : items.length - 1]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      close();
    }
  };
  return (
    <div className="export-menu-anchor" data-chrome="prepare">
      <button ref={button} type="button" aria-haspopup="menu" aria-expanded={open !== null} onClick={toggle}>
        Export…
      </button>
      {open && (
        <div ref={menu} role="menu" aria-label="Export" className="context-menu export-menu" style={open} onKeyDown={onKeyDown}>
          {DATA_EXPORTS.map((item) => (
            <button key={item.name} type="button" role="menuitem" onClick={() => saveData(item.name)}>
              {item.label}
            </button>
          ))}
          {PICTURES.flatMap((source) =>
            (['svg', 'png'] as const).map((format) => (
              <button key={`${source.file}.${format}`} type="button" role="menuitem" onClick={() => void savePicture(source, format)}>
                {`${source.label} (${format.toUpperCase()})`}
              </button>
            )),
          )}
        </div>
      )}
    </div>
  );
}
