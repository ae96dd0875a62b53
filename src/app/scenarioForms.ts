/**
 * The editor's forms over its JSON twin: the text is the one source, the forms read its JSON
 * value and write an edited value back as text formatted as a scenario file is, so the two stay
 * in step both ways. Field kinds, limits, defaults and meanings come from the scenario schemas
 * (`scenarios/formModel.ts`); validation is the file's (`checkScenarioText`).
 */
import { scenarioForm, type FieldSpec, type FormField } from '../scenarios/formModel';
import {
  fromInput,
  getAt,
  setAt,
  starterObject,
  starterValue,
  switchVariant,
  toInput,
  type ValuePath,
} from '../scenarios/formValues';
import { pathTo } from '../scenarios/scenarioError';
import { isRecord } from '../scenarios/isRecord';

export type { FieldSpec, FormField, ValuePath };
export { fromInput, getAt, scenarioForm, setAt, switchVariant, toInput };

/** The JSON value the forms edit, or why the text cannot be shown as forms. */
export type FormValue =
  { ok: true; value: Record<string, unknown> } | { ok: false; reason: string };

export function formValueOf(text: string): FormValue {
  try {
    const value: unknown = JSON.parse(text);
    if (isRecord(value)) return { ok: true, value };
    return { ok: false, reason: 'The forms need the JSON to be an object.' };
  } catch (error) {
    return {
      ok: false,
      reason: `The forms show the scenario again once its JSON is readable (${error instanceof Error ? error.message : 'unreadable'}).`,
    };
  }
}

/** The value as the editor's text: the same layout as a scenario file. */
export function formText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A path as the validator writes it, e.g. `services[1].config["session.timeout.ms"]`. */
export function pathText(path: ValuePath): string {
  return pathTo('', path);
}

function uniqueName(base: string, taken: readonly unknown[], key: string): string {
  const names = new Set(taken.map((entry) => (isRecord(entry) ? entry[key] : undefined)));
  for (let n = 1; ; n++) {
    const name = n === 1 && !names.has(base) ? base : `${base}-${n}`;
    if (!names.has(name)) return name;
  }
}

function firstName(list: unknown, key: string): string | undefined {
  const first = Array.isArray(list)
    ? (list as unknown[]).find((entry) => isRecord(entry) && typeof entry[key] === 'string')
    : undefined;
  return isRecord(first) ? (first[key] as string) : undefined;
}

/**
 * A new entry for a top-level list: its required fields from the schema, with names that are
 * free and references to what the scenario already has, so it is valid where it can be.
 */
export function newEntry(
  scenario: Record<string, unknown>,
  listKey: string,
  item: FieldSpec,
): unknown {
  const taken = Array.isArray(scenario[listKey]) ? (scenario[listKey] as unknown[]) : [];
  const topic = firstName(scenario.topics, 'name');
  const service = firstName(scenario.services, 'id');
  switch (listKey) {
    case 'topics':
      return {
        ...starterObject(fieldsIn(item)),
        name: uniqueName('topic', taken, 'name'),
        partitions: 3,
      };
    case 'producers':
      return {
        ...starterObject(fieldsIn(item)),
        id: uniqueName('producer', taken, 'id'),
        ...(topic ? { topic, event: 'Event' } : {}),
        ratePerSec: 5,
      };
    case 'services':
      return {
        ...starterObject(fieldsIn(item)),
        id: uniqueName('service', taken, 'id'),
        subscribe: topic ? [topic] : [],
      };
    case 'notes':
      return { ...starterObject(fieldsIn(item)), text: 'A note' };
    case 'actions':
      return item.kind === 'variant'
        ? {
            ...switchVariant(item, {}, 'crash'),
            atMs: 1000,
            ...(service ? { target: `${service}-0` } : {}),
          }
        : starterValue(item);
    default:
      return starterValue(item);
  }
}

function fieldsIn(spec: FieldSpec): FormField[] {
  return spec.kind === 'object' ? spec.fields : [];
}

/**
 * The line of the editor's text where the value at `path` starts (the nearest enclosing value
 * when it is left out), so the JSON twin can show what a form just changed.
 */
export function lineOfPath(value: unknown, path: ValuePath): number {
  const marker = '\u0000edited';
  for (let depth = path.length; depth > 0; depth--) {
    const at = path.slice(0, depth);
    if (getAt(value, at) === undefined) continue;
    const text = formText(setAt(value, at, marker));
    const index = text.indexOf(JSON.stringify(marker));
    if (index >= 0) return text.slice(0, index).split('\n').length - 1;
  }
  return 0;
}
