/**
 * A linear map from a domain to a range, computed as d3-scale's `scaleLinear` computes it for
 * two-value domains (same normalize-then-interpolate arithmetic, a zero-width domain maps to the
 * range's middle), for views drawn at start: d3's scale object also carries tick formatting and
 * colour interpolation, about 8 KB gzipped of start-up JavaScript that a timeline does not use.
 */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  let [d0, d1] = domain;
  let [r0, r1] = range;
  if (d1 < d0) [d0, d1, r0, r1] = [d1, d0, r1, r0];
  const span = d1 - d0;
  return (value) => {
    const t = span ? (value - d0) / span : Number.isNaN(span) ? NaN : 0.5;
    return r0 * (1 - t) + r1 * t;
  };
}
