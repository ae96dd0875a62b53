import { describe, expect, it } from 'vitest';
import { LESSONS } from './index';
import { LESSON_INDEX } from './lessonIndex';
import { loadLesson } from './loadLesson';
import { resolveLessonLink } from '../lessonLink';

describe('the lesson index', () => {
  it('lists every lesson of the catalogue, in the plan order, with the same title, concept, trap and minutes', () => {
    expect(LESSON_INDEX.map((entry) => entry.id)).toEqual(LESSONS.map((lesson) => lesson.id));
    for (const [i, entry] of LESSON_INDEX.entries()) {
      const { id, title, concept, trap, minutes } = LESSONS[i]!;
      expect({ id, title, concept, trap, minutes }).toEqual(entry);
    }
  });

  it('loads a lesson on demand, and nothing for an unknown id', async () => {
    expect(await loadLesson('rebalancing')).toBe(LESSONS.at(-1));
    expect(await loadLesson('no-such-lesson')).toBeUndefined();
  });

  it('resolves a link from the index alone: the id must exist, the step must be a whole number', () => {
    expect(resolveLessonLink('keys-and-order', '4')).toEqual({ ok: true, id: 'keys-and-order', stepIndex: 3 });
    expect(resolveLessonLink('nope', 1)).toMatchObject({ ok: false, error: expect.stringContaining('lesson "nope" does not exist; the lessons are why-events, events-vs-commands, ') });
    expect(resolveLessonLink('keys-and-order', '0')).toMatchObject({ ok: false, error: expect.stringContaining('step "0" is not a step of "keys-and-order"') });
    expect(resolveLessonLink('keys-and-order', 'two')).toMatchObject({ ok: false });
  });
});
