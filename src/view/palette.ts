/**
 * Colours: the Okabe–Ito palette, distinguishable with every common colour-vision deficiency.
 * Colour never carries meaning alone: every marker also has a text label.
 */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442', '#000000'] as const;

/**
 * Lighter tints of the same hues, for record cells (markers keep the strong colours). The last
 * is a periwinkle rather than black's grey: grey cells read as deleted or not loaded.
 */
export const CELL_TINTS = ['#9cc7e6', '#f5cf80', '#80d0b9', '#e6bcd3', '#eaae80', '#abdaf4', '#f7f1a1', '#8fa3d6'] as const;

export const INK = '#1b1f24';
export const MUTED = '#5b6470';
export const STATUS_COLOURS: Record<string, string> = {
  running: '#009E73',
  hung: '#E69F00',
  crashed: '#D55E00',
  stopped: '#5b6470',
};

/**
 * Darker shades of the Okabe–Ito hues for text and thin marks: each has at least 4.5:1
 * contrast on white and on the panel grey (the pure hues do not, e.g. orange on white is 2.2:1).
 */
export const OKABE_ITO_TEXT = ['#0072B2', '#9A6300', '#007857', '#A8447D', '#A84900', '#1F6FA3', '#6E6400', '#000000'] as const;

/** A group's colour by its index among the scenario's groups: [mark colour, text colour]. */
export function groupColours(index: number): { mark: string; text: string } {
  const i = ((index % OKABE_ITO.length) + OKABE_ITO.length) % OKABE_ITO.length;
  return { mark: OKABE_ITO[i]!, text: OKABE_ITO_TEXT[i]! };
}
