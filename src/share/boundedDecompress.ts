/**
 * lz-string's `decompressFromEncodedURIComponent` with a ceiling on the output.
 *
 * Why not call lz-string itself: its decoder has no output limit, and every code may stand for
 * a dictionary entry one character longer than the last, so output grows with the square of the
 * input: a crafted 64 KB link could expand to hundreds of megabytes and freeze the tab. This is
 * the same algorithm (lz-string 1.5.0, `_decompress` with the URI-safe alphabet, 6 bits per
 * character), returning early once the output passes `maxChars`. Encoding still uses lz-string's
 * `compressToEncodedURIComponent`; a property test checks both agree.
 */

const URI_SAFE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const BITS_PER_CHAR = 6;
const FIRST_BIT = 1 << (BITS_PER_CHAR - 1);
const CODE_CHAR_8 = 0;
const CODE_CHAR_16 = 1;
const CODE_END = 2;

const CHAR_VALUES: ReadonlyMap<string, number> = new Map(
  [...URI_SAFE_ALPHABET].map((char, value) => [char, value]),
);

export type DecompressResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'invalid-character'; position: number; character: string }
  | { ok: false; reason: 'damaged' }
  | { ok: false; reason: 'too-large'; maxChars: number };

/** Whether every character belongs to the alphabet (a space stands for a `+` turned by a URL). */
function firstInvalidCharacter(input: string): number {
  for (let index = 0; index < input.length; index++) {
    const char = input.charAt(index);
    if (char !== ' ' && !CHAR_VALUES.has(char)) return index;
  }
  return -1;
}

/** Decompresses `input` (lz-string's URI-safe encoding); never returns more than `maxChars`. */
export function decompressBounded(input: string, maxChars: number): DecompressResult {
  const bad = firstInvalidCharacter(input);
  if (bad >= 0) return { ok: false, reason: 'invalid-character', position: bad, character: input.charAt(bad) };
  if (input.length === 0) return { ok: false, reason: 'damaged' };
  const values = Array.from(input, (char) => (char === ' ' ? CHAR_VALUES.get('+')! : CHAR_VALUES.get(char)!));
  const length = values.length;

  let current = values[0]!;
  let position = FIRST_BIT;
  let index = 1;
  /** Reads `count` bits, least significant first, as lz-string writes them. */
  const readBits = (count: number): number => {
    let bits = 0;
    for (let power = 0; power < count; power++) {
      const bit = current & position;
      position >>= 1;
      if (position === 0) {
        position = FIRST_BIT;
        current = values[index++] ?? 0;
      }
      if (bit > 0) bits |= 1 << power;
    }
    return bits >>> 0;
  };

  const dictionary: string[] = [];
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;

  const first = readBits(2);
  if (first === CODE_END) return { ok: true, text: '' };
  if (first !== CODE_CHAR_8 && first !== CODE_CHAR_16) return { ok: false, reason: 'damaged' };
  let w = String.fromCharCode(readBits(first === CODE_CHAR_8 ? 8 : 16));
  dictionary[3] = w;
  const result: string[] = [w];
  let total = w.length;

  for (;;) {
    if (index > length) return { ok: false, reason: 'damaged' };
    let code = readBits(numBits);
    if (code === CODE_END) return { ok: true, text: result.join('') };
    if (code === CODE_CHAR_8 || code === CODE_CHAR_16) {
      dictionary[dictSize++] = String.fromCharCode(readBits(code === CODE_CHAR_8 ? 8 : 16));
      code = dictSize - 1;
      enlargeIn--;
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    let entry: string;
    const known = dictionary[code];
    if (known !== undefined) entry = known;
    else if (code === dictSize) entry = w + w.charAt(0);
    else return { ok: false, reason: 'damaged' };

    total += entry.length;
    if (total > maxChars) return { ok: false, reason: 'too-large', maxChars };
    result.push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
