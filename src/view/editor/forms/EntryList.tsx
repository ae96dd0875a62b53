/**
 * A list of entries (topics, producers, services, notes, timed actions): each in its own group
 * named after the entry, with Remove; Add appends an entry the schema accepts where it can.
 */
import { useEffect, useRef } from 'react';
import {
  getAt,
  newEntry,
  type FieldSpec,
  type FormField,
  type ValuePath,
} from '../../../app/scenarioForms';
import { FieldsOf, FieldView } from './FieldView';
import { useForm } from './formContext';

const TITLES: Record<string, string> = { actions: 'Timed actions' };

function singular(noun: string): string {
  return noun === 'entries' ? 'entry' : noun.replace(/s$/, '');
}

function entryName(noun: string, entry: unknown, index: number): string {
  const record =
    entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>) : {};
  const name = record.name ?? record.id ?? record.type;
  const label = noun === 'actions' ? 'action' : singular(noun);
  return typeof name === 'string' && name !== ''
    ? `${label} ${index + 1}: ${name}`
    : `${label} ${index + 1}`;
}

export function EntryList({
  field,
  spec,
  path,
}: {
  field: FormField;
  spec: Extract<FieldSpec, { kind: 'list' }>;
  path: ValuePath;
}) {
  const form = useForm();
  const value = getAt(form.root, path);
  const entries = Array.isArray(value) ? (value as unknown[]) : [];
  const title = TITLES[field.key] ?? field.key.charAt(0).toUpperCase() + field.key.slice(1);
  const noun = spec.noun;
  // Keyboard users land on what they added, and on Add after a Remove (its button is gone).
  const focus = useRef<{ entry: number } | 'add' | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  // After the edit has rendered: not state, so focusing causes no render of its own.
  useEffect(() => {
    const target = focus.current;
    focus.current = null;
    if (target === null) return;
    if (target === 'add') {
      addRef.current?.focus();
      return;
    }
    const entry = sectionRef.current?.querySelectorAll(':scope > .form-entry')[target.entry];
    entry?.querySelector<HTMLElement>('input, select')?.focus();
  });
  const add = () => {
    form.edit([...path, entries.length], newEntry(form.root, String(path[path.length - 1]), spec.item));
    focus.current = { entry: entries.length };
  };
  const remove = (at: ValuePath) => {
    form.edit(at, undefined);
    focus.current = 'add';
  };
  const problems = form.problemsAt(path);
  return (
    <section ref={sectionRef} className="form-list" aria-label={title} data-section={field.key}>
      <h3 tabIndex={-1}>
        {title} <span className="form-count">({entries.length})</span>
      </h3>
      {value !== undefined && !Array.isArray(value) && (
        <p className="form-problem">{field.key} is not a list: correct it in the JSON.</p>
      )}
      {problems.length > 0 && <p className="form-problem">{problems.join('; ')}</p>}
      {entries.map((entry, index) => {
        const name = entryName(noun === 'entries' ? field.key : noun, entry, index);
        const at = [...path, index];
        return (
          <fieldset key={index} className="form-entry">
            <legend>{name}</legend>
            <button
              type="button"
              className="form-remove"
              onClick={() => remove(at)}
              aria-label={`Remove ${name}`}
            >
              Remove
            </button>
            {spec.item.kind === 'object' ? (
              <FieldsOf fields={spec.item.fields} path={at} />
            ) : (
              <FieldView field={{ key: '', optional: false, spec: spec.item }} path={at} />
            )}
          </fieldset>
        );
      })}
      <button ref={addRef} type="button" onClick={add} disabled={entries.length >= spec.max}>
        Add{' '}
        {noun === 'actions' || field.key === 'actions'
          ? 'timed action'
          : singular(noun === 'entries' ? field.key : noun)}
      </button>
    </section>
  );
}
