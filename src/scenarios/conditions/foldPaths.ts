/**
 * What conditions read: the summary, plus `fold.<service>.differing` / `.records`, the read
 * model compared with the reference fold of its retained log (src/engine/service/referenceFold.ts).
 * The fold reads the whole log, so it is computed only when a condition's path reaches it.
 */
import type { FoldComparison, Summary } from '../../engine';

export function withFoldPaths(summary: Summary, foldComparison: (serviceId: string) => FoldComparison | null): Summary {
  const fold: Record<string, FoldComparison | null> = {};
  for (const serviceId of Object.keys(summary.stats)) {
    Object.defineProperty(fold, serviceId, { enumerable: true, get: () => foldComparison(serviceId) });
  }
  return { ...summary, fold } as Summary;
}
