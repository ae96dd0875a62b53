/**
 * The lab a view shows, from React context: `main.tsx` provides the page's lab, and a page that
 * shows two runs side by side provides each half its own. Views read the lab's store
 * (useAppStore.ts) and call its actions through `useLab()`, never a module's singleton.
 */
import { createContext, useContext } from 'react';
import type { Lab } from '../app/lab';

export const LabContext = createContext<Lab | null>(null);

export function useLab(): Lab {
  const lab = useContext(LabContext);
  if (lab === null) throw new Error('A view was rendered outside <LabContext value={lab}>.');
  return lab;
}
