/**
 * The context menu of an entity (right-click, or Shift+F10 on a focused one): the same
 * commands as its panel. Arrow keys move, Enter runs, Escape closes.
 */
import { uiZoom } from './uiZoom';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { actionsFor } from '../app/entityActions';
import { useLab } from './labContext';
import type { AppState } from '../app/store';
import { useAppStore } from './useAppStore';
import type { MenuRequest } from './labUiContext';

const selectSnapshot = (state: AppState) => state.sim.snapshot;

export function ContextMenu({ request, onClose }: { request: MenuRequest; onClose(): void }) {
  const { requestCommand } = useLab();
  const snapshot = useAppStore(selectSnapshot);
  const ref = useRef<HTMLDivElement>(null);
  const entity = actionsFor(request.selection, snapshot);
  useEffect(() => {
    // Focus goes back where it came from (the entity the menu was opened on) when the menu
    // closes, unless the user has put it somewhere else meanwhile.
    // Entities in the diagrams are SVG elements: both kinds can take focus back.
    const active = document.activeElement;
    const opener = active instanceof HTMLElement || active instanceof SVGElement ? active : null;
    const menu = ref.current;
    menu?.querySelector<HTMLButtonElement>('[role="menuitem"]:not([disabled])')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', onPointerDown);
    return () => {
      window.removeEventListener('pointerdown', onPointerDown);
      const focus = document.activeElement;
      const lost = focus === null || focus === document.body || (menu?.contains(focus) ?? false);
      if (lost && opener?.isConnected) opener.focus();
    };
  }, [onClose]);
  if (!entity) return null;
  const onKeyDown = (event: KeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = items[(index + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
      next?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      onClose();
    }
  };
  // The request is in viewport pixels; the menu's position is in the page's zoomed pixels.
  const zoom = uiZoom();
  const left = Math.min(request.x / zoom, window.innerWidth / zoom - 240);
  const top = Math.min(request.y / zoom, window.innerHeight / zoom - 40 - entity.actions.length * 40);
  return (
    <div ref={ref} role="menu" aria-label={`Actions for ${entity.title}`} className="context-menu" style={{ left, top }} onKeyDown={onKeyDown}>
      <div className="menu-title" aria-hidden="true">
        {entity.title}
      </div>
      {entity.actions.length === 0 && <div className="menu-empty">No commands here; see the panel on the right.</div>}
      {entity.actions.map((action) => (
        <button
          key={action.id}
          type="button"
          role="menuitem"
          disabled={action.disabled}
          aria-keyshortcuts={action.key}
          onClick={() => {
            onClose();
            requestCommand(action.command);
          }}
        >
          <span>
            {action.pressed ? '✓ ' : ''}
            {action.label}
          </span>
          {action.key && <kbd aria-hidden="true">{action.key.toUpperCase()}</kbd>}
        </button>
      ))}
    </div>
  );
}
