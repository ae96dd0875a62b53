/** Which scenario note is the caption at a given time: the latest one at or before it, for a while. */
import type { Note } from '../engine';

const CAPTION_HOLD_MS = 20_000;

export function captionAt(notes: readonly Note[] | undefined, nowMs: number): Note | null {
  let current: Note | null = null;
  for (const note of notes ?? []) {
    if (note.atMs <= nowMs && (current === null || note.atMs >= current.atMs)) current = note;
  }
  if (current && nowMs - current.atMs > CAPTION_HOLD_MS) return null;
  return current;
}
