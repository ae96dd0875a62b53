/**
 * The page: the lab (App) or, while a comparison is open, the two runs side by side. The page's
 * lab stays mounted in its store while a comparison is shown, and comes back unchanged.
 */
import { lazy, Suspense } from 'react';
import { App } from '../App';
import { useOpenComparison } from './comparisonContext';

// The comparison view loads when a comparison first opens: a page showing one run never needs it.
const CompareView = lazy(() => import('./CompareView').then((m) => ({ default: m.CompareView })));

export function PageView() {
  const comparison = useOpenComparison();
  return comparison ? (
    <Suspense fallback={<p className="loading-note">Opening the comparison…</p>}>
      <CompareView comparison={comparison} />
    </Suspense>
  ) : (
    <App />
  );
}
