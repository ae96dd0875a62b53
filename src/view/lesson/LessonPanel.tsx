/**
 * The "Lesson" region: the lesson's title and progress, the step's text (also sent to a polite
 * live region), what the step needs (an answer, an action, a wait, a check) and Back /
 * Continue. Guidance is light: the rest of the lab stays usable while a lesson runs.
 */
import { useCallback, useRef } from 'react';
import type { AppState } from '../../app/store';
import { useAppStore } from '../useAppStore';
import { useLab } from '../labContext';
import type { LessonStep } from '../../lessons/lessonTypes';
import { ExplainView } from './ExplainView';
import { PredictForm } from './PredictForm';
import { TeacherNotes } from './TeacherNotes';
import './lesson.css';

const selectLesson = (state: AppState) => state.lesson;

const KIND_LABEL: Record<LessonStep['kind'], string> = {
  predict: 'Predict',
  act: 'Your turn',
  observe: 'Watch',
  explain: 'What happened',
  check: 'Check',
  free: 'Explore',
};

export function LessonPanel() {
  const { lessons } = useLab();
  const slice = useAppStore(selectLesson);
  const continueRef = useRef<HTMLButtonElement>(null);
  // After an answer or "Do it for me" the control used is gone or disabled: keyboard users
  // land on Continue, the next thing to press.
  const focusContinue = useCallback(() => requestAnimationFrame(() => continueRef.current?.focus()), []);
  if (!slice) return null;
  const { lesson, step: index } = slice;
  const step = lesson.steps[index]!;
  const last = index === lesson.steps.length - 1;
  const announcement = `Step ${index + 1} of ${lesson.steps.length}, ${KIND_LABEL[step.kind]}: ${step.text}`;
  return (
    <section className="lesson-panel" aria-labelledby="lesson-title" data-step-kind={step.kind}>
      <div className="lesson-head">
        <h2 id="lesson-title">
          <span className="lesson-label">Lesson</span> {lesson.title}
        </h2>
        <button
          type="button"
          className="lesson-leave"
          onClick={lessons.close}
          title="Leave the lesson; the run stays as it is"
        >
          Leave lesson
        </button>
      </div>
      <p className="lesson-progress">
        <progress
          max={lesson.steps.length}
          value={index + 1}
          aria-label={`Step ${index + 1} of ${lesson.steps.length}`}
        />
        <span>
          Step {index + 1} of {lesson.steps.length} · <strong>{KIND_LABEL[step.kind]}</strong>
        </span>
      </p>
      <p className="lesson-text">{step.text}</p>
      <p className="visually-hidden" aria-live="polite" data-testid="lesson-live">
        {announcement}
      </p>
      <StepBody onAnswered={focusContinue} />
      <div className="lesson-nav">
        <button type="button" onClick={lessons.back} disabled={index === 0}>
          Back
        </button>
        {last ? (
          <NextLessonButton />
        ) : (
          // aria-disabled rather than disabled: the button keeps the keyboard focus while the
          // step waits, so pressing Enter again once it is ready just works.
          <button
            ref={continueRef}
            type="button"
            className="primary"
            onClick={lessons.next}
            aria-disabled={!slice.satisfied}
            title={slice.satisfied ? undefined : 'The step is not finished yet'}
          >
            Continue
          </button>
        )}
      </div>
      <TeacherNotes lesson={lesson} />
    </section>
  );
}

function StepBody({ onAnswered }: { onAnswered: () => void }) {
  const { lessons } = useLab();
  const slice = useAppStore(selectLesson)!;
  const step = slice.lesson.steps[slice.step]!;
  switch (step.kind) {
    case 'predict':
      return (
        <PredictForm
          step={step}
          locked={slice.predictions[step.id]}
          onLockIn={(prediction) => {
            lessons.lockIn(prediction);
            onAnswered();
          }}
        />
      );
    case 'act':
      return (
        <div className="lesson-status">
          <p role="status">{slice.satisfied ? '✓ Done: you can continue.' : 'Not done yet.'}</p>
          <button
            type="button"
            onClick={() => {
              lessons.doItForMe();
              onAnswered();
            }}
            disabled={slice.doItUsed}
          >
            Do it for me
          </button>
        </div>
      );
    case 'observe':
      return (
        <div className="lesson-status">
          <p role="status">
            {slice.satisfied
              ? '✓ There it is: the run is paused at that moment.'
              : 'Waiting for the model while the clock runs…'}
          </p>
          {slice.hintShown && <p className="lesson-hint">Hint: {step.hint}</p>}
        </div>
      );
    case 'explain':
      return slice.explain ? <ExplainView outcome={slice.explain} /> : null;
    case 'check':
      return (
        <p role="status" className={slice.satisfied ? 'lesson-check passed' : 'lesson-check'}>
          {slice.satisfied ? '✓ Goal reached.' : step.notYet}
        </p>
      );
    case 'free':
      return (
        <p className="lesson-check passed">
          ✓ Lesson complete. Everything in the lab is yours to try from here.
        </p>
      );
  }
}

function NextLessonButton() {
  const { lessons } = useLab();
  const next = useAppStore((state: AppState) => state.lesson?.next ?? null);
  if (next === null) return <span className="lesson-end">That was the last lesson.</span>;
  return (
    <button type="button" className="primary" onClick={() => void lessons.openNext()}>
      Next lesson: {next.title}
    </button>
  );
}
