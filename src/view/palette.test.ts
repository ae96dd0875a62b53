import { describe, expect, it } from 'vitest';
import { createLab } from '../app/lab';
import { GALLERY, openPreset } from '../app/sharing';
import { SERVICE_PALETTE, serviceColours } from './palette';

/** Paul Tol's "muted" qualitative scheme as published: the service colours must be taken from it unchanged. */
const TOL_MUTED = ['#CC6677', '#332288', '#DDCC77', '#117733', '#88CCEE', '#882255', '#44AA99', '#999933', '#AA4499', '#DDDDDD'];

const STORY = ['checkout', 'inventory', 'billing', 'email', 'shipping', 'fraud-check'];

function linear(hex: string): [number, number, number] {
  const value = parseInt(hex.slice(1), 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return [channel(16), channel(8), channel(0)];
}

type Matrix = readonly [readonly [number, number, number], readonly [number, number, number], readonly [number, number, number]];

/**
 * Simulated colour-vision deficiencies at full severity (Machado, Oliveira and Fernandes 2009,
 * the matrices for linear RGB), with normal vision for comparison.
 */
const VISION: Record<string, Matrix> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** CIELAB (D65) of a linear RGB colour. */
function lab([r, g, b]: [number, number, number]): [number, number, number] {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** The smallest CIE76 colour difference between `a` and `b` across normal vision and the three deficiencies. */
function worstDifference(a: string, b: string): number {
  const seen = (hex: string, m: Matrix) => {
    const rgb = linear(hex);
    return lab(m.map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]))) as [number, number, number]);
  };
  return Math.min(
    ...Object.values(VISION).map((m) => {
      const [p, q] = [seen(a, m), seen(b, m)];
      return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
    }),
  );
}

describe('the service palette', () => {
  it('takes at most eight colours from Tol\'s muted scheme, unchanged', () => {
    expect(SERVICE_PALETTE.length).toBeLessThanOrEqual(8);
    for (const colour of SERVICE_PALETTE) expect(TOL_MUTED).toContain(colour.mark);
    expect(new Set(SERVICE_PALETTE.map((c) => c.mark)).size).toBe(SERVICE_PALETTE.length);
  });

  it('keeps every two colours apart under simulated protanopia, deuteranopia and tritanopia', () => {
    const close: string[] = [];
    for (const [i, a] of SERVICE_PALETTE.entries()) {
      for (const b of SERVICE_PALETTE.slice(i + 1)) {
        const difference = worstDifference(a.mark, b.mark);
        if (difference < 15) close.push(`${a.name}/${b.name}: ΔE ${difference.toFixed(1)}`);
      }
    }
    expect(close).toEqual([]);
  });

  it('keeps the checkout story\'s four services further apart still', () => {
    const colours = serviceColours(['inventory', 'billing', 'email', 'shipping']);
    const marks = Object.values(colours).map((c) => c.mark);
    for (const [i, a] of marks.entries()) for (const b of marks.slice(i + 1)) expect(worstDifference(a, b)).toBeGreaterThan(25);
  });
});

describe('serviceColours', () => {
  it('gives the story\'s services the same colour whatever else is on screen, in any order', () => {
    const alone = Object.fromEntries(STORY.map((id) => [id, serviceColours([id])[id]!.name]));
    const together = serviceColours(STORY);
    const reversed = serviceColours([...STORY].reverse());
    const withOthers = serviceColours(['analytics', 'email-after', ...STORY, 'workers']);
    for (const id of STORY) {
      expect(together[id]!.name).toBe(alone[id]);
      expect(reversed[id]!.name).toBe(alone[id]);
      expect(withOthers[id]!.name).toBe(alone[id]);
    }
    expect(new Set(Object.values(together).map((c) => c.name)).size).toBe(STORY.length);
  });

  it('tells apart up to six services shown together, story services or not', () => {
    const screens = [
      ['email-after', 'email-before', 'email-dedup'],
      ['workers', 'audit', 'search', 'analytics'],
      ['inventory', 'billing', 'email', 'shipping', 'fraud-check', 'fraud-earliest'],
      ['billing-after', 'billing-before'],
      ['inventory', 'billing', 'email', 'shipping', 'fraud-check', 'fraud-check-latest'],
      ['a', 'b', 'c', 'd', 'e', 'f'],
    ];
    for (const ids of screens) {
      const colours = serviceColours(ids);
      expect(new Set(ids.map((id) => colours[id]!.name)).size, ids.join(', ')).toBe(ids.length);
    }
  });

  it('never recolours a service already on screen when another service joins', () => {
    const before = serviceColours(['workers', 'audit', 'search']);
    const after = serviceColours(['workers', 'audit', 'search', 'analytics']);
    for (const id of ['workers', 'audit', 'search']) expect(after[id]).toEqual(before[id]);
  });

  it('gives another service the colour its id hashes to while that colour is free, and another one when it is not', () => {
    const own = serviceColours(['reporting'])['reporting']!;
    const holder = STORY.find((id) => serviceColours([id])[id]!.name === own.name)!;
    const other = STORY.find((id) => serviceColours([id])[id]!.name !== own.name)!;
    expect(serviceColours([other, 'reporting'])['reporting']).toEqual(own);
    expect(serviceColours(['reporting', other])['reporting']).toEqual(own);
    expect(serviceColours([holder, 'reporting'])['reporting']!.name).not.toBe(own.name);
  });

  it('past six services, repeats the least-used colour, and not that of a service of the same family', () => {
    const ids = ['inventory', 'billing', 'email', 'shipping', 'fraud-check', 'fraud-check-latest', 'fraud-check-latest-2'];
    const colours = serviceColours(ids);
    const family = ['fraud-check', 'fraud-check-latest'].map((id) => colours[id]!.name);
    expect(family).not.toContain(colours['fraud-check-latest-2']!.name);
    const uses = ids.map((id) => ids.filter((other) => colours[other] === colours[id]).length);
    expect(Math.max(...uses)).toBe(2);
  });

  it('still colours every service when there are more services than colours', () => {
    const ids = Array.from({ length: 16 }, (_, i) => `service-${i}`);
    const colours = serviceColours(ids);
    expect(ids.every((id) => SERVICE_PALETTE.includes(colours[id]!))).toBe(true);
    expect(new Set(ids.map((id) => colours[id]!.name)).size).toBe(SERVICE_PALETTE.length);
  });

  it('tells apart the services of every gallery preset, late services included', async () => {
    for (const entry of GALLERY) {
      const lab = createLab();
      expect(await openPreset(lab, entry.id)).toBe('opened');
      const scenario = lab.store.getState().run.scenario;
      const ids = [...scenario.services.map((s) => s.id), ...(scenario.actions ?? []).flatMap((a) => (a.type === 'addService' ? [a.service.id] : []))];
      const colours = serviceColours(ids);
      expect(new Set(ids.map((id) => colours[id]!.name)).size, entry.id).toBe(ids.length);
    }
  });
});
