/**
 * One field with a single input, labelled by its name (the Kafka name for configs), with its
 * default, its rule and one line of meaning, and the validator's messages for its path.
 */
import { useId } from 'react';
import {
  fromInput,
  getAt,
  pathText,
  toInput,
  type FormField,
  type ValuePath,
} from '../../../app/scenarioForms';
import { showDefault, useForm } from './formContext';

function ruleOf(field: FormField): string | undefined {
  const spec = field.spec;
  switch (spec.kind) {
    case 'integer':
      return spec.max >= Number.MAX_SAFE_INTEGER
        ? `integer ≥ ${spec.min}`
        : `integer ${spec.min}–${spec.max}${spec.why ? ` (${spec.why})` : ''}`;
    case 'number':
      return spec.rule;
    case 'names':
      return 'names, separated by commas';
    case 'json':
      return spec.options ? `${spec.options.join(' | ')}, or a JSON list of them` : 'a value, or JSON';
    default:
      return undefined;
  }
}

export function ScalarField({ field, path }: { field: FormField; path: ValuePath }) {
  const form = useForm();
  const id = useId();
  const value = getAt(form.root, path);
  const problems = form.problemsAt(path);
  const text = toInput(field.spec, value);
  const change = (next: string) => form.edit(path, fromInput(field.spec, next, field.optional));
  const rule = ruleOf(field);
  const hint = [
    field.default !== undefined
      ? `default ${showDefault(field.default)}`
      : field.optional
        ? 'optional'
        : undefined,
    rule,
    field.meaning,
  ].filter((part) => part !== undefined);
  const describedBy = `${id}-hint${problems.length > 0 ? ` ${id}-problem` : ''}`;
  const common = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': problems.length > 0,
    'data-path': pathText(path),
  };
  let input;
  const spec = field.spec;
  if (spec.kind === 'enum' || spec.kind === 'flag') {
    const options = spec.kind === 'flag' ? ['true', 'false'] : spec.options;
    const unknown = text !== '' && !options.includes(text);
    input = (
      <select {...common} value={text} onChange={(event) => change(event.target.value)}>
        {field.optional && (
          <option value="">
            {field.default !== undefined ? `(default: ${showDefault(field.default)})` : '(not set)'}
          </option>
        )}
        {unknown && <option value={text}>{text} (not allowed)</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  } else if (spec.kind === 'fixed') {
    input = (
      <output id={id} className="form-fixed">
        {text}
      </output>
    );
  } else {
    const numeric = spec.kind === 'integer' || spec.kind === 'number';
    input = (
      <input
        {...common}
        type="text"
        inputMode={numeric ? (spec.kind === 'integer' ? 'numeric' : 'decimal') : undefined}
        className={numeric ? 'form-number' : 'form-text'}
        value={text}
        placeholder={field.default !== undefined ? showDefault(field.default) : undefined}
        spellCheck={false}
        onChange={(event) => change(event.target.value)}
      />
    );
  }
  return (
    <div className={`form-field${problems.length > 0 ? ' form-field-invalid' : ''}`}>
      <label htmlFor={id} className="form-name">
        {field.key}
      </label>
      {input}
      <p id={`${id}-hint`} className="form-hint">
        {hint.join(' · ')}
      </p>
      {problems.length > 0 && (
        <p id={`${id}-problem`} className="form-problem">
          <code>{pathText(path)}</code> {problems.join('; ')}
        </p>
      )}
    </div>
  );
}
