/**
 * Colours: the Okabe–Ito palette, distinguishable with every common colour-vision deficiency.
 * Colour never carries meaning alone: every marker also has a text label.
 */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442', '#000000'] as const;

/** Lighter tints of the same hues, for record cells (markers keep the strong colours). */
export const CELL_TINTS = ['#9cc7e6', '#f5cf80', '#80d0b9', '#e6bcd3', '#eaae80', '#abdaf4', '#f7f1a1', '#b0b0b0'] as const;

export const INK = '#1b1f24';
export const MUTED = '#5b6470';
export const PAPER = '#ffffff';
export const STATUS_COLOURS: Record<string, string> = {
  running: '#009E73',
  hung: '#E69F00',
  crashed: '#D55E00',
  stopped: '#5b6470',
};
