/**
 * The page's comparisons (app/comparisonHost.ts) from React context, and the open comparison.
 * Absent (null) where a page has none, e.g. a view rendered alone in a test: then nothing
 * offers to compare.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ComparisonHost } from '../../app/comparisonHost';
import type { Comparison } from '../../app/comparison';

export const ComparisonHostContext = createContext<ComparisonHost | null>(null);

export function useComparisonHost(): ComparisonHost | null {
  return useContext(ComparisonHostContext);
}

const NO_HOST = { store: { getState: () => ({ comparison: null }), subscribe: () => () => {} } };
const selectComparison = (state: { comparison: Comparison | null }) => state.comparison;

/** The open comparison, or null. */
export function useOpenComparison(): Comparison | null {
  const host = useComparisonHost();
  return useStore((host ?? NO_HOST).store as ComparisonHost['store'], selectComparison);
}
