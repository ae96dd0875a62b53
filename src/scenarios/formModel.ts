/**
 * The scenario editor's forms, derived from the zod schemas that validate a scenario: each
 * field's kind, range and options come from the schema itself (the builders in
 * `fieldSchemas.ts` record theirs as metadata), and its Kafka name, default and one-line meaning
 * from `.meta({ description, default })` on the field. A field added to a schema therefore
 * appears in the forms with no form code, and the forms can never offer a rule the validator
 * does not have.
 */
import { z } from 'zod/mini';
import { COMMAND_SCHEMAS } from './commandSchemas';
import { atMsSchema } from './fieldSchemas';
import { scenarioSchema } from './scenarioSchema';

/** What a field's input looks like. */
export type FieldSpec =
  | { kind: 'integer'; min: number; max: number; why?: string }
  | { kind: 'number'; rule: string }
  | { kind: 'text' | 'identifier'; minChars: number; maxChars: number }
  | { kind: 'enum'; options: readonly string[] }
  | { kind: 'flag' }
  /** A constant (`format`, `version`): shown, not edited. */
  | { kind: 'fixed'; value: unknown }
  /** A list of names, typed as one comma-separated text. */
  | { kind: 'names'; max: number }
  | { kind: 'object'; fields: FormField[] }
  | { kind: 'list'; item: FieldSpec; max: number; noun: string }
  /** Objects told apart by one field (`keys.kind`, an action's `type`). */
  | { kind: 'variant'; discriminator: string; variants: Record<string, FormField[]> }
  /** Anything else (a note's condition, a union of shapes): its JSON, or a bare word. */
  | { kind: 'json'; options?: readonly string[] };

/** One field of an object: its key (the Kafka name for configs), whether it may be left out, and what it means. */
export interface FormField {
  key: string;
  optional: boolean;
  /** The value used when the field is left out (Kafka's or LogScope's default). */
  default?: unknown;
  /** One line: what the field does. */
  meaning?: string;
  spec: FieldSpec;
}

interface FieldMeta {
  kind?: string;
  min?: number;
  max?: number;
  why?: string;
  rule?: string;
  minChars?: number;
  maxChars?: number;
  noun?: string;
  description?: string;
  default?: unknown;
  /** Allowed values of a string checked by a refinement (read when the form is built). */
  options?: readonly string[];
}

/** Walks optional and transform wrappers, merging their metadata (the outer one wins). */
function unwrap(schema: z.ZodMiniType): { core: z.ZodMiniType; meta: FieldMeta; optional: boolean } {
  let current = schema;
  let meta: FieldMeta = {};
  let optional = false;
  for (;;) {
    meta = { ...(z.globalRegistry.get(current) as FieldMeta | undefined), ...meta };
    const def = current.def as { type: string; innerType?: z.ZodMiniType; in?: z.ZodMiniType };
    if (def.type === 'optional' && def.innerType) {
      optional = true;
      current = def.innerType;
    } else if (def.type === 'pipe' && def.in) current = def.in;
    else return { core: current, meta, optional };
  }
}

/** The form of an object schema's fields, in the schema's order. */
export function fieldsOf(schema: z.ZodMiniType): FormField[] {
  const { core } = unwrap(schema);
  const shape = (core.def as { shape?: Record<string, z.ZodMiniType> }).shape ?? {};
  return Object.entries(shape).map(([key, field]) => fieldOf(key, field));
}

function fieldOf(key: string, schema: z.ZodMiniType): FormField {
  const { meta, optional } = unwrap(schema);
  const field: FormField = { key, optional, spec: specOf(schema) };
  if (meta.default !== undefined) field.default = meta.default;
  if (meta.description !== undefined) field.meaning = meta.description;
  return field;
}

