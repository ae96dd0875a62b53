import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decompressBounded } from './boundedDecompress';
import { compressToEncodedURIComponent, unboundedDecompressFromEncodedURIComponent } from './lzString';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const alphabetText = fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 300 });

describe('decompressBounded', () => {
  it("gives back whatever lz-string's encoder compressed, any text at all", () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const result = decompressBounded(compressToEncodedURIComponent(text), 1_000_000);
        expect(result).toEqual({ ok: true, text });
      }),
      { numRuns: 500, seed: 2001 },
    );
  });

  it("agrees with lz-string's own decoder whenever it accepts an input", () => {
    fc.assert(
      fc.property(alphabetText, (data) => {
        const bounded = decompressBounded(data, 1_000_000);
        if (bounded.ok) expect(unboundedDecompressFromEncodedURIComponent(data)).toBe(bounded.text);
      }),
      { numRuns: 1000, seed: 2002 },
    );
  });

  it('reads a space as the plus sign a URL may have turned into one', () => {
    const data = compressToEncodedURIComponent('{"a":"ü€ and some text to compress"}'.repeat(3));
    expect(data).toContain('+');
    expect(decompressBounded(data.replaceAll('+', ' '), 10_000)).toEqual(decompressBounded(data, 10_000));
  });

  it('stops at the ceiling instead of expanding a compression bomb', () => {
    const bomb = compressToEncodedURIComponent('a'.repeat(400_000));
    expect(bomb.length).toBeLessThan(2000);
    expect(decompressBounded(bomb, 100_000)).toEqual({ ok: false, reason: 'too-large', maxChars: 100_000 });
    // The fastest of three timings: a busy machine slows one run, a slow decoder slows them all.
    const timings = [0, 1, 2].map(() => {
      const started = performance.now();
      decompressBounded(bomb, 100_000);
      return performance.now() - started;
    });
    expect(Math.min(...timings)).toBeLessThan(100);
  });

  it('names the first character outside the alphabet', () => {
    expect(decompressBounded('N4Ig%20', 1000)).toEqual({
      ok: false,
      reason: 'invalid-character',
      position: 4,
      character: '%',
    });
  });

  it('refuses truncated data as damaged', () => {
    const data = compressToEncodedURIComponent(JSON.stringify({ long: 'x'.repeat(50), more: [1, 2, 3] }));
    expect(decompressBounded(data.slice(0, Math.floor(data.length / 2)), 10_000)).toEqual({
      ok: false,
      reason: 'damaged',
    });
    expect(decompressBounded('', 10_000)).toEqual({ ok: false, reason: 'damaged' });
  });
});
