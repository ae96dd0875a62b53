/**
 * Arrow-key moves between the pipeline's entities, from where they are drawn: entities whose
 * horizontal extents overlap share a column (producers, topics with their partitions, services
 * with their instances, read models), each column read top to bottom. Pure, so the moves are
 * unit-tested without a browser; usePipelineArrowKeys.ts measures the elements.
 */
export interface EntityRect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export type Move =
  'next' | 'previous' | 'right' | 'left' | 'columnStart' | 'columnEnd' | 'first' | 'last';

/** Indices of `rects` by column, left to right; each column top to bottom. */
export function columnsOf(rects: readonly EntityRect[]): number[][] {
  const byLeft = rects
    .map((_, i) => i)
    .sort((a, b) => rects[a]!.left - rects[b]!.left || rects[a]!.top - rects[b]!.top);
  const columns: number[][] = [];
  let right = Number.NEGATIVE_INFINITY;
  for (const i of byLeft) {
    const rect = rects[i]!;
    if (columns.length === 0 || rect.left >= right) {
      columns.push([i]);
      right = rect.right;
    } else {
      columns[columns.length - 1]!.push(i);
      right = Math.max(right, rect.right);
    }
  }
  for (const column of columns)
    column.sort((a, b) => rects[a]!.top - rects[b]!.top || rects[a]!.left - rects[b]!.left);
  return columns;
}

const middle = (rect: EntityRect) => (rect.top + rect.bottom) / 2;

/** The entity a move from `from` lands on, or null when there is none that way. */
export function entityAfterMove(
  rects: readonly EntityRect[],
  from: number,
  move: Move,
): number | null {
  const columns = columnsOf(rects);
  const c = columns.findIndex((column) => column.includes(from));
  if (c < 0) return null;
  const column = columns[c]!;
  const row = column.indexOf(from);
  switch (move) {
    case 'next':
      return column[row + 1] ?? null;
    case 'previous':
      return row > 0 ? column[row - 1]! : null;
    case 'columnStart':
      return column[0]!;
    case 'columnEnd':
      return column[column.length - 1]!;
    case 'first':
      return columns[0]![0]!;
    case 'last': {
      const lastColumn = columns[columns.length - 1]!;
      return lastColumn[lastColumn.length - 1]!;
    }
    case 'right':
    case 'left': {
      const target = columns[move === 'right' ? c + 1 : c - 1];
      if (!target) return null;
      // The nearest by height; on a tie the upper one, so a header wins over its first row.
      const y = middle(rects[from]!);
      let best = target[0]!;
      for (const i of target)
        if (Math.abs(middle(rects[i]!) - y) < Math.abs(middle(rects[best]!) - y)) best = i;
      return best;
    }
  }
}
