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

  it('answers as a sorted list of live entries under interleaved pushes, pops (popItem) and cancels', () => {
    type Op = readonly ['push', number] | readonly ['pop'] | readonly ['cancel', number];
    const op = fc.oneof(
      { weight: 5, arbitrary: fc.tuple(fc.constant('push' as const), fc.integer({ min: 0, max: 30 })) },
      { weight: 3, arbitrary: fc.tuple(fc.constant('pop' as const)) },
      { weight: 1, arbitrary: fc.tuple(fc.constant('cancel' as const), fc.nat(400)) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops: Op[]) => {
        const queue = new EventQueue<number>();
        // The model: live entries as (due time, id), the next one the least by due time, then id.
        const live: Array<{ due: number; id: number }> = [];
        let now = 0;
        let pushed = 0;
        for (const o of ops) {
          if (o[0] === 'push') {
            const due = now + o[1];
            // The item is the push's index, which is also its id: items must move with their entries.
            const id = queue.push(due, pushed);
            expect(id).toBe(pushed++);
            live.push({ due, id });
          } else if (o[0] === 'cancel') {
            const at = live.findIndex((e) => e.id === o[1]);
            if (at < 0) continue;
            queue.cancel(o[1]);
            live.splice(at, 1);
          } else {
            live.sort((a, b) => a.due - b.due || a.id - b.id);
            const next = live.shift();
            expect(queue.peekDueMs()).toBe(next?.due ?? Infinity);
            expect(queue.popItem()).toBe(next?.id);
            if (next) now = next.due;
          }
          expect(queue.size - queue.cancelledCount).toBe(live.length);
        }
      }),
      { seed: 5, numRuns: 200 },
    );
  });
});
