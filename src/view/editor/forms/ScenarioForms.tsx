/**
 * The scenario as forms: every field the scenario schema has, in its order — the run's own
 * fields, then each list (topics, producers, services, notes, timed actions), then the settings
 * groups (broker, Burrow, network). Built from the schema, so a new field needs no code here.
 */
import { useMemo } from 'react';
import { pathText, scenarioForm, type ValuePath } from '../../../app/scenarioForms';

import { FieldView } from './FieldView';
import { FormContext, type FormHost } from './formContext';

export function ScenarioForms({
  value,
  problems,
  onChange,
}: {
  value: Record<string, unknown>;
  problems: readonly { path: string; message: string }[];
  onChange: (path: ValuePath, value: unknown) => void;
}) {
  const host = useMemo<FormHost>(() => {
    const byPath = new Map<string, string[]>();
    for (const problem of problems)
      byPath.set(problem.path, [...(byPath.get(problem.path) ?? []), problem.message]);
    return { root: value, edit: onChange, problemsAt: (path) => byPath.get(pathText(path)) ?? [] };
  }, [value, problems, onChange]);
  const fields = scenarioForm();
  const own = fields.filter((field) => field.spec.kind !== 'list' && field.spec.kind !== 'object');
  const lists = fields.filter((field) => field.spec.kind === 'list');
  const groups = fields.filter((field) => field.spec.kind === 'object');
  return (
    <FormContext.Provider value={host}>
      <div className="editor-forms">
        <section className="form-list" aria-label="Run">
          <h3>Run</h3>
          {own.map((field) => (
            <FieldView key={field.key} field={field} path={[field.key]} />
          ))}
        </section>
        {lists.map((field) => (
          <FieldView key={field.key} field={field} path={[field.key]} />
        ))}
        <section className="form-list" aria-label="Settings">
          <h3>Settings</h3>
          {groups.map((field) => (
            <FieldView key={field.key} field={field} path={[field.key]} />
          ))}
        </section>
      </div>
    </FormContext.Provider>
  );
}
