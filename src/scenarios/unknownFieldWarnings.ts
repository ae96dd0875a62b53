/**
 * Turns the fields validation dropped into warnings, so an unknown field is reported, not refused.
 */
import { isRecord } from './isRecord';
import { pathTo } from './scenarioError';

/** Warnings for the input's fields that validation dropped, found by comparing keys. */
export function unknownFieldWarnings(input: unknown, output: unknown, base: string): string[] {
  const warnings: string[] = [];
  const visit = (given: unknown, kept: unknown, path: string): void => {
    if (Array.isArray(given) && Array.isArray(kept)) {
      kept.forEach((item, index) => visit(given[index], item, pathTo(path, [index])));
      return;
    }
    if (!isRecord(given) || !isRecord(kept)) return;
    for (const key of Object.keys(given)) {
      if (given[key] === undefined) continue;
      if (Object.hasOwn(kept, key)) visit(given[key], kept[key], pathTo(path, [key]));
      else {
        const where = path === '' ? 'the top level' : path;
        warnings.push(`unknown field ${JSON.stringify(key)} at ${where} was ignored`);
      }
    }
  };
  visit(input, output, base);
  return warnings;
}
