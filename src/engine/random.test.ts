import { describe, expect, it } from 'vitest';
import { createStream } from './random';

describe('createStream', () => {
  it('gives the same sequence for the same seed and entity', () => {
    const a = createStream(7, 'producer:checkout');
    const b = createStream(7, 'producer:checkout');
    for (let i = 0; i < 100; i++) expect(a.next()).toBe(b.next());
  });

  it('gives independent sequences per entity and per seed', () => {
    const first = (seed: number, id: string) => createStream(seed, id).next();
    expect(first(7, 'producer:checkout')).not.toBe(first(7, 'producer:payments'));
    expect(first(7, 'producer:checkout')).not.toBe(first(8, 'producer:checkout'));
  });

  it('draws uniformly: each of 10 buckets gets about a tenth of 100,000 draws', () => {
    const stream = createStream(1, 'uniformity');
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[stream.int(10)]!++;
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('draws exponential gaps with the requested mean', () => {
    const stream = createStream(3, 'poisson');
    let sum = 0;
    for (let i = 0; i < 50_000; i++) sum += stream.exponential(200);
    expect(sum / 50_000).toBeGreaterThan(195);
    expect(sum / 50_000).toBeLessThan(205);
  });
});
