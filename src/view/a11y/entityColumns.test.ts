import { describe, expect, it } from 'vitest';
import { columnsOf, entityAfterMove, type EntityRect } from './entityColumns';

const box = (left: number, top: number, width: number, height: number): EntityRect => ({
  left,
  right: left + width,
  top,
  bottom: top + height,
});

// A producer; a topic header with two partition rows (inset); a service header with two
// instance rows; a read model. Drawn out of order, as the SVG draws them.
const rects = [
  box(500, 10, 150, 70), // 0 read model
  box(10, 40, 120, 70), // 1 producer
  box(200, 10, 140, 24), // 2 topic header
  box(206, 40, 128, 20), // 3 partition 0
  box(206, 64, 128, 20), // 4 partition 1
  box(350, 10, 140, 24), // 5 service header
  box(360, 40, 124, 22), // 6 instance 0
  box(360, 66, 124, 22), // 7 instance 1
];

describe('pipeline arrow keys', () => {
  it('groups entities into columns left to right, each top to bottom', () => {
    expect(columnsOf(rects)).toEqual([[1], [2, 3, 4], [5, 6, 7], [0]]);
  });

  it('moves up and down a column, and stops at its ends', () => {
    expect(entityAfterMove(rects, 2, 'next')).toBe(3);
    expect(entityAfterMove(rects, 3, 'next')).toBe(4);
    expect(entityAfterMove(rects, 4, 'next')).toBeNull();
    expect(entityAfterMove(rects, 3, 'previous')).toBe(2);
    expect(entityAfterMove(rects, 2, 'previous')).toBeNull();
    expect(entityAfterMove(rects, 4, 'columnStart')).toBe(2);
    expect(entityAfterMove(rects, 5, 'columnEnd')).toBe(7);
  });

  it('moves across to the nearest entity by height in the next or previous column', () => {
    expect(entityAfterMove(rects, 1, 'right')).toBe(4);
    expect(entityAfterMove(rects, 3, 'right')).toBe(6);
    expect(entityAfterMove(rects, 7, 'right')).toBe(0);
    expect(entityAfterMove(rects, 0, 'right')).toBeNull();
    expect(entityAfterMove(rects, 2, 'left')).toBe(1);
    expect(entityAfterMove(rects, 1, 'left')).toBeNull();
    expect(entityAfterMove(rects, 6, 'first')).toBe(1);
    expect(entityAfterMove(rects, 6, 'last')).toBe(0);
  });
});
