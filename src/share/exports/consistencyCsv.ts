/**
 * The consistency windows as CSV: one row per fact (an event appended to the log, named by its
 * entity), when it was appended and, per read model, when that model applied it and the window
 * in between (empty while it has not yet). The facts are all those the engine keeps, finished
 * and pending (the newest ones; doc/model.md says how many).
 */
import type { ProbeAnswer } from '../../engine';
import { csvText } from './csv';

export function consistencyCsv(facts: readonly ProbeAnswer[], readModels: readonly string[]): string {
  const header = ['entity', 'appendedMs', ...readModels.flatMap((model) => [`${model}.appliedMs`, `${model}.windowMs`])];
  const rows = [...facts]
    .sort((a, b) => a.appendedMs - b.appendedMs || a.entity.localeCompare(b.entity))
    .map((fact) => [
      fact.entity,
      fact.appendedMs,
      ...readModels.flatMap((model) => {
        const applied = fact.readModels[model] ?? null;
        return [applied, applied === null ? null : applied - fact.appendedMs];
      }),
    ]);
  return csvText(header, rows);
}
