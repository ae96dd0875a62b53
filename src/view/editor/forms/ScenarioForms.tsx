/**
 * The scenario as forms: every field the scenario schema has, in its order — the run's own
 * fields, then each list (topics, producers, services, notes, timed actions), then the settings
 * groups (broker, Burrow, network). Built from the schema, so a new field needs no code here.
 */
import { useMemo, useRef } from 'react';
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
    for (const problem of problems) byPath.set(problem.path, [...(byPath.get(problem.path) ?? []), problem.message]);
    const under = (path: ValuePath) => {
      const at = pathText(path);
      return problems.some((problem) => problem.path === at || problem.path.startsWith(`${at}.`) || problem.path.startsWith(`${at}[`));
    };
    return { root: value, edit: onChange, problemsAt: (path) => byPath.get(pathText(path)) ?? [], hasProblemsUnder: under };
  }, [value, problems, onChange]);
  const fields = scenarioForm();
  const own = fields.filter((field) => field.spec.kind !== 'list' && field.spec.kind !== 'object');
  const lists = fields.filter((field) => field.spec.kind === 'list');
  const groups = fields.filter((field) => field.spec.kind === 'object');
  const formsRef = useRef<HTMLDivElement>(null);
  const sections = [
    ['run', 'Run'],
    ...lists.map((field) => [field.key, field.key === 'actions' ? 'Timed actions' : capitalised(field.key)]),
    ['settings', 'Settings'],
  ];
  const jump = (key: string) => {
    const heading = formsRef.current?.querySelector<HTMLElement>(`[data-section="${key}"] > h3`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  };
  return (
    <FormContext.Provider value={host}>
      <nav className="editor-nav" aria-label="Form sections">
        {sections.map(([key, title]) => (
          <button key={key} type="button" onClick={() => jump(key!)}>
            {title}
          </button>
        ))}
      </nav>
      <div className="editor-forms" ref={formsRef} role="region" aria-label="Scenario forms" tabIndex={-1}>
        <section className="form-list" aria-label="Run" data-section="run">
          <h3 tabIndex={-1}>Run</h3>
          {own.map((field) => (
            <FieldView key={field.key} field={field} path={[field.key]} />
          ))}
        </section>
        {lists.map((field) => (
          <FieldView key={field.key} field={field} path={[field.key]} />
        ))}
        <section className="form-list" aria-label="Settings" data-section="settings">
          <h3 tabIndex={-1}>Settings</h3>
          {groups.map((field) => (
            <FieldView key={field.key} field={field} path={[field.key]} />
          ))}
        </section>
      </div>
    </FormContext.Provider>
  );
}

function capitalised(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}
