import { describe, expect, it } from 'vitest';
import { captionAt } from './captions';
import { createLab } from './lab';

const notes = [
  { atMs: 0, text: 'start' },
  { atMs: 20_000, text: 'crash' },
];

describe('captionAt', () => {
  it('shows the latest note at or before now', () => {
    expect(captionAt(notes, 0)?.text).toBe('start');
    expect(captionAt(notes, 19_999)?.text).toBe('start');
    expect(captionAt(notes, 20_000)?.text).toBe('crash');
  });

  it('hides a note 20 s after its time, and shows nothing without notes', () => {
    expect(captionAt(notes, 40_001)).toBeNull();
    expect(captionAt(undefined, 5)).toBeNull();
  });
});

describe('a new lab', () => {
  it('shows the caption at t = 0 before anything is published', () => {
    expect(createLab().store.getState().sim.caption?.text).toMatch(/^checkout appends OrderPlaced/);
  });
});
