/**
 * `tpKey` keeps the keys it made (a snapshot at the limits names 16,000 partitions four times):
 * whatever it is asked, and however many topics it has seen, it answers exactly Kafka's
 * `topic-partition` text.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tpKey } from './types';

describe('tpKey', () => {
  it('is always `${topic}-${partition}`, kept keys or not', () => {
    const partition = fc.oneof(fc.integer({ min: 0, max: 70 }), fc.integer(), fc.double(), fc.constantFrom(-0, 4_095, 4_096, Number.NaN, Infinity));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 6 }), partition), { maxLength: 200 }), (pairs) => {
        for (const [topic, p] of [...pairs, ...pairs]) expect(tpKey(topic, p)).toBe(`${topic}-${p}`);
      }),
      { seed: 20261208, numRuns: 300 },
    );
  });

  it('starts again past its bound of topics and still answers the same', () => {
    for (let i = 0; i < 5_000; i++) expect(tpKey(`t${i}`, i % 64)).toBe(`t${i}-${i % 64}`);
    for (let i = 0; i < 5_000; i += 97) expect(tpKey(`t${i}`, i % 64)).toBe(`t${i}-${i % 64}`);
  });
});
