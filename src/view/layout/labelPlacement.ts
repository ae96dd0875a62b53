/** Where the label of a group's row under a partition lane goes, beside its ▲ and ◆ markers. */
/**
 * About the widest a character of the label font runs (14 px bold, proportional; measured in
 * Chromium: "committed 1234 · lag 567 · owner email-0 at 1300" is 394 px, 8.2 px a character).
 */
export const LABEL_CHAR_WIDTH = 8.3;

/**
 * Where a row's label goes: right of both markers, else left of both, else between them (right
 * of the left one, when they are far apart), each first in full and then in the short form
 * (without the owner); as a last resort from the lane's start. It never runs over the group's
 * name on the left, nor past the lane on the right unless even the short form is too long.
 */
export function labelPlacement(full: string, short: string, markerXs: number[], laneX: number, width: number): { text: string; x: number; anchor: 'start' | 'end' } {
  const sorted = [...markerXs].sort((a, b) => a - b);
  const right = (sorted.length > 0 ? sorted[sorted.length - 1]! : laneX) + 12;
  const left = (sorted.length > 0 ? sorted[0]! : laneX) - 12;
  const between = sorted.length === 2 ? { from: sorted[0]! + 12, to: sorted[1]! - 12 } : null;
  for (const text of [full, short]) {
    const needed = text.length * LABEL_CHAR_WIDTH;
    if (right + needed <= width - 8) return { text, x: right, anchor: 'start' };
    if (left - needed >= laneX) return { text, x: left, anchor: 'end' };
    if (between && between.to - between.from >= needed) return { text, x: between.from, anchor: 'start' };
  }
  // Nothing fits whole: the short form from the lane's start (the svg clips what runs over).
  return { text: short, x: laneX, anchor: 'start' };
}
