import { linkHorizontal } from 'd3';
import { describe, expect, it } from 'vitest';
import { linkPath, linkPoint, type Point } from './pipeline';

describe('linkPath', () => {
  it("writes exactly the path d3-shape's linkHorizontal writes, for whole and fractional points in any direction", () => {
    const d3 = linkHorizontal<{ source: Point; target: Point }, Point>()
      .source((d) => d.source)
      .target((d) => d.target);
    const points: Point[] = [[0, 0], [8, 40.5], [312.25, 17], [1272, 613.125], [-3, 1e-7], [140, 140], [33.3333333, 7.0005], [-0.0004, 99.99949]];
    for (const source of points) {
      for (const target of points) expect(linkPath(source, target)).toBe(d3({ source, target }));
    }
  });

  it('runs through the points linkPoint gives at its ends and middle', () => {
    const source: Point = [10, 20];
    const target: Point = [110, 80];
    expect(linkPoint(source, target, 0)).toEqual(source);
    expect(linkPoint(source, target, 1)).toEqual(target);
    expect(linkPoint(source, target, 0.5)).toEqual([60, 50]);
    expect(linkPath(source, target)).toBe('M10,20C60,20,60,80,110,80');
  });
});
