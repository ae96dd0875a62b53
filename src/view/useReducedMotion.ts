/** Whether the user asked for reduced motion (`prefers-reduced-motion: reduce`), kept current. */
import { useMediaQuery } from './useMediaQuery';

export function useReducedMotion(): boolean {
  return useMediaQuery('(prefers-reduced-motion: reduce)');
}
