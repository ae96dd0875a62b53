/**
 * How run A and run B are told apart everywhere in a comparison: an Okabe–Ito colour (safe
 * with every common colour-vision deficiency) and a line pattern, so they differ without colour
 * too, and always a text label.
 */
import { OKABE_ITO, OKABE_ITO_TEXT } from '../palette';

export const RUN_STYLE = {
  a: { colour: OKABE_ITO[0], text: OKABE_ITO_TEXT[0], dash: '', name: 'solid' },
  b: { colour: OKABE_ITO[4], text: OKABE_ITO_TEXT[4], dash: '9 5', name: 'dashed' },
} as const;
