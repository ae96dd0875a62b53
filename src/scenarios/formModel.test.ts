import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { meta } from './fieldSchemas';
import { fieldsOf, scenarioForm, type FieldSpec } from './formModel';

describe('the forms derived from the scenario schema', () => {
  it('derive kinds, ranges and options from the schema, so a field added there appears with no form code', () => {
    const schema = z.object({ 'fetch.min.bytes': meta(z.optional(meta(z.number(), { kind: 'integer', min: 1, max: 10 })), { default: 1, description: 'The least data a fetch waits for.' }) });
    expect(fieldsOf(schema)).toEqual([
      { key: 'fetch.min.bytes', optional: true, default: 1, meaning: 'The least data a fetch waits for.', spec: { kind: 'integer', min: 1, max: 10 } },
    ]);
    const topics = (scenarioForm().find((field) => field.key === 'topics')!.spec as Extract<FieldSpec, { kind: 'list' }>).item as Extract<FieldSpec, { kind: 'object' }>;
    expect(topics.fields.find((field) => field.key === 'partitions')!.spec).toEqual({ kind: 'integer', min: 1, max: 64 });
    const config = topics.fields.find((field) => field.key === 'config')!.spec as Extract<FieldSpec, { kind: 'object' }>;
    expect(config.fields.find((field) => field.key === 'cleanup.policy')).toMatchObject({ default: 'delete', spec: { kind: 'enum', options: ['delete', 'compact', 'compact,delete', 'delete,compact'] } });
  });


  it('read a list of names, a discriminated union and a constant', () => {
    const services = (scenarioForm().find((field) => field.key === 'services')!.spec as Extract<FieldSpec, { kind: 'list' }>).item as Extract<FieldSpec, { kind: 'object' }>;
    expect(services.fields.find((field) => field.key === 'subscribe')!.spec).toEqual({ kind: 'names', max: 16 });
    expect(services.fields.find((field) => field.key === 'handler')!.spec.kind).toBe('enum');
    const producers = (scenarioForm().find((field) => field.key === 'producers')!.spec as Extract<FieldSpec, { kind: 'list' }>).item as Extract<FieldSpec, { kind: 'object' }>;
    const keys = producers.fields.find((field) => field.key === 'keys')!.spec as Extract<FieldSpec, { kind: 'variant' }>;
    expect(Object.keys(keys.variants)).toEqual(['sequence', 'uniform', 'zipf', 'none']);
    expect(scenarioForm().find((field) => field.key === 'format')!.spec).toEqual({ kind: 'fixed', value: 'logscope-scenario' });
    const config = services.fields.find((field) => field.key === 'config')!.spec as Extract<FieldSpec, { kind: 'object' }>;
    expect(config.fields.find((field) => field.key === 'partition.assignment.strategy')).toMatchObject({
      default: 'range, cooperative-sticky',
      spec: { kind: 'json', options: ['range', 'roundrobin', 'sticky', 'cooperative-sticky'] },
    });
    const actions = scenarioForm().find((field) => field.key === 'actions')!.spec as Extract<FieldSpec, { kind: 'list' }>;
    expect(actions.item.kind === 'variant' && actions.item.variants.crash!.map((field) => field.key)).toEqual(['atMs', 'target']);
  });
});
