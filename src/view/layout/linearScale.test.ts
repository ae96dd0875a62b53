import { scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import { linearScale } from './linearScale';

describe('linearScale', () => {
  it('gives exactly what d3-scale gives, in and out of the domain, for either direction', () => {
    const cases: Array<[[number, number], [number, number]]> = [
      [[0, 60_000], [8, 1272]],
      [[12.5, 73.25], [40, 600]],
      [[0, 350], [130, 30]],
      [[10, 0], [0, 100]],
      [[5, 5], [0, 10]],
    ];
    for (const [domain, range] of cases) {
      const ours = linearScale(domain, range);
      const d3 = scaleLinear().domain(domain).range(range);
      for (const value of [-7, 0, 0.1, 5, 12.5, 33.3, 60, 349.9, 60_000, 1e9]) expect(ours(value)).toBe(d3(value));
    }
  });
});
