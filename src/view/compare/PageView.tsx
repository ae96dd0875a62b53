/**
 * The page: the lab (App) or, while a comparison is open, the two runs side by side. The page's
 * lab stays mounted in its store while a comparison is shown, and comes back unchanged.
 */
import { App } from '../App';
import { CompareView } from './CompareView';
import { useOpenComparison } from './comparisonContext';

export function PageView() {
  const comparison = useOpenComparison();
  return comparison ? <CompareView comparison={comparison} /> : <App />;
}
