import { describe, expect, it } from 'vitest';
import { captionAt } from './captions';

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
