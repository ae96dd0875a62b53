/**
 * A predict step: radio buttons in a fieldset (or a number field that takes any number,
 * 0 included) and "Lock in my prediction", which goes away once the answer is locked in.
 */
import { useState, type FormEvent } from 'react';
import type { PredictStep, Prediction } from '../../lessons/lessonTypes';

export function PredictForm({
  step,
  locked,
  onLockIn,
}: {
  step: PredictStep;
  locked: Prediction | undefined;
  onLockIn: (p: Prediction) => void;
}) {
  const [choice, setChoice] = useState<string | null>(null);
  const [number, setNumber] = useState('');
  const parsed = number.trim() === '' ? NaN : Number(number);
  const ready = step.options ? choice !== null : Number.isFinite(parsed);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    onLockIn(step.options ? { option: choice! } : { number: parsed });
  };
  if (locked) {
    const text =
      'option' in locked
        ? (step.options?.find((o) => o.id === locked.option)?.text ?? locked.option)
        : `${locked.number}${step.number?.unit ? ` ${step.number.unit}` : ''}`;
    return (
      <p className="lesson-locked" role="status">
        Your prediction: <strong>{text}</strong>. Continue to see what happens.
      </p>
    );
  }
  return (
    <form className="lesson-predict" onSubmit={submit}>
      <fieldset>
        <legend>Your prediction</legend>
        {step.options ? (
          step.options.map((option, i) => (
            <label key={option.id} className="lesson-option">
              <input
                type="radio"
                name={`predict-${step.id}`}
                value={option.id}
                checked={choice === option.id}
                onChange={() => setChoice(option.id)}
              />
              <span className="lesson-option-letter" aria-hidden="true">
                {String.fromCharCode(65 + i)}
              </span>
              {option.text}
            </label>
          ))
        ) : (
          <label className="lesson-number">
            {step.number?.label}
            <input
              type="number"
              inputMode="decimal"
              step="any"
              value={number}
              onChange={(e) => setNumber(e.target.value)}
            />
            {step.number?.unit && <span>{step.number.unit}</span>}
          </label>
        )}
      </fieldset>
      <button type="submit" className="primary" disabled={!ready}>
        Lock in my prediction
      </button>
    </form>
  );
}
