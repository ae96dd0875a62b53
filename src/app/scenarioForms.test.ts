import { describe, expect, it } from 'vitest';
import { PRESETS } from '../scenarios/presets';
import type { FieldSpec, FormField } from '../scenarios/formModel';
import { runFileText } from '../share';
import { checkScenarioText } from './scenarioCheck';
import { formText, formValueOf, fromInput, getAt, newEntry, scenarioForm, setAt, switchVariant, toInput, type ValuePath } from './scenarioForms';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Builds `target` again from `root` by the forms' own edits only, as a user would: Add for each
 * list entry, the variant chosen, each input typed (its text as the form shows it) or cleared.
 * Returns the keys of `target` no form field covers.
 */
function retype(field: FormField, path: ValuePath, target: unknown, state: { root: unknown; uncovered: string[] }): void {
  const spec: FieldSpec = field.spec;
  const edit = (at: ValuePath, value: unknown) => (state.root = setAt(state.root, at, value));
  if (target === undefined) {
    if (getAt(state.root, path) !== undefined) edit(path, fromInput(spec, '', field.optional));
    return;
  }
  switch (spec.kind) {
    case 'object':
      if (!isObject(target)) throw new Error(`${path.join('.')} is not an object`);
      cover(spec.fields, path, target, state);
      if (getAt(state.root, path) === undefined) edit(path, {});
      return;
    case 'variant': {
      if (!isObject(target)) throw new Error(`${path.join('.')} is not an object`);
      const name = String(target[spec.discriminator]);
      edit(path, switchVariant(spec, getAt(state.root, path), name));
      cover(spec.variants[name] ?? [], path, target, state, [spec.discriminator]);
      return;
    }
    case 'list': {
      if (!Array.isArray(target)) throw new Error(`${path.join('.')} is not a list`);
      edit(path, []);
      target.forEach((entry, index) => {
        edit([...path, index], newEntry(state.root as Record<string, unknown>, String(path[path.length - 1]), spec.item));
        retype({ key: '', optional: false, spec: spec.item }, [...path, index], entry, state);
      });
      return;
    }
    default: {
      const shown = toInput(spec, target);
      expect(fromInput(spec, shown, field.optional), `${path.join('.')} shown as ${shown}`).toEqual(target);
      edit(path, fromInput(spec, shown, field.optional));
    }
  }
}

function cover(fields: readonly FormField[], path: ValuePath, target: Record<string, unknown>, state: { root: unknown; uncovered: string[] }, also: string[] = []) {
  for (const key of Object.keys(target)) {
    if (!also.includes(key) && !fields.some((field) => field.key === key)) state.uncovered.push([...path, key].join('.'));
  }
  for (const field of fields) retype(field, [...path, field.key], target[field.key], state);
}

describe('the scenario forms', () => {
  it.each(PRESETS.map((preset) => [preset.id, preset] as const))('express the %s preset exactly: its JSON through the forms and back is the same', (_id, preset) => {
    const text = runFileText(preset.scenario, []);
    const form = formValueOf(text);
    if (!form.ok) throw new Error(form.reason);
    expect(formText(form.value)).toBe(text);
    const state = { root: {} as unknown, uncovered: [] as string[] };
    cover(scenarioForm(), [], form.value, state);
    expect(state.uncovered).toEqual([]);
    expect(state.root).toEqual(form.value);
    expect(checkScenarioText(formText(state.root))).toMatchObject({ ok: true });
  });

  it('offer every Kafka config by its Kafka name, with its default and a one-line meaning', () => {
    const services = scenarioForm().find((field) => field.key === 'services')!.spec;
    const configs = [
      ['topics', 'config'],
      ['producers', 'config'],
      ['services', 'config'],
    ].map(([list, key]) => {
      const item = (scenarioForm().find((field) => field.key === list)!.spec as Extract<FieldSpec, { kind: 'list' }>).item;
      return (item as Extract<FieldSpec, { kind: 'object' }>).fields.find((field) => field.key === key)!;
    });
    const broker = scenarioForm().find((field) => field.key === 'broker')!;
    for (const group of [...configs, broker]) {
      const fields = (group.spec as Extract<FieldSpec, { kind: 'object' }>).fields;
      expect(fields.length).toBeGreaterThan(0);
      for (const field of fields) {
        expect(field.key, 'a Kafka name').toMatch(/^[a-z]+(\.[a-z]+)+$|^(acks|retries)$/);
        expect(field.default, `${field.key} default`).toBeDefined();
        expect(field.meaning, `${field.key} meaning`).toMatch(/^.{10,120}$/);
      }
    }
    expect(services.kind).toBe('list');
  });

  it('keep what a field cannot read as its kind, so the validator names its path and rule', () => {
    const form = formValueOf(runFileText(PRESETS[0]!.scenario, []));
    if (!form.ok) throw new Error(form.reason);
    const spec = { kind: 'integer', min: 1, max: 64 } as const;
    const edited = setAt(form.value, ['topics', 0, 'partitions'], fromInput(spec, '3x', false));
    expect(checkScenarioText(formText(edited))).toMatchObject({ ok: false, problems: [{ path: 'topics[0].partitions', message: expect.stringContaining('it must be an integer from 1 to 64') }] });
    expect(fromInput(spec, '', true)).toBeUndefined();
    expect(fromInput({ kind: 'names', max: 4 }, 'a, b', false)).toEqual(['a', 'b']);
    expect(toInput({ kind: 'names', max: 4 }, ['orders', 'payments'])).toBe('orders, payments');
    expect(fromInput({ kind: 'names', max: 4 }, '', false)).toEqual([]);
    expect(toInput({ kind: 'json' }, 'true')).toBe('"true"');
    expect(fromInput({ kind: 'json' }, '"true"', true)).toBe('true');
    expect(fromInput({ kind: 'json' }, 'cooperative-sticky', true)).toBe('cooperative-sticky');
    expect(fromInput({ kind: 'json' }, '["range"]', true)).toEqual(['range']);
  });

  it('add entries the validator accepts: a topic, a producer, a service and a timed action on a blank scenario', () => {
    let root: Record<string, unknown> = { format: 'logscope-scenario', version: 1, seed: 1, topics: [], producers: [], services: [] };
    for (const key of ['topics', 'producers', 'services', 'actions', 'notes']) {
      const spec = scenarioForm().find((field) => field.key === key)!.spec as Extract<FieldSpec, { kind: 'list' }>;
      const list = (root[key] as unknown[] | undefined) ?? [];
      root = setAt(root, [key, list.length], newEntry(root, key, spec.item)) as Record<string, unknown>;
    }
    expect(checkScenarioText(formText(root))).toMatchObject({ ok: true });
    expect(root).toMatchObject({ topics: [{ name: 'topic' }], producers: [{ topic: 'topic' }], services: [{ subscribe: ['topic'] }], actions: [{ type: 'crash', target: 'service-0' }] });
  });
});