function specOf(schema: z.ZodMiniType): FieldSpec {
  const { core, meta } = unwrap(schema);
  const def = core.def as {
    type: string;
    element?: z.ZodMiniType;
    entries?: Record<string, string>;
    discriminator?: string;
    options?: z.ZodMiniType[];
  };
  if (meta.options) return { kind: 'enum', options: meta.options };
  switch (def.type) {
    case 'number':
      return meta.kind === 'integer'
        ? {
            kind: 'integer',
            min: meta.min ?? 0,
            max: meta.max ?? Number.MAX_SAFE_INTEGER,
            ...(meta.why ? { why: meta.why } : {}),
          }
        : { kind: 'number', rule: meta.rule ?? 'a number' };
    case 'string':
      return {
        kind: meta.kind === 'identifier' ? 'identifier' : 'text',
        minChars: meta.minChars ?? 0,
        maxChars: meta.maxChars ?? Number.MAX_SAFE_INTEGER,
      };
    case 'enum':
      return { kind: 'enum', options: Object.values(def.entries ?? {}) };
    case 'boolean':
      return { kind: 'flag' };
    case 'object':
      return { kind: 'object', fields: fieldsOf(core) };
    case 'array': {
      const item = specOf(def.element as z.ZodMiniType);
      const max = meta.max ?? Number.MAX_SAFE_INTEGER;
      if (item.kind === 'text' || item.kind === 'identifier') return { kind: 'names', max };
      return { kind: 'list', item, max, noun: meta.noun ?? 'entries' };
    }
    case 'literal':
      return { kind: 'fixed', value: (def as { values?: unknown[] }).values?.[0] };
    case 'union':
      if (def.discriminator !== undefined) return variantOf(def.discriminator, def.options ?? []);
      return unionSpec(def.options ?? []);
    default:
      return { kind: 'json' };
  }
}

/** A union of other shapes (a name or a list of names): typed as JSON, offering the names it takes. */
function unionSpec(options: readonly z.ZodMiniType[]): FieldSpec {
  const names = new Set<string>();
  for (const option of options) {
    const spec = specOf(option);
    if (spec.kind === 'enum') spec.options.forEach((name) => names.add(name));
    if (spec.kind === 'list' && spec.item.kind === 'enum') spec.item.options.forEach((name) => names.add(name));
  }
  return names.size === 0 ? { kind: 'json' } : { kind: 'json', options: [...names] };
}

function variantOf(discriminator: string, options: readonly z.ZodMiniType[]): FieldSpec {
  const variants: Record<string, FormField[]> = {};
  for (const option of options) {
    const shape = (unwrap(option).core.def as { shape?: Record<string, z.ZodMiniType> }).shape ?? {};
    const tag = shape[discriminator];
    const name = tag && (unwrap(tag).core.def as { values?: unknown[] }).values?.[0];
    if (typeof name === 'string')
      variants[name] = fieldsOf(option).filter((field) => field.key !== discriminator);
  }
  return { kind: 'variant', discriminator, variants };
}

/**
 * A timed action: `atMs` and one engine command, told apart by `type` (the scenario schema keeps
 * actions unchecked and lets `validateCommand` give each its paths; the forms use the same command
 * schemas, so a new command appears here too).
 */
function actionSpec(): FieldSpec {
  const variants: Record<string, FormField[]> = {};
  for (const [type, schema] of Object.entries(COMMAND_SCHEMAS)) {
    variants[type] = [
      fieldOf('atMs', atMsSchema),
      ...fieldsOf(schema).filter((field) => field.key !== 'type'),
    ];
  }
  return { kind: 'variant', discriminator: 'type', variants };
}

let cached: FormField[] | undefined;

/** The whole scenario's form: one field per top-level key, timed actions as command variants. */
export function scenarioForm(): FormField[] {
  cached ??= fieldsOf(scenarioSchema).map((field) =>
    field.key === 'actions' && field.spec.kind === 'list'
      ? { ...field, spec: { ...field.spec, item: actionSpec() } }
      : field,
  );
  return cached;
}
