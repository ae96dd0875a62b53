/**
 * Colours. Colour never carries meaning alone: every marker also has a text label, every
 * service its name beside its colour. The profile-dependent tokens (default, projector) are in
 * themes.ts; this module holds what is the same in both.
 */
import { COLOUR_PROFILES } from './themes';

/** The Okabe–Ito palette, distinguishable with every common colour-vision deficiency. */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442', '#000000'] as const;

/**
 * Lighter tints of the same hues, for record cells (markers keep the strong colours). The last
 * is a periwinkle rather than black's grey: grey cells read as deleted or not loaded.
 */
export const CELL_TINTS = ['#9cc7e6', '#f5cf80', '#80d0b9', '#e6bcd3', '#eaae80', '#abdaf4', '#f7f1a1', '#8fa3d6'] as const;

export const INK = COLOUR_PROFILES.default.text.ink;
export const MUTED = '#5b6470';

/**
 * Darker shades of the Okabe–Ito hues for text and thin marks: each has at least 4.5:1
 * contrast on white and on the panel grey (the pure hues do not, e.g. orange on white is 2.2:1).
 */
export const OKABE_ITO_TEXT = ['#0072B2', '#9A6300', '#007857', '#A8447D', '#A84900', '#1F6FA3', '#6E6400', '#000000'] as const;


export interface ServiceColour {
  /** Bars, card edges, lane markers, chart lines. */
  mark: string;
  /** The service's name drawn in colour: the mark itself where it reaches 4.5:1 on white, else ink. */
  text: string;
  /** The colour's name in its palette, for tests and tooltips. */
  name: string;
}

/**
 * Service colours: Paul Tol's "muted" qualitative scheme (P. Tol, "Colour Schemes", SRON
 * technical note SRON/EPS/TN/09-002, https://personal.sron.nl/~pault/), the six of its nine
 * colours that reach 3:1 on white, hex values unchanged. Tol designed the scheme to stay
 * distinct with every common colour-vision deficiency; it leaves Okabe–Ito's hues to instance
 * statuses and record cells, so a service's colour is never mistaken for "crashed" or
 * "running". Its three light colours (sand, cyan, teal) and its pale grey fall below 3:1 on
 * white and are left out. Drawn on the page surface only (white in both profiles): olive is
 * 2.8:1 on the default profile's grey panel.
 */
export const SERVICE_PALETTE: readonly ServiceColour[] = [
  { name: 'rose', mark: '#CC6677', text: INK },
  { name: 'indigo', mark: '#332288', text: '#332288' },
  { name: 'green', mark: '#117733', text: '#117733' },
  { name: 'olive', mark: '#999933', text: INK },
  { name: 'wine', mark: '#882255', text: '#882255' },
  { name: 'purple', mark: '#AA4499', text: '#AA4499' },
];

/**
 * The story's services keep one colour in every preset and lesson. The only two that share
 * none of the presets, checkout (a service only where it takes commands) and fraud-check (the
 * late subscriber), got the closest pair under simulated colour-vision deficiencies (rose and
 * purple); the four services of the checkout story got four colours far apart under each.
 */
const STORY_COLOURS: Readonly<Record<string, string>> = {
  checkout: 'rose',
  inventory: 'green',
  billing: 'olive',
  email: 'indigo',
  shipping: 'wine',
  'fraud-check': 'purple',
};

/** An id's first word: fraud-check, fraud-check-latest and fraud_v2 are one family. */
function family(id: string): string {
  return id.split(/[-_.]/)[0]!;
}

/** FNV-1a over UTF-16 code units: a stable, well-spread number for a service id. */
function hashId(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * Colours for the services on screen, by service id.
 *
 * - The story's services (checkout, inventory, billing, email, shipping, fraud-check) always
 *   get their own colour.
 * - Any other service gets the colour its id hashes to; if a service already on screen has
 *   that colour it takes the next free one in the palette, so up to six services shown
 *   together never share a colour. Others are taken in the order given (the scenario's order,
 *   late services last), so adding a service never recolours one already shown, unless the
 *   newcomer is a story service whose colour another took.
 * - With more than six services, colours repeat (a service's name is always beside its colour):
 *   a service takes the least-used colour, and among those one no service of its family (its
 *   id's first word: fraud-check, fraud-check-latest) has.
 */
export function serviceColours(serviceIds: readonly string[]): Record<string, ServiceColour> {
  const byName = new Map(SERVICE_PALETTE.map((colour) => [colour.name, colour]));
  const result: Record<string, ServiceColour> = {};
  for (const id of serviceIds) {
    const fixed = Object.hasOwn(STORY_COLOURS, id) ? byName.get(STORY_COLOURS[id]!) : undefined;
    if (fixed) result[id] = fixed;
  }
  for (const id of serviceIds) {
    if (result[id]) continue;
    const start = hashId(id) % SERVICE_PALETTE.length;
    let chosen = SERVICE_PALETTE[start]!;
    let best = Infinity;
    for (let step = 0; step < SERVICE_PALETTE.length; step++) {
      const candidate = SERVICE_PALETTE[(start + step) % SERVICE_PALETTE.length]!;
      const holders = Object.keys(result).filter((other) => result[other] === candidate);
      // Fewest services already in this colour first; among those, not one of the same family.
      const cost = holders.length * 2 + (holders.some((other) => family(other) === family(id)) ? 1 : 0);
      if (cost < best) {
        best = cost;
        chosen = candidate;
      }
    }
    result[id] = chosen;
  }
  return result;
}
