/** The lesson's teacher notes, in a disclosure; "Print notes" prints them alone. */
import type { Lesson } from '../../lessons/lessonTypes';

export function TeacherNotes({ lesson }: { lesson: Lesson }) {
  return (
    <details className="lesson-notes">
      <summary>Teacher notes</summary>
      <p>
        <strong>Concept:</strong> {lesson.concept}
      </p>
      <p>
        <strong>The trap:</strong> {lesson.trap}
      </p>
      <ul>
        {lesson.teacherNotes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
      <button type="button" onClick={() => window.print()}>
        Print notes
      </button>
    </details>
  );
}
