/**
 * What every form field needs: the scenario's JSON value, a way to change one path of it, and
 * the validator's messages for a path (the same messages the JSON twin lists).
 */
import { createContext, useContext } from 'react';
import type { ValuePath } from '../../../app/scenarioForms';

export interface FormHost {
  root: Record<string, unknown>;
  edit(path: ValuePath, value: unknown): void;
  problemsAt(path: ValuePath): string[];
  /** Whether any problem is at or below `path`. */
  hasProblemsUnder(path: ValuePath): boolean;
}

export const FormContext = createContext<FormHost | null>(null);

export function useForm(): FormHost {
  const host = useContext(FormContext);
  if (host === null) throw new Error('a form field outside the scenario forms');
  return host;
}

/** The default as shown next to a field: numbers as typed in the JSON, text as is. */
export function showDefault(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
