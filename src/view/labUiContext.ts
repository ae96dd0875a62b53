/**
 * Transient UI that never travels in links (the open context menu, the shortcut help), shared
 * by the components that open it through one React context.
 */
import { createContext, useContext } from 'react';

export interface MenuRequest {
  selection: string;
  x: number;
  y: number;
}

export interface LabUi {
  openMenu(request: MenuRequest): void;
  openHelp(): void;
}

export const LabUiContext = createContext<LabUi>({ openMenu: () => {}, openHelp: () => {} });

export function useLabUi(): LabUi {
  return useContext(LabUiContext);
}
