import { describe, expect, it } from 'vitest';
import { SERVICE_PALETTE } from './palette';
import { applyColourProfile, COLOUR_PROFILES, cssVariables, statusColour, type ColourProfileName } from './themes';

/** WCAG 2.x relative luminance of an sRGB colour written #rrggbb. */
function luminance(hex: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const value = parseInt(match[1]!, 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

/** WCAG contrast ratio, 1 to 21. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const TEXT_MIN = 4.5;
const MARK_MIN = 3;
const NAMES: ColourProfileName[] = ['default', 'projector'];

/** Every pair of `colours` × `backgrounds` below `min`, as readable lines (empty when all pass). */
function below(colours: Record<string, string>, backgrounds: Record<string, string>, min: number): string[] {
  const failures: string[] = [];
  for (const [name, colour] of Object.entries(colours)) {
    for (const [surface, background] of Object.entries(backgrounds)) {
      const ratio = contrast(colour, background);
      if (ratio < min) failures.push(`${name} ${colour} on ${surface} ${background}: ${ratio.toFixed(2)}:1`);
    }
  }
  return failures;
}

describe('the contrast ratio', () => {
  it('matches WCAG reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    // #777777 on white is the well-known just-below-AA grey.
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrast('#0072B2', '#ffffff')).toBeCloseTo(contrast('#ffffff', '#0072B2'), 10);
  });
});

describe.each(NAMES)('the %s colour profile', (name) => {
  const profile = COLOUR_PROFILES[name];

  it('draws text at 4.5:1 or more on every background', () => {
    expect(below(profile.text, profile.backgrounds, TEXT_MIN)).toEqual([]);
  });

  it('draws marks and outlines at 3:1 or more on every background', () => {
    expect(below(profile.marks, profile.backgrounds, MARK_MIN)).toEqual([]);
  });

  it('draws status glyphs at 3:1 or more on every background and on their own instance row', () => {
    expect(below(profile.status, profile.backgrounds, MARK_MIN)).toEqual([]);
    for (const [status, colour] of Object.entries(profile.status)) {
      expect(below({ [status]: colour }, { row: profile.statusRows[status as keyof typeof profile.statusRows] }, MARK_MIN)).toEqual([]);
    }
  });

  it('draws service colours at 3:1 or more, and service names in colour at 4.5:1 or more, on the page', () => {
    const page = { page: profile.backgrounds.page };
    expect(below(Object.fromEntries(SERVICE_PALETTE.map((c) => [c.name, c.mark])), page, MARK_MIN)).toEqual([]);
    expect(below(Object.fromEntries(SERVICE_PALETTE.map((c) => [c.name, c.text])), page, TEXT_MIN)).toEqual([]);
  });

  it('keeps text on the instance rows readable', () => {
    expect(below({ ink: profile.text.ink, nodeText: profile.text.nodeText }, profile.statusRows, TEXT_MIN)).toEqual([]);
  });
});

describe('the projector profile', () => {
  const projector = COLOUR_PROFILES.projector;

  it('has a white background everywhere', () => {
    expect(new Set(Object.values(projector.backgrounds))).toEqual(new Set(['#ffffff']));
  });

  it('puts region lines and the focus ring at 3:1 or more, like every other boundary', () => {
    expect(below(projector.boundaries, projector.backgrounds, MARK_MIN)).toEqual([]);
  });

  it('draws service colours at 3:1 or more on every one of its backgrounds', () => {
    expect(below(Object.fromEntries(SERVICE_PALETTE.map((c) => [c.name, c.mark])), projector.backgrounds, MARK_MIN)).toEqual([]);
  });

  it('outlines at 2 px or more', () => {
    expect(projector.outlineWidthPx).toBeGreaterThanOrEqual(2);
  });

  it('is stronger than the default where the default is faint', () => {
    const faint = COLOUR_PROFILES.default;
    expect(contrast(projector.boundaries.line, '#ffffff')).toBeGreaterThan(contrast(faint.boundaries.line, '#ffffff'));
    expect(contrast(projector.boundaries.focus, '#ffffff')).toBeGreaterThan(contrast(faint.boundaries.focus, '#ffffff'));
  });
});

describe('status colours', () => {
  it('follow the profile through a custom property the projector sets, falling back to the default', () => {
    expect(statusColour('hung')).toBe(`var(--status-hung, ${COLOUR_PROFILES.default.status.hung})`);
    expect(cssVariables(COLOUR_PROFILES.projector)).toHaveProperty('--status-hung', COLOUR_PROFILES.projector.status.hung);
  });
});

describe('applyColourProfile', () => {
  it('sets the data-profile attribute projector.css keys on, and sets it back', () => {
    const root = { dataset: {} as DOMStringMap };
    applyColourProfile('projector', root);
    expect(root.dataset['profile']).toBe('projector');
    applyColourProfile('default', root);
    expect(root.dataset['profile']).toBe('default');
  });
});
