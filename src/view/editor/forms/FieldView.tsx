/**
 * A field of any kind, by its spec from the schema: single inputs, groups of fields (an optional
 * group such as a config folds away, saying how many of its fields are set), a choice of variant
 * (`keys.kind`, an action's `type`) with that variant's fields, and lists of entries.
 */
import { useId, useState, type ReactNode } from 'react';
import {
  getAt,
  pathText,
  switchVariant,
  type FieldSpec,
  type FormField,
  type ValuePath,
} from '../../../app/scenarioForms';
import { EntryList } from './EntryList';
import { showDefault, useForm } from './formContext';
import { ScalarField } from './ScalarField';

export function FieldView({ field, path }: { field: FormField; path: ValuePath }) {
  const spec = field.spec;
  switch (spec.kind) {
    case 'fixed':
      return null;
    case 'object':
      return <ObjectField field={field} fields={spec.fields} path={path} />;
    case 'variant':
      return <VariantField field={field} spec={spec} path={path} />;
    case 'list':
      return <EntryList field={field} spec={spec} path={path} />;
    default:
      return <ScalarField field={field} path={path} />;
  }
}

/** The fields of one object, in the schema's order. */
export function FieldsOf({ fields, path }: { fields: readonly FormField[]; path: ValuePath }) {
  return (
    <>
      {fields.map((field) => (
        <FieldView key={field.key} field={field} path={[...path, field.key]} />
      ))}
    </>
  );
}

function Problems({ path }: { path: ValuePath }) {
  const problems = useForm().problemsAt(path);
  if (problems.length === 0) return null;
  return (
    <p className="form-problem">
      <code>{pathText(path)}</code> {problems.join('; ')}
    </p>
  );
}

function ObjectField({
  field,
  fields,
  path,
}: {
  field: FormField;
  fields: readonly FormField[];
  path: ValuePath;
}) {
  const form = useForm();
  const value = getAt(form.root, path);
  const set = value !== null && typeof value === 'object' ? Object.keys(value).length : 0;
  const body = (
    <>
      {field.meaning && <p className="form-hint">{field.meaning}</p>}
      <Problems path={path} />
      <FieldsOf fields={fields} path={path} />
    </>
  );
  if (!field.optional) {
    return (
      <fieldset className="form-group">
        <legend>{field.key}</legend>
        {body}
      </fieldset>
    );
  }
  return <FoldedGroup field={field} path={path} set={set} body={body} />;
}

/**
 * An optional group (a config) folded until opened, its fields rendered only while open (a
 * scenario has hundreds of config fields); a problem inside opens it.
 */
function FoldedGroup({ field, path, set, body }: { field: FormField; path: ValuePath; set: number; body: ReactNode }) {
  const form = useForm();
  const [opened, setOpened] = useState(false);
  const open = opened || form.hasProblemsUnder(path);
  return (
    <details className="form-group form-fold" open={open} onToggle={(event) => setOpened(event.currentTarget.open)}>
      <summary>
        {field.key} <span className="form-count">({set === 0 ? 'all defaults' : `${set} set`})</span>
      </summary>
      {open && body}
    </details>
  );
}

function VariantField({
  field,
  spec,
  path,
}: {
  field: FormField;
  spec: Extract<FieldSpec, { kind: 'variant' }>;
  path: ValuePath;
}) {
  const form = useForm();
  const id = useId();
  const value = getAt(form.root, path);
  const chosen =
    value !== null && typeof value === 'object'
      ? (value as Record<string, unknown>)[spec.discriminator]
      : undefined;
  const name = typeof chosen === 'string' ? chosen : '';
  const names = Object.keys(spec.variants);
  const choose = (next: string) =>
    form.edit(path, next === '' ? undefined : switchVariant(spec, value, next));
  const label = field.key === '' ? spec.discriminator : `${field.key}.${spec.discriminator}`;
  const body = (
    <>
      <div className="form-field">
        <label htmlFor={id} className="form-name">
          {label}
        </label>
        <select
          id={id}
          value={name}
          onChange={(event) => choose(event.target.value)}
          aria-describedby={`${id}-hint`}
        >
          {field.optional && (
            <option value="">
              {field.default !== undefined
                ? `(default: ${showDefault(field.default)})`
                : '(not set)'}
            </option>
          )}
          {name !== '' && !names.includes(name) && (
            <option value={name}>{name} (not allowed)</option>
          )}
          {names.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
        <p id={`${id}-hint`} className="form-hint">
          {field.meaning ?? `one of ${names.length}; each has its own fields`}
        </p>
      </div>
      <Problems path={path} />
      {spec.variants[name] && <FieldsOf fields={spec.variants[name]} path={path} />}
    </>
  );
  // A list entry that is itself a variant (a timed action) is already its own group.
  if (field.key === '') return body;
  return (
    <fieldset className="form-group">
      <legend>{field.key}</legend>
      {body}
    </fieldset>
  );
}
