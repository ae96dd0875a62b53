/**
 * "Compare with…" on any run: a fork — what if I had…? The run as it is becomes run A, a copy at
 * the same moment becomes run B, to change and watch beside it.
 */
import { useComparisonHost } from './comparisonContext';

export function CompareWithButton() {
  const host = useComparisonHost();
  if (host === null) return null;
  return (
    <button type="button" onClick={() => host.fork()} title="What if I had…? This run as run A, a copy beside it as run B, to change" data-chrome="prepare">
      Compare with…
    </button>
  );
}
