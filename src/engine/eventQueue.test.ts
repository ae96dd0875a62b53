import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from './eventQueue';

describe('EventQueue', () => {
  it('pops by due time, and by insertion order among equal times', () => {
    const queue = new EventQueue<string>();
    queue.push(20, 'c');
    queue.push(10, 'a');
    queue.push(20, 'd');
    queue.push(10, 'b');
    const popped: string[] = [];
    for (let e = queue.pop(); e; e = queue.pop()) popped.push(e.item);
    expect(popped).toEqual(['a', 'b', 'c', 'd']);
  });

  it('skips cancelled entries', () => {
    const queue = new EventQueue<string>();
    const gone = queue.push(1, 'gone');
    queue.push(2, 'kept');
    queue.cancel(gone);
    expect(queue.peekDueMs()).toBe(2);
    expect(queue.pop()?.item).toBe('kept');
    expect(queue.pop()).toBeUndefined();
    expect(queue.cancelledCount).toBe(0);
  });

  it('matches a stable sort of (due time, insertion index) for any input', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }), (times) => {
        const queue = new EventQueue<number>();
        times.forEach((t, i) => queue.push(t, i));
        const expected = times
          .map((t, i) => ({ t, i }))
          .sort((x, y) => x.t - y.t || x.i - y.i)
          .map((x) => x.i);
        const popped: number[] = [];
        for (let e = queue.pop(); e; e = queue.pop()) popped.push(e.item);
        expect(popped).toEqual(expected);
      }),
    );
  });
});
